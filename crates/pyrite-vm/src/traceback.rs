//! Printing exceptions and tracebacks in CPython 3.12's format: chains, exception-group
//! boxes, source lines with caret anchors, syntax-error text, and "Did you mean" suggestions
//! (CPython: `Python/traceback.c`, `Python/pythonrun.c` print_exception, `Python/suggestions.c`).

use crate::object::Value;
use crate::objects::{exceptions, none, str as pystr, frameobj};
use crate::vm::Vm;

/// Format an exception with its chain and tracebacks exactly as CPython 3.12 prints an
/// uncaught exception (`Python/pythonrun.c` `_PyErr_Display`).
pub fn format_exception(vm: &mut Vm, exc: &Value) -> String {
    let mut p = Printer { out: String::new(), seen: Vec::new(), group_depth: 0, need_close: false };
    p.print_recursive(vm, exc);
    p.out
}

const CAUSE_MESSAGE: &str = "The above exception was the direct cause of the following exception:\n";
const CONTEXT_MESSAGE: &str = "During handling of the above exception, another exception occurred:\n";
const MAX_GROUP_WIDTH: usize = 15;
const MAX_GROUP_DEPTH: usize = 10;
/// `TB_RECURSIVE_CUTOFF` in `traceback.c`.
const RECURSIVE_CUTOFF: usize = 3;

/// CPython's `exception_print_context`.
struct Printer {
    out: String,
    seen: Vec<usize>,
    group_depth: usize,
    need_close: bool,
}

impl Printer {
    fn margin(&self) -> &'static str {
        if self.group_depth > 0 { "| " } else { "" }
    }

    fn indent(&self) -> usize {
        2 * self.group_depth
    }

    fn write_indent(&mut self, n: usize) {
        self.out.extend(std::iter::repeat(' ').take(n));
    }

    fn write_margin(&mut self) {
        self.write_indent(self.indent());
        self.out.push_str(self.margin());
    }

    fn print_recursive(&mut self, vm: &mut Vm, value: &Value) {
        self.print_cause_and_context(vm, value);
        if is_exception_group(value) {
            self.print_group(vm, value);
        } else {
            self.print_exception(vm, value);
        }
    }

    fn print_cause_and_context(&mut self, vm: &mut Vm, value: &Value) {
        self.seen.push(value.bits());
        if !exceptions::is_exception_instance(value) {
            return;
        }
        let d = exceptions::exc_data(value);
        if let Some(cause) = d.cause() {
            if !self.seen.contains(&cause.bits()) {
                self.print_chained(vm, &cause, CAUSE_MESSAGE);
            }
            return;
        }
        if d.suppress_context.get() {
            return;
        }
        if let Some(ctx) = d.context() {
            if !self.seen.contains(&ctx.bits()) {
                self.print_chained(vm, &ctx, CONTEXT_MESSAGE);
            }
        }
    }

    fn print_chained(&mut self, vm: &mut Vm, value: &Value, message: &str) {
        let need_close = self.need_close;
        self.print_recursive(vm, value);
        self.need_close = need_close;
        self.write_margin();
        self.out.push('\n');
        self.write_margin();
        self.out.push_str(message);
        self.write_margin();
        self.out.push('\n');
    }

    fn print_group(&mut self, vm: &mut Vm, value: &Value) {
        if self.group_depth > MAX_GROUP_DEPTH {
            self.write_margin();
            self.out.push_str(&format!("... (max_group_depth is {MAX_GROUP_DEPTH})\n"));
            return;
        }
        if self.group_depth == 0 {
            self.group_depth += 1;
        }
        self.print_exception(vm, value);
        let excs = crate::protocols::object::getattr_opt(vm, value, "exceptions")
            .ok()
            .flatten()
            .and_then(|e| crate::protocols::iter::collect(vm, &e).ok())
            .unwrap_or_default();
        let num = excs.len();
        let n = if num <= MAX_GROUP_WIDTH { num } else { MAX_GROUP_WIDTH + 1 };
        self.need_close = false;
        for (i, exc) in excs.iter().take(n).enumerate() {
            let last = i == n - 1;
            if last {
                // The closing frame may be added in a recursive call.
                self.need_close = true;
            }
            self.write_indent(self.indent());
            let lead = if i == 0 { "+-" } else { "  " };
            let truncated = i >= MAX_GROUP_WIDTH;
            if truncated {
                self.out.push_str(&format!("{lead}+---------------- ... ----------------\n"));
            } else {
                self.out.push_str(&format!("{lead}+---------------- {} ----------------\n", i + 1));
            }
            self.group_depth += 1;
            if truncated {
                let remaining = num - MAX_GROUP_WIDTH;
                self.write_margin();
                self.out.push_str(&format!("and {remaining} more exception{}\n", if remaining > 1 { "s" } else { "" }));
            } else {
                self.print_recursive(vm, exc);
            }
            if last && self.need_close {
                self.write_indent(self.indent());
                self.out.push_str("+------------------------------------\n");
                self.need_close = false;
            }
            self.group_depth -= 1;
        }
        if self.group_depth == 1 {
            self.group_depth -= 1;
        }
    }

    /// CPython's `print_exception`: traceback, SyntaxError location, `Type: message`,
    /// suggestions, notes.
    fn print_exception(&mut self, vm: &mut Vm, value: &Value) {
        if !exceptions::is_exception_instance(value) {
            self.out.push_str(&format!(
                "TypeError: print_exception(): Exception expected for value, {} found\n",
                value.ty().name()
            ));
            return;
        }
        self.print_traceback(vm, value);
        let ty = value.ty();
        let notes = crate::protocols::object::getattr_opt(vm, value, "__notes__").ok().flatten();
        let mut shown = value.clone();
        if ty.is_subtype(exceptions::syntax_error()) {
            if let Some(loc) = parse_syntax_error(vm, value) {
                self.write_margin();
                self.out.push_str(&format!("  File \"{}\", line {}\n", loc.filename, loc.lineno));
                if let Some(text) = &loc.text {
                    let line_size = text.len() as i64;
                    let mut end_offset = loc.end_offset;
                    if loc.end_lineno > loc.lineno {
                        end_offset = line_size;
                    }
                    if end_offset > line_size + 1 {
                        end_offset = line_size + 1;
                    }
                    print_error_text(&mut self.out, loc.offset, end_offset, text);
                }
                shown = loc.message;
            }
        }
        self.write_margin();
        self.out.push_str(&type_display_name(vm, ty));
        if !none::is_none(&shown) {
            match crate::protocols::object::str_string(vm, &shown) {
                Ok(s) => {
                    if !s.is_empty() {
                        self.out.push_str(": ");
                    }
                    self.out.push_str(&s);
                }
                Err(_) => self.out.push_str(": <exception str() failed>"),
            }
        }
        if let Some(s) = offer_suggestions(vm, value) {
            self.out.push_str(&s);
        }
        self.out.push('\n');
        if let Some(notes) = notes {
            self.print_notes(vm, &notes);
        }
    }

    fn print_notes(&mut self, vm: &mut Vm, notes: &Value) {
        let is_seq = !pystr::is_str(notes)
            && notes.downcast::<crate::objects::bytes::BytesData>().is_none()
            && (crate::objects::list::list_data(notes).is_some() || crate::objects::tuple::try_items(notes).is_some());
        let items = if is_seq { crate::protocols::iter::collect(vm, notes).ok() } else { None };
        let Some(items) = items else {
            self.write_margin();
            match crate::protocols::object::repr_string(vm, notes) {
                Ok(s) => self.out.push_str(&s),
                Err(_) => self.out.push_str("<__notes__ repr() failed>"),
            }
            self.out.push('\n');
            return;
        };
        for note in items {
            match crate::protocols::object::str_string(vm, &note) {
                Ok(s) => {
                    for line in split_lines_keepends(&s) {
                        self.write_margin();
                        self.out.push_str(line);
                    }
                }
                Err(_) => self.out.push_str("<note str() failed>"),
            }
            self.out.push('\n');
        }
    }

    fn print_traceback(&mut self, vm: &mut Vm, value: &Value) {
        let Some(tb) = exceptions::exc_data(value).traceback() else { return };
        let mut limit = usize::MAX;
        if let Ok(Some(l)) = crate::protocols::object::getattr_opt(vm, &vm.sys_module().clone(), "tracebacklimit") {
            if let Some(l) = l.as_small_int() {
                if l <= 0 {
                    return;
                }
                limit = l as usize;
            }
        }
        let (header, header_margin) = if is_exception_group(value) {
            ("Exception Group Traceback (most recent call last):\n", if self.group_depth == 1 { "+ " } else { self.margin() })
        } else {
            ("Traceback (most recent call last):\n", self.margin())
        };
        self.write_indent(self.indent());
        self.out.push_str(header_margin);
        self.out.push_str(header);

        let mut entries = Vec::new();
        let mut cur = Some(tb);
        while let Some(t) = cur {
            cur = t.downcast::<exceptions::TracebackData>().and_then(|d| d.next.clone());
            entries.push(t);
        }
        let skip = entries.len().saturating_sub(limit);
        let mut last: Option<(String, u32, String)> = None;
        let mut cnt = 0usize;
        for t in &entries[skip..] {
            let td = t.downcast::<exceptions::TracebackData>().expect("traceback");
            let (filename, name, code) = frameobj::describe(&td.frame);
            let key = (filename.clone(), td.lineno, name.clone());
            if last.as_ref() != Some(&key) {
                if cnt > RECURSIVE_CUTOFF {
                    self.print_repeated(cnt);
                }
                last = Some(key);
                cnt = 0;
            }
            cnt += 1;
            if cnt <= RECURSIVE_CUTOFF {
                self.write_margin();
                self.out.push_str(&format!("  File \"{filename}\", line {}, in {name}\n", td.lineno));
                let margin = format!("{}{}", " ".repeat(self.indent()), self.margin());
                if let Some(code) = code {
                    self.out.push_str(&source_line_with_carets(&code, td.lasti as usize, &filename, td.lineno, &margin));
                }
            }
        }
        if cnt > RECURSIVE_CUTOFF {
            self.print_repeated(cnt);
        }
    }

    fn print_repeated(&mut self, cnt: usize) {
        let n = cnt - RECURSIVE_CUTOFF;
        // CPython prints these lines without the exception-group margin.
        self.out.push_str(&format!("  [Previous line repeated {n} more time{}]\n", if n > 1 { "s" } else { "" }));
    }
}

/// `str.splitlines(keepends=True)` for a note.
fn split_lines_keepends(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        let is_break = matches!(
            c,
            '\n' | '\r' | '\x0b' | '\x0c' | '\x1c' | '\x1d' | '\x1e' | '\u{85}' | '\u{2028}' | '\u{2029}'
        );
        if is_break {
            let mut end = i + c.len_utf8();
            if c == '\r' {
                if let Some(&(j, '\n')) = it.peek() {
                    end = j + 1;
                    it.next();
                }
            }
            out.push(&s[start..end]);
            start = end;
        }
    }
    if start < s.len() {
        out.push(&s[start..]);
    }
    out
}

/// Whether `v` is an instance of the built-in `BaseExceptionGroup` (a static type, or a class
/// defined with `__module__ == 'builtins'`).
fn is_exception_group(v: &Value) -> bool {
    if !exceptions::is_exception_instance(v) {
        return false;
    }
    let mut t = Some(v.ty());
    while let Some(ty) = t {
        if ty.name() == "BaseExceptionGroup" {
            if !ty.is_heap_type() {
                return true;
            }
            let module = ty.dict_ref().and_then(|d| {
                let key = pystr::new_str("__module__");
                crate::objects::dict::get_str_key(d, &key).and_then(|m| pystr::try_str(&m).map(str::to_owned))
            });
            if module.as_deref() == Some("builtins") {
                return true;
            }
        }
        t = ty.base();
    }
    false
}

/// `module.QualName` of an exception type, omitting `builtins` and `__main__`.
fn type_display_name(vm: &mut Vm, ty: &crate::typeobj::PyType) -> String {
    let module = match crate::protocols::object::getattr_opt(vm, &ty.to_value(), "__module__") {
        Ok(Some(m)) => pystr::try_str(&m).map(str::to_owned),
        _ => None,
    };
    match module.as_deref() {
        None => format!("<unknown>.{}", ty.qualname()),
        Some("builtins") | Some("__main__") => ty.qualname().to_owned(),
        Some(m) => format!("{m}.{}", ty.qualname()),
    }
}

/// CPython's `_PyPegen_byte_offset_to_character_offset`: the number of characters in the
/// first `col` bytes of `line` (invalid UTF-8 at the cut counts as replacement characters).
fn byte_to_char_offset(line: &str, col: i64) -> i64 {
    let len = line.len() as i64;
    let col = col.min(len + 1).max(0);
    let extra = if col > len { 1 } else { 0 };
    let cut = &line.as_bytes()[..col.min(len) as usize];
    String::from_utf8_lossy(cut).chars().count() as i64 + extra
}

fn is_ws(c: u8) -> bool {
    c == b' ' || c == b'\t' || c == b'\x0c'
}

/// The indented source line and, when the failing expression is narrower than the line,
/// CPython 3.12's caret line under it (`traceback.c` `tb_displayline`). `margin` is written in
/// front of both lines (exception groups).
fn source_line_with_carets(code: &Value, lasti: usize, filename: &str, lineno: u32, margin: &str) -> String {
    let Some(line) = crate::modules::linecache::get_line(filename, lineno) else { return String::new() };
    let cd = crate::objects::function::code_data(code);
    let loc = cd.code.locations.get(lasti).copied();
    render_source_line(&line, loc, margin)
}

/// The source line and caret line for `line` (without its newline) and the failing
/// instruction's location.
fn render_source_line(line: &str, loc: Option<pyrite_bytecode::Location>, margin: &str) -> String {
    let lead = line.bytes().take_while(|&c| is_ws(c)).count();
    let mut out = format!("{margin}    {}\n", &line[lead..]);
    let Some(loc) = loc else { return out };
    if loc.line == 0 || loc.end_line == 0 {
        return out;
    }
    let truncation = lead as i64 - 4;
    let line_chars = line.chars().count() as i64;
    let start = byte_to_char_offset(line, loc.col as i64);
    let mut end = byte_to_char_offset(line, loc.end_col as i64);
    let mut anchors: Option<(i64, i64)> = None;
    if loc.line == loc.end_line {
        let seg: String = line.chars().skip(start.max(0) as usize).take((end - start).max(0) as usize).collect();
        if let Some(a) = pyrite_compiler::caret_anchors(&seg) {
            anchors = Some((byte_to_char_offset(&seg, a.left as i64) + start, byte_to_char_offset(&seg, a.right as i64) + start));
        }
    } else {
        // A multi-line range: highlight to the last non-whitespace character. (CPython scans
        // the UTF-8 bytes starting from the character length; reproduced as is.)
        let b = line.as_bytes();
        let mut i = line_chars;
        loop {
            i -= 1;
            if i < 0 || !b.get(i as usize).is_some_and(|&c| is_ws(c)) {
                break;
            }
        }
        end = i + 1;
    }
    // Elide the carets when the primary range spans the whole stripped line.
    let stripped_len = line_chars - truncation - 4;
    if end - start == stripped_len && anchors.is_none() {
        return out;
    }
    let (primary, secondary) = if anchors.is_some() { ('~', '^') } else { ('^', '^') };
    out.push_str(margin);
    let mut offset = truncation;
    while {
        offset += 1;
        offset <= end
    } {
        let c = if offset <= start {
            ' '
        } else if anchors.is_some_and(|(l, r)| l < offset && offset <= r) {
            secondary
        } else {
            primary
        };
        out.push(c);
    }
    out.push('\n');
    out
}

/// The last line(s) of a traceback: `Type: message` (with the SyntaxError location before it).
#[allow(dead_code)]
pub fn exception_only(vm: &mut Vm, exc: &Value) -> String {
    let mut p = Printer { out: String::new(), seen: Vec::new(), group_depth: 0, need_close: false };
    let d = exceptions::exc_data(exc);
    let tb = d.traceback();
    d.set_traceback(None);
    p.print_exception(vm, exc);
    exceptions::exc_data(exc).set_traceback(tb);
    p.out
}

/// What `parse_syntax_error` in `pythonrun.c` extracts from a SyntaxError.
struct SyntaxLocation {
    message: Value,
    filename: String,
    lineno: i64,
    offset: i64,
    end_lineno: i64,
    end_offset: i64,
    text: Option<String>,
}

fn parse_syntax_error(vm: &mut Vm, exc: &Value) -> Option<SyntaxLocation> {
    let get = |vm: &mut Vm, n: &str| crate::protocols::object::getattr_opt(vm, exc, n).ok().flatten();
    let as_int = |vm: &mut Vm, v: &Value| -> Option<i64> {
        if crate::objects::int::is_int(v) { crate::objects::int::to_i64(vm, v).ok() } else { None }
    };
    let message = get(vm, "msg")?;
    let filename = match get(vm, "filename") {
        None => return None,
        Some(f) if none::is_none(&f) => "<string>".to_owned(),
        Some(f) => crate::protocols::object::str_string(vm, &f).ok()?,
    };
    let lineno = get(vm, "lineno")?;
    let lineno = as_int(vm, &lineno)?;
    let offset = match get(vm, "offset")? {
        o if none::is_none(&o) => -1,
        o => as_int(vm, &o)?,
    };
    let (end_lineno, end_offset) = if std::ptr::eq(exc.ty(), exceptions::syntax_error()) {
        let end_lineno = match get(vm, "end_lineno") {
            None => lineno,
            Some(v) if none::is_none(&v) => lineno,
            Some(v) => as_int(vm, &v)?,
        };
        let end_offset = match get(vm, "end_offset") {
            None => -1,
            Some(v) if none::is_none(&v) => -1,
            Some(v) => as_int(vm, &v)?,
        };
        (end_lineno, end_offset)
    } else {
        // SyntaxError subclasses (IndentationError, TabError) get a single caret.
        (lineno, -1)
    };
    let text = get(vm, "text")?;
    let text = if none::is_none(&text) { None } else { Some(pystr::try_str(&text)?.to_owned()) };
    Some(SyntaxLocation { message, filename, lineno, offset, end_lineno, end_offset, text })
}

/// CPython's `print_error_text`: the offending line (stripped of leading whitespace) and a
/// caret line. Offsets are 1-based characters, compared against UTF-8 byte lengths as CPython
/// does.
fn print_error_text(out: &mut String, offset: i64, end_offset: i64, text: &str) {
    let caret_repetitions = if end_offset > 0 && end_offset > offset { end_offset - offset } else { 1 };
    let mut offset = offset - 1;
    let mut t = text;
    while let Some(rest) = t.strip_prefix([' ', '\t', '\x0c']) {
        t = rest;
        offset -= 1;
    }
    let mut len = t.len() as i64;
    if t.ends_with('\n') {
        len -= 1;
    }
    if offset > len {
        offset = len;
    }
    while let Some(nl) = t.find('\n') {
        let inl = nl as i64;
        if inl >= offset {
            break;
        }
        t = &t[nl + 1..];
        len -= inl + 1;
        offset -= inl + 1;
    }
    out.push_str("    ");
    out.push_str(t);
    if t.as_bytes().get(len.max(0) as usize) != Some(&b'\n') {
        out.push('\n');
    }
    if offset < 0 {
        return;
    }
    out.push_str("    ");
    out.extend(std::iter::repeat(' ').take(offset as usize));
    out.extend(std::iter::repeat('^').take(caret_repetitions as usize));
    out.push('\n');
}

// ---- "Did you mean" suggestions (CPython: Python/suggestions.c) ----

const MAX_CANDIDATE_ITEMS: usize = 750;
const MAX_STRING_SIZE: usize = 40;
const MOVE_COST: usize = 2;
const CASE_COST: usize = 1;

fn substitution_cost(a: u8, b: u8) -> usize {
    if (a & 31) != (b & 31) {
        return MOVE_COST;
    }
    if a == b {
        return 0;
    }
    if a.to_ascii_lowercase() == b.to_ascii_lowercase() {
        return CASE_COST;
    }
    MOVE_COST
}

/// CPython's `levenshtein_distance` (byte-wise, with its affix trimming and early exits).
fn levenshtein_distance(a: &[u8], b: &[u8], max_cost: usize) -> usize {
    if a == b {
        return 0;
    }
    let (mut a, mut b) = (a, b);
    while !a.is_empty() && !b.is_empty() && a[0] == b[0] {
        a = &a[1..];
        b = &b[1..];
    }
    while !a.is_empty() && !b.is_empty() && a[a.len() - 1] == b[b.len() - 1] {
        a = &a[..a.len() - 1];
        b = &b[..b.len() - 1];
    }
    if a.is_empty() || b.is_empty() {
        return (a.len() + b.len()) * MOVE_COST;
    }
    if a.len() > MAX_STRING_SIZE || b.len() > MAX_STRING_SIZE {
        return max_cost + 1;
    }
    if b.len() < a.len() {
        std::mem::swap(&mut a, &mut b);
    }
    if (b.len() - a.len()) * MOVE_COST > max_cost {
        return max_cost + 1;
    }
    let mut buffer: Vec<usize> = (1..=a.len()).map(|i| i * MOVE_COST).collect();
    let mut result = 0;
    for (b_index, &code) in b.iter().enumerate() {
        let mut distance = b_index * MOVE_COST;
        result = distance;
        let mut minimum = usize::MAX;
        for index in 0..a.len() {
            let substitute = distance + substitution_cost(code, a[index]);
            distance = buffer[index];
            let insert_delete = result.min(distance) + MOVE_COST;
            result = insert_delete.min(substitute);
            buffer[index] = result;
            minimum = minimum.min(result);
        }
        if minimum > max_cost {
            return max_cost + 1;
        }
    }
    result
}

/// CPython's `calculate_suggestions`: the closest candidate within the distance budget.
fn calculate_suggestions(dir: &[String], name: &str) -> Option<String> {
    if dir.len() >= MAX_CANDIDATE_ITEMS {
        return None;
    }
    let mut best: Option<(&String, usize)> = None;
    for item in dir {
        if item == name {
            continue;
        }
        let max_distance = (name.len() + item.len() + 3) * MOVE_COST / 6;
        let max_distance = match best {
            Some((_, d)) => max_distance.min(d.wrapping_sub(1)),
            None => max_distance,
        };
        let d = levenshtein_distance(name.as_bytes(), item.as_bytes(), max_distance);
        if d > max_distance {
            continue;
        }
        if best.map_or(true, |(_, bd)| d < bd) {
            best = Some((item, d));
        }
    }
    best.map(|(s, _)| s.clone())
}

/// The str keys of a dict (or nothing for a non-dict).
fn dict_str_keys(d: &Value) -> Vec<String> {
    match crate::objects::dict::dict_data(d) {
        Some(dd) => dd.keys().iter().filter_map(|k| pystr::try_str(k).map(str::to_owned)).collect(),
        None => Vec::new(),
    }
}

fn dir_of(vm: &mut Vm, obj: &Value) -> Option<Vec<String>> {
    let dir = crate::objects::dict::get_str_key(&vm.builtins().clone(), &vm.intern("dir"))?;
    let list = crate::protocols::call::call(vm, &dir, &[obj.clone()], None).ok()?;
    let items = crate::protocols::iter::collect(vm, &list).ok()?;
    Some(items.iter().filter_map(|k| pystr::try_str(k).map(str::to_owned)).collect())
}

/// The text CPython 3.12 appends after the message of an exactly-NameError/AttributeError
/// (`_Py_Offer_Suggestions`): `. Did you mean: 'x'?` or `. Did you forget to import 'x'?`.
fn offer_suggestions(vm: &mut Vm, exc: &Value) -> Option<String> {
    let ty = exc.ty();
    let attr_str = |vm: &mut Vm, n: &str| -> Option<Value> {
        crate::protocols::object::getattr_opt(vm, exc, n).ok().flatten().filter(|v| !none::is_none(v))
    };
    if std::ptr::eq(ty, exceptions::name_error()) {
        let name = match attr_str(vm, "name") {
            Some(n) => n.downcast_exact::<pystr::StrData>().map(|_| pystr::as_str(&n).to_owned())?,
            // Stopgap until the VM records `NameError.name` when it raises: recover the name
            // from the VM's own message.
            None => name_from_message(vm, exc)?,
        };
        let tb = exceptions::exc_data(exc).traceback()?;
        let mut last = tb;
        while let Some(next) = last.downcast::<exceptions::TracebackData>().and_then(|d| d.next.clone()) {
            last = next;
        }
        let frame = last.downcast::<exceptions::TracebackData>()?.frame.clone();
        let suggestion = suggestion_for_name_error(vm, &name, &frame);
        return match suggestion {
            Some(s) => Some(format!(". Did you mean: {}?", py_repr_str(&s))),
            None if STDLIB_MODULE_NAMES.binary_search(&name.as_str()).is_ok() => {
                Some(format!(". Did you forget to import {}?", py_repr_str(&name)))
            }
            None => None,
        };
    }
    if std::ptr::eq(ty, exceptions::attribute_error()) {
        let name = attr_str(vm, "name")?;
        let name = name.downcast_exact::<pystr::StrData>().map(|_| pystr::as_str(&name).to_owned())?;
        let obj = attr_str(vm, "obj")?;
        let dir = dir_of(vm, &obj)?;
        let s = calculate_suggestions(&dir, &name)?;
        return Some(format!(". Did you mean: {}?", py_repr_str(&s)));
    }
    None
}

/// `name 'x' is not defined` -> `x`.
fn name_from_message(vm: &mut Vm, exc: &Value) -> Option<String> {
    let args = exceptions::exc_data(exc).args();
    let items = crate::objects::tuple::try_items(&args)?;
    let [msg] = items else { return None };
    let _ = vm;
    let msg = pystr::try_str(msg)?;
    let name = msg.strip_prefix("name '")?.strip_suffix("' is not defined")?;
    (!name.is_empty() && !name.contains('\'')).then(|| name.to_owned())
}

fn suggestion_for_name_error(vm: &mut Vm, name: &str, frame: &Value) -> Option<String> {
    let fd = frame.downcast::<frameobj::FrameObjectData>()?;
    let cd = crate::objects::function::code_data(&fd.code);
    let varnames: Vec<String> = cd
        .code
        .localsplusnames
        .iter()
        .zip(cd.code.localspluskinds.iter())
        .filter(|(_, &k)| k & pyrite_bytecode::code::local_kind::LOCAL != 0)
        .map(|(n, _)| n.clone())
        .collect();
    if varnames.iter().any(|n| n == "self") {
        // CPython looks `self` up in the frame's locals; the snapshot only has them for frames
        // with a locals mapping.
        if let Some(locals) = &fd.locals {
            let key = vm.intern("self");
            if let Some(this) = crate::objects::dict::get_str_key(locals, &key) {
                if let Ok(Some(_)) = crate::protocols::object::getattr_opt(vm, &this, name) {
                    return Some(format!("self.{name}"));
                }
            }
        }
    }
    if let Some(s) = calculate_suggestions(&varnames, name) {
        return Some(s);
    }
    let globals = fd.globals.clone();
    if let Some(s) = calculate_suggestions(&dict_str_keys(&globals), name) {
        return Some(s);
    }
    let builtins = vm.builtins().clone();
    calculate_suggestions(&dict_str_keys(&builtins), name)
}

/// `repr()` of a str (the suggestion is printed with `%R`).
fn py_repr_str(s: &str) -> String {
    crate::objects::str::repr_text(s)
}

/// `sys.stdlib_module_names` of CPython 3.12 (sorted).
static STDLIB_MODULE_NAMES: &[&str] = &[
    "__future__", "_abc", "_aix_support", "_ast", "_asyncio", "_bisect", "_blake2", "_bz2",
    "_codecs", "_codecs_cn", "_codecs_hk", "_codecs_iso2022", "_codecs_jp", "_codecs_kr",
    "_codecs_tw", "_collections", "_collections_abc", "_compat_pickle", "_compression",
    "_contextvars", "_crypt", "_csv", "_ctypes", "_curses", "_curses_panel", "_datetime", "_dbm",
    "_decimal", "_elementtree", "_frozen_importlib", "_frozen_importlib_external", "_functools",
    "_gdbm", "_hashlib", "_heapq", "_imp", "_io", "_json", "_locale", "_lsprof", "_lzma",
    "_markupbase", "_md5", "_msi", "_multibytecodec", "_multiprocessing", "_opcode", "_operator",
    "_osx_support", "_overlapped", "_pickle", "_posixshmem", "_posixsubprocess", "_py_abc",
    "_pydatetime", "_pydecimal", "_pyio", "_pylong", "_queue", "_random", "_scproxy", "_sha1",
    "_sha2", "_sha3", "_signal", "_sitebuiltins", "_socket", "_sqlite3", "_sre", "_ssl", "_stat",
    "_statistics", "_string", "_strptime", "_struct", "_symtable", "_thread", "_threading_local",
    "_tkinter", "_tokenize", "_tracemalloc", "_typing", "_uuid", "_warnings", "_weakref",
    "_weakrefset", "_winapi", "_zoneinfo", "abc", "aifc", "antigravity", "argparse", "array", "ast",
    "asyncio", "atexit", "audioop", "base64", "bdb", "binascii", "bisect", "builtins", "bz2",
    "cProfile", "calendar", "cgi", "cgitb", "chunk", "cmath", "cmd", "code", "codecs", "codeop",
    "collections", "colorsys", "compileall", "concurrent", "configparser", "contextlib",
    "contextvars", "copy", "copyreg", "crypt", "csv", "ctypes", "curses", "dataclasses", "datetime",
    "dbm", "decimal", "difflib", "dis", "doctest", "email", "encodings", "ensurepip", "enum",
    "errno", "faulthandler", "fcntl", "filecmp", "fileinput", "fnmatch", "fractions", "ftplib",
    "functools", "gc", "genericpath", "getopt", "getpass", "gettext", "glob", "graphlib", "grp",
    "gzip", "hashlib", "heapq", "hmac", "html", "http", "idlelib", "imaplib", "imghdr", "importlib",
    "inspect", "io", "ipaddress", "itertools", "json", "keyword", "lib2to3", "linecache", "locale",
    "logging", "lzma", "mailbox", "mailcap", "marshal", "math", "mimetypes", "mmap", "modulefinder",
    "msilib", "msvcrt", "multiprocessing", "netrc", "nis", "nntplib", "nt", "ntpath", "nturl2path",
    "numbers", "opcode", "operator", "optparse", "os", "ossaudiodev", "pathlib", "pdb", "pickle",
    "pickletools", "pipes", "pkgutil", "platform", "plistlib", "poplib", "posix", "posixpath",
    "pprint", "profile", "pstats", "pty", "pwd", "py_compile", "pyclbr", "pydoc", "pydoc_data",
    "pyexpat", "queue", "quopri", "random", "re", "readline", "reprlib", "resource", "rlcompleter",
    "runpy", "sched", "secrets", "select", "selectors", "shelve", "shlex", "shutil", "signal",
    "site", "smtplib", "sndhdr", "socket", "socketserver", "spwd", "sqlite3", "sre_compile",
    "sre_constants", "sre_parse", "ssl", "stat", "statistics", "string", "stringprep", "struct",
    "subprocess", "sunau", "symtable", "sys", "sysconfig", "syslog", "tabnanny", "tarfile",
    "telnetlib", "tempfile", "termios", "textwrap", "this", "threading", "time", "timeit",
    "tkinter", "token", "tokenize", "tomllib", "trace", "traceback", "tracemalloc", "tty", "turtle",
    "turtledemo", "types", "typing", "unicodedata", "unittest", "urllib", "uu", "uuid", "venv",
    "warnings", "wave", "weakref", "webbrowser", "winreg", "winsound", "wsgiref", "xdrlib", "xml",
    "xmlrpc", "zipapp", "zipfile", "zipimport", "zlib", "zoneinfo",
];

#[cfg(test)]
mod tests {
    use super::*;
    use pyrite_bytecode::Location;

    fn loc(line: u32, col: u32, end_line: u32, end_col: u32) -> Option<Location> {
        Some(Location { line, end_line, col, end_col })
    }

    // Expectations produced by CPython 3.12.1's tracebacks.
    #[test]
    fn carets_binop_and_subscript() {
        assert_eq!(render_source_line("print(1/0)", loc(1, 6, 1, 9), ""), "    print(1/0)\n          ~^~\n");
        assert_eq!(render_source_line("    return v[\"key\"]", loc(1, 11, 1, 19), ""), "    return v[\"key\"]\n           ~^^^^^^^\n");
        assert_eq!(render_source_line("[][0]", loc(1, 0, 1, 5), ""), "    [][0]\n    ~~^^^\n");
    }

    #[test]
    fn carets_elided_for_whole_line() {
        assert_eq!(render_source_line("level1()", loc(1, 0, 1, 8), ""), "    level1()\n");
        assert_eq!(render_source_line("    f(x)", loc(1, 4, 1, 8), ""), "    f(x)\n");
        // Trailing spaces are part of the line: the carets are no longer elided.
        assert_eq!(render_source_line("f(x)  ", loc(1, 0, 1, 4), ""), "    f(x)  \n    ^^^^\n");
    }

    #[test]
    fn carets_plain_call() {
        assert_eq!(render_source_line("    return level2(data)", loc(1, 11, 1, 23), ""), "    return level2(data)\n           ^^^^^^^^^^^^\n");
    }

    #[test]
    fn carets_non_ascii_before_range() {
        // "é" is two bytes but one column.
        assert_eq!(render_source_line("x = 'é' + 1", loc(1, 4, 1, 12), ""), "    x = 'é' + 1\n        ~~~~^~~\n");
    }

    #[test]
    fn carets_multiline_range() {
        assert_eq!(render_source_line("x = f(1,", loc(1, 4, 2, 3), ""), "    x = f(1,\n        ^^^^\n");
    }

    #[test]
    fn suggestions() {
        let dir: Vec<String> = ["counter", "print", "len"].iter().map(|s| s.to_string()).collect();
        assert_eq!(calculate_suggestions(&dir, "countr").as_deref(), Some("counter"));
        assert_eq!(calculate_suggestions(&dir, "lenn").as_deref(), Some("len"));
        assert_eq!(calculate_suggestions(&dir, "zzzzzz"), None);
        assert_eq!(levenshtein_distance(b"ab", b"AB", 10), 2);
    }

    #[test]
    fn syntax_error_text() {
        let mut s = String::new();
        print_error_text(&mut s, 1, -1, "return 1\n");
        assert_eq!(s, "    return 1\n    ^\n");
        let mut s = String::new();
        print_error_text(&mut s, 4, -1, "    y = 2\n");
        assert_eq!(s, "    y = 2\n");
        let mut s = String::new();
        print_error_text(&mut s, 3, 4, "a b c\n");
        assert_eq!(s, "    a b c\n      ^\n");
    }
}
