//! Exception unwinding through the exception table, tracebacks, and printing them in
//! CPython 3.12's format (CPython: `Python/ceval.c` exception_unwind, `Python/traceback.c`,
//! `Python/pythonrun.c` print_exception).

use crate::object::Value;
use crate::objects::{exceptions, none, str as pystr, frameobj};
use crate::vm::{PyErr, Vm};

use super::frame::Frame;

/// Add a traceback entry for `f` unless the error is being re-raised from this frame.
pub fn record_traceback(vm: &mut Vm, f: &Frame, err: &mut PyErr) {
    if err.reraise {
        err.reraise = false;
        return;
    }
    let d = exceptions::exc_data(&err.exc);
    if d.traceback().is_none() && d.context().is_none() {
        super::ops::attach_context(vm, &err.exc);
    }
    add_traceback(vm, &err.exc, f);
}

/// Prepend a traceback entry for frame `f` to `exc.__traceback__`.
pub fn add_traceback(vm: &mut Vm, exc: &Value, f: &Frame) {
    let d = exceptions::exc_data(exc);
    let frame = frameobj::snapshot(vm, f);
    let tb = exceptions::new_traceback(d.traceback(), frame, f.lasti as u32, f.lineno());
    d.set_traceback(Some(tb));
}

/// Find a handler for the current instruction; on success the frame's stack and ip are set
/// up for the handler (the caller pushes the exception).
pub fn find_handler(f: &mut Frame, _err: &PyErr) -> Option<()> {
    let entry = *f.code_data().code.find_handler(f.instr as u32)?;
    let depth = f.stack_base + entry.depth as usize;
    while f.sp > depth {
        f.sp -= 1;
        let v = f.slots[f.sp].take();
        drop(v);
    }
    if entry.lasti {
        let lasti = Value::int(f.instr as i64);
        f.push(lasti);
    }
    f.ip = entry.target as usize;
    Some(())
}

/// Format an exception with its chain and tracebacks, as `traceback.print_exception`.
pub fn format_exception(vm: &mut Vm, exc: &Value) -> String {
    let mut out = String::new();
    let mut seen = Vec::new();
    format_chain(vm, exc, &mut out, &mut seen);
    out
}

fn format_chain(vm: &mut Vm, exc: &Value, out: &mut String, seen: &mut Vec<usize>) {
    seen.push(exc.bits());
    let d = exceptions::exc_data(exc);
    if let Some(cause) = d.cause() {
        if !seen.contains(&cause.bits()) {
            format_chain(vm, &cause, out, seen);
            out.push_str("\nThe above exception was the direct cause of the following exception:\n\n");
        }
    } else if let Some(ctx) = d.context() {
        if !d.suppress_context.get() && !seen.contains(&ctx.bits()) {
            format_chain(vm, &ctx, out, seen);
            out.push_str("\nDuring handling of the above exception, another exception occurred:\n\n");
        }
    }
    format_single(vm, exc, out);
}

fn format_single(vm: &mut Vm, exc: &Value, out: &mut String) {
    let d = exceptions::exc_data(exc);
    if let Some(tb) = d.traceback() {
        out.push_str("Traceback (most recent call last):\n");
        let mut cur = Some(tb);
        let mut last: Option<(String, u32, String)> = None;
        let mut repeat = 0usize;
        while let Some(t) = cur {
            let td = t.downcast::<exceptions::TracebackData>().expect("traceback");
            let (filename, name, code) = frameobj::describe(&td.frame);
            let key = (filename.clone(), td.lineno, name.clone());
            if last.as_ref() == Some(&key) {
                repeat += 1;
            } else {
                flush_repeats(out, repeat);
                repeat = 0;
                last = Some(key);
            }
            if repeat < 3 {
                out.push_str(&format!("  File \"{filename}\", line {}, in {name}\n", td.lineno));
                if let Some(code) = code {
                    out.push_str(&source_line_with_carets(&code, td.lasti as usize, &filename, td.lineno));
                }
            }
            cur = td.next.clone();
        }
        flush_repeats(out, repeat);
    }
    out.push_str(&exception_only(vm, exc));
}

fn flush_repeats(out: &mut String, repeat: usize) {
    if repeat >= 3 {
        let n = repeat - 2;
        out.push_str(&format!("  [Previous line repeated {n} more time{}]\n", if n == 1 { "" } else { "s" }));
    }
}

/// The indented source line and, when the failing expression is narrower than the line,
/// CPython 3.12's caret line under it.
fn source_line_with_carets(code: &Value, lasti: usize, filename: &str, lineno: u32) -> String {
    let Some(line) = crate::modules::linecache::get_line(filename, lineno) else { return String::new() };
    let stripped = line.trim_start();
    let indent = line.len() - stripped.len();
    let stripped = stripped.trim_end();
    let mut out = format!("    {stripped}\n");
    let cd = crate::objects::function::code_data(code);
    if let Some(loc) = cd.code.locations.get(lasti) {
        if loc.line == lineno && loc.end_line == loc.line && loc.end_col > loc.col {
            let (start, end) = (loc.col as usize, loc.end_col as usize);
            if start >= indent && end <= indent + stripped.len() && !(start == indent && end == indent + stripped.len()) {
                let seg_start = line[..start].chars().count() - line[..indent].chars().count();
                let seg_len = line[start..end].chars().count();
                let carets = crate::modules::linecache::caret_line(&line[start..end]);
                let _ = seg_len;
                out.push_str(&format!("    {}{}\n", " ".repeat(seg_start), carets));
            }
        }
    }
    out
}

/// The last line(s) of a traceback: `Type: message`, or the SyntaxError layout.
pub fn exception_only(vm: &mut Vm, exc: &Value) -> String {
    let ty = exc.ty();
    let module = if ty.is_heap_type() {
        let key = vm.intern("__module__");
        ty.dict_ref()
            .and_then(|d| crate::objects::dict::get_str_key(d, &key))
            .and_then(|m| pystr::try_str(&m).map(str::to_owned))
            .filter(|m| m != "builtins" && m != "__main__")
    } else {
        None
    };
    let name = match module {
        Some(m) => format!("{m}.{}", ty.qualname()),
        None => ty.qualname().to_owned(),
    };
    let mut out = String::new();
    if ty.is_subtype(exceptions::syntax_error()) {
        out.push_str(&syntax_error_location(vm, exc));
        let msg = crate::protocols::object::getattr_opt(vm, exc, "msg").ok().flatten();
        let msg = msg.filter(|m| !none::is_none(m)).map(|m| crate::protocols::object::str_string(vm, &m).unwrap_or_default()).unwrap_or_default();
        out.push_str(&format!("{name}: {msg}\n"));
        return out;
    }
    let msg = match crate::protocols::object::str(vm, exc) {
        Ok(s) => pystr::as_str(&s).to_owned(),
        Err(_) => "<exception str() failed>".to_owned(),
    };
    if msg.is_empty() {
        out.push_str(&format!("{name}\n"));
    } else {
        out.push_str(&format!("{name}: {msg}\n"));
    }
    if let Ok(Some(notes)) = crate::protocols::object::getattr_opt(vm, exc, "__notes__") {
        if let Ok(items) = crate::protocols::iter::collect(vm, &notes) {
            for n in items {
                if let Ok(s) = crate::protocols::object::str_string(vm, &n) {
                    out.push_str(&s);
                    out.push('\n');
                }
            }
        }
    }
    out
}

fn syntax_error_location(vm: &mut Vm, exc: &Value) -> String {
    let get = |vm: &mut Vm, n: &str| crate::protocols::object::getattr_opt(vm, exc, n).ok().flatten().filter(|v| !none::is_none(v));
    let filename = get(vm, "filename").and_then(|f| pystr::try_str(&f).map(str::to_owned)).unwrap_or_else(|| "<string>".into());
    let lineno = get(vm, "lineno").and_then(|l| l.as_small_int());
    let mut out = String::new();
    let Some(lineno) = lineno else { return out };
    out.push_str(&format!("  File \"{filename}\", line {lineno}\n"));
    if let Some(text) = get(vm, "text").and_then(|t| pystr::try_str(&t).map(str::to_owned)) {
        let line = text.trim_end_matches(['\n', '\r']);
        let stripped = line.trim_start();
        let lead = line.chars().count() - stripped.chars().count();
        let stripped = stripped.trim_end();
        out.push_str(&format!("    {stripped}\n"));
        let offset = get(vm, "offset").and_then(|o| o.as_small_int()).unwrap_or(0);
        let end_offset = get(vm, "end_offset").and_then(|o| o.as_small_int()).unwrap_or(0);
        let end_lineno = get(vm, "end_lineno").and_then(|o| o.as_small_int()).unwrap_or(lineno);
        if offset >= 1 {
            let col = (offset as usize - 1).saturating_sub(lead);
            let width = if end_lineno == lineno && end_offset > offset { (end_offset - offset) as usize } else { 1 };
            let width = width.min(stripped.chars().count().saturating_sub(col).max(1));
            out.push_str(&format!("    {}{}\n", " ".repeat(col), "^".repeat(width.max(1))));
        }
    }
    out
}
