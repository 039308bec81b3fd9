//! The `dis` formatter: CPython 3.12's `dis.dis` layout for a code object (CPython: `Lib/dis.py`).

use crate::code::{CodeObject, Constant};
use crate::opcode::{binop, cmp, intrinsic1, intrinsic2, Opcode};

/// Options for `disassemble`.
#[derive(Clone, Debug)]
pub struct DisOptions {
    /// Also disassemble nested code objects found in `co_consts` (as `dis.dis` does).
    pub recursive: bool,
    /// Show CACHE entries (`show_caches=True`).
    pub show_caches: bool,
}

impl Default for DisOptions {
    fn default() -> Self {
        DisOptions { recursive: true, show_caches: false }
    }
}

fn has_const(op: Opcode) -> bool {
    matches!(op, Opcode::LOAD_CONST | Opcode::RETURN_CONST | Opcode::KW_NAMES)
}

fn has_name(op: Opcode) -> bool {
    matches!(
        op,
        Opcode::STORE_NAME
            | Opcode::DELETE_NAME
            | Opcode::STORE_ATTR
            | Opcode::DELETE_ATTR
            | Opcode::STORE_GLOBAL
            | Opcode::DELETE_GLOBAL
            | Opcode::LOAD_NAME
            | Opcode::LOAD_ATTR
            | Opcode::IMPORT_NAME
            | Opcode::IMPORT_FROM
            | Opcode::LOAD_GLOBAL
            | Opcode::LOAD_SUPER_ATTR
            | Opcode::LOAD_FROM_DICT_OR_GLOBALS
    )
}

fn has_local(op: Opcode) -> bool {
    matches!(
        op,
        Opcode::LOAD_FAST
            | Opcode::STORE_FAST
            | Opcode::DELETE_FAST
            | Opcode::LOAD_FAST_CHECK
            | Opcode::LOAD_FAST_AND_CLEAR
    )
}

fn has_free(op: Opcode) -> bool {
    matches!(
        op,
        Opcode::MAKE_CELL
            | Opcode::LOAD_CLOSURE
            | Opcode::LOAD_DEREF
            | Opcode::STORE_DEREF
            | Opcode::DELETE_DEREF
            | Opcode::LOAD_FROM_DICT_OR_DEREF
    )
}

fn has_jrel(op: Opcode) -> bool {
    matches!(
        op,
        Opcode::JUMP_FORWARD
            | Opcode::JUMP_BACKWARD
            | Opcode::JUMP_BACKWARD_NO_INTERRUPT
            | Opcode::POP_JUMP_IF_FALSE
            | Opcode::POP_JUMP_IF_TRUE
            | Opcode::POP_JUMP_IF_NONE
            | Opcode::POP_JUMP_IF_NOT_NONE
            | Opcode::FOR_ITER
            | Opcode::SEND
    )
}

/// Byte offset a relative jump at byte `offset` goes to (dis's `_get_jump_target`).
fn jump_target(op: Opcode, arg: u32, offset: usize) -> usize {
    let caches = op.cache_entries();
    let signed = if op.is_backward_jump() { -(arg as i64) } else { arg as i64 };
    (offset as i64 + 2 + signed * 2 + 2 * caches as i64) as usize
}

struct Ins {
    offset: usize,
    op: Opcode,
    arg: Option<u32>,
    line: Option<u32>,
}

/// Decode into dis's instruction list (EXTENDED_ARG shown, caches skipped unless asked).
fn instructions(code: &CodeObject, units: &[u16], show_caches: bool) -> Vec<Ins> {
    let mut out = Vec::new();
    let mut i = 0;
    let mut ext: u32 = 0;
    while i < units.len() {
        let unit = units[i];
        let op = Opcode::from_u8((unit & 0xff) as u8).unwrap_or(Opcode::NOP);
        let raw = (unit >> 8) as u32;
        let arg = raw | ext;
        ext = if op == Opcode::EXTENDED_ARG { arg << 8 } else { 0 };
        let line = code.locations.get(i).and_then(|l| if l.line != 0 || l.end_line != 0 { Some(l.line) } else { None });
        out.push(Ins { offset: i * 2, op, arg: if op.has_arg() { Some(arg) } else { None }, line });
        i += 1;
        for _ in 0..op.cache_entries() {
            if show_caches && i < units.len() {
                out.push(Ins { offset: i * 2, op: Opcode::CACHE, arg: None, line: None });
            }
            i += 1;
        }
    }
    out
}

/// Disassemble `code` as CPython 3.12's `dis.dis` prints it.
pub fn disassemble(code: &CodeObject, const_repr: &dyn Fn(&Constant) -> String, opts: &DisOptions) -> String {
    disassemble_units(code, const_repr, opts, &|c: &CodeObject| c.code.clone())
}

/// Like [`disassemble`], reading each code object's instructions from `units_of` (the
/// interpreter's quickened copy for `dis.dis(..., adaptive=True)`, where specialised and
/// super-instructions show under their own names).
pub fn disassemble_units(
    code: &CodeObject,
    const_repr: &dyn Fn(&Constant) -> String,
    opts: &DisOptions,
    units_of: &dyn Fn(&CodeObject) -> Vec<u16>,
) -> String {
    let mut out = String::new();
    disassemble_one(code, &units_of(code), const_repr, opts, &mut out);
    if opts.recursive {
        for c in &code.consts {
            if let Constant::Code(inner) = c {
                out.push('\n');
                out.push_str(&format!("Disassembly of {}:\n", const_repr(c)));
                out.push_str(&disassemble_units(inner, const_repr, opts, units_of));
            }
        }
    }
    out
}

fn disassemble_one(code: &CodeObject, units: &[u16], const_repr: &dyn Fn(&Constant) -> String, opts: &DisOptions, out: &mut String) {
    let ins = instructions(code, units, opts.show_caches);
    // findlinestarts
    let mut starts: std::collections::HashMap<usize, u32> = Default::default();
    let mut last: Option<u32> = None;
    let mut max_line = 0;
    for i in &ins {
        if i.op == Opcode::CACHE {
            continue;
        }
        if let Some(l) = i.line {
            if Some(l) != last {
                starts.insert(i.offset, l);
                last = Some(l);
                max_line = max_line.max(l);
            }
        }
    }
    let lineno_width = if starts.is_empty() {
        0
    } else if max_line >= 1000 {
        max_line.to_string().len()
    } else {
        3
    };
    let maxoffset = (code.code.len() * 2).saturating_sub(2);
    let offset_width = if maxoffset >= 10000 { maxoffset.to_string().len() } else { 4 };
    let mut labels: std::collections::HashSet<usize> = Default::default();
    for i in &ins {
        if has_jrel(i.op.deopt()) {
            labels.insert(jump_target(i.op.deopt(), i.arg.unwrap_or(0), i.offset));
        }
    }
    for e in &code.exception_table {
        labels.insert(e.target as usize * 2);
    }
    let varname = |idx: u32| code.localsplusnames.get(idx as usize).cloned().unwrap_or_default();
    for i in &ins {
        let starts_line = starts.get(&i.offset).copied();
        if lineno_width > 0 && starts_line.is_some() && i.offset > 0 {
            out.push('\n');
        }
        let mut fields: Vec<String> = Vec::new();
        if lineno_width > 0 {
            match starts_line {
                Some(l) => fields.push(format!("{:>w$}", l, w = lineno_width)),
                None => fields.push(" ".repeat(lineno_width)),
            }
        }
        fields.push("   ".into());
        fields.push(if labels.contains(&i.offset) { ">>".into() } else { "  ".into() });
        fields.push(format!("{:>w$}", i.offset, w = offset_width));
        fields.push(format!("{:<20}", i.op.name()));
        if let Some(arg) = i.arg {
            fields.push(format!("{:>5}", arg));
            let argrepr = arg_repr(code, i, arg, const_repr, &varname);
            if !argrepr.is_empty() {
                fields.push(format!("({argrepr})"));
            }
        }
        out.push_str(fields.join(" ").trim_end());
        out.push('\n');
    }
    if !code.exception_table.is_empty() {
        out.push_str("ExceptionTable:\n");
        for e in &code.exception_table {
            let lasti = if e.lasti { " lasti" } else { "" };
            out.push_str(&format!(
                "  {} to {} -> {} [{}]{}\n",
                e.start * 2,
                (e.end * 2).saturating_sub(2),
                e.target * 2,
                e.depth,
                lasti
            ));
        }
    }
}

fn arg_repr(
    code: &CodeObject,
    i: &Ins,
    arg: u32,
    const_repr: &dyn Fn(&Constant) -> String,
    varname: &dyn Fn(u32) -> String,
) -> String {
    // Specialised forms print their own name but read their argument as their family does.
    let op = i.op.deopt();
    let name = |idx: u32| code.names.get(idx as usize).cloned().unwrap_or_default();
    if has_const(op) {
        return code.consts.get(arg as usize).map(const_repr).unwrap_or_default();
    }
    if has_name(op) {
        return match op {
            Opcode::LOAD_GLOBAL => {
                let n = name(arg >> 1);
                if arg & 1 != 0 && !n.is_empty() { format!("NULL + {n}") } else { n }
            }
            Opcode::LOAD_ATTR => {
                let n = name(arg >> 1);
                if arg & 1 != 0 && !n.is_empty() { format!("NULL|self + {n}") } else { n }
            }
            Opcode::LOAD_SUPER_ATTR => {
                let n = name(arg >> 2);
                if arg & 1 != 0 && !n.is_empty() { format!("NULL|self + {n}") } else { n }
            }
            _ => name(arg),
        };
    }
    if has_jrel(op) {
        return format!("to {}", jump_target(op, arg, i.offset));
    }
    if has_local(op) || has_free(op) {
        return varname(arg);
    }
    match op {
        Opcode::COMPARE_OP => cmp::SYMBOLS.get((arg >> 4) as usize).map(|s| s.to_string()).unwrap_or_default(),
        Opcode::FORMAT_VALUE => {
            let conv = ["", "str", "repr", "ascii"][(arg & 3) as usize];
            if arg & 4 != 0 {
                if conv.is_empty() { "with format".to_string() } else { format!("{conv}, with format") }
            } else {
                conv.to_string()
            }
        }
        Opcode::MAKE_FUNCTION => {
            let names = ["defaults", "kwdefaults", "annotations", "closure"];
            names.iter().enumerate().filter(|(k, _)| arg & (1 << k) != 0).map(|(_, s)| *s).collect::<Vec<_>>().join(", ")
        }
        Opcode::BINARY_OP => binop::SYMBOLS.get(arg as usize).map(|s| s.to_string()).unwrap_or_default(),
        Opcode::CALL_INTRINSIC_1 => intrinsic1::NAMES.get(arg as usize).map(|s| s.to_string()).unwrap_or_default(),
        Opcode::CALL_INTRINSIC_2 => intrinsic2::NAMES.get(arg as usize).map(|s| s.to_string()).unwrap_or_default(),
        _ => String::new(),
    }
}

/// Python's `repr` of a string.
/// `repr` of a str constant holding lone surrogates (generalized UTF-8 `b`): as
/// [`str_repr`], with each surrogate escaped as `\\udxxx`.
fn surrogate_str_repr(b: &[u8]) -> String {
    let mut cps = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let (cp, n) = match b[i] {
            0..=0x7f => (b[i] as u32, 1),
            0xc0..=0xdf => (((b[i] as u32 & 0x1f) << 6) | (b[i + 1] as u32 & 0x3f), 2),
            0xe0..=0xef => (((b[i] as u32 & 0x0f) << 12) | ((b[i + 1] as u32 & 0x3f) << 6) | (b[i + 2] as u32 & 0x3f), 3),
            _ => (
                ((b[i] as u32 & 0x07) << 18) | ((b[i + 1] as u32 & 0x3f) << 12) | ((b[i + 2] as u32 & 0x3f) << 6) | (b[i + 3] as u32 & 0x3f),
                4,
            ),
        };
        cps.push(cp);
        i += n;
    }
    repr_code_points(&cps)
}

pub fn str_repr(s: &str) -> String {
    repr_code_points(&s.chars().map(|c| c as u32).collect::<Vec<_>>())
}

fn repr_code_points(cps: &[u32]) -> String {
    let has = |q: char| cps.contains(&(q as u32));
    let quote = if has('\'') && !has('"') { '"' } else { '\'' };
    let mut out = String::with_capacity(cps.len() + 2);
    out.push(quote);
    for &u in cps {
        match char::from_u32(u) {
            Some('\\') => out.push_str("\\\\"),
            Some('\n') => out.push_str("\\n"),
            Some('\r') => out.push_str("\\r"),
            Some('\t') => out.push_str("\\t"),
            Some(c) if c == quote => {
                out.push('\\');
                out.push(c);
            }
            Some(c) if u >= 0x20 && u != 0x7f && is_printable(c) => out.push(c),
            _ if u < 0x100 => out.push_str(&format!("\\x{u:02x}")),
            _ if u < 0x10000 => out.push_str(&format!("\\u{u:04x}")),
            _ => out.push_str(&format!("\\U{u:08x}")),
        }
    }
    out.push(quote);
    out
}

fn is_printable(c: char) -> bool {
    let u = c as u32;
    if u < 0x7f {
        return u >= 0x20;
    }
    // An approximation of str.isprintable for non-ASCII: Latin-1 controls and the soft hyphen
    // are not printable, nor are surrogates, private use and common format characters.
    !((0x7f..=0xa0).contains(&u)
        || u == 0xad
        || (0x2000..=0x200f).contains(&u)
        || (0x2028..=0x202f).contains(&u)
        || (0x205f..=0x206f).contains(&u)
        || u == 0x3000
        || u == 0xfeff
        || (0xe000..=0xf8ff).contains(&u)
        || (0xfff9..=0xfffb).contains(&u))
}

/// Python's `repr` of bytes.
pub fn bytes_repr(b: &[u8]) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') { '"' } else { '\'' };
    let mut out = String::from("b");
    out.push(quote);
    for &c in b {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            c if c as char == quote => {
                out.push('\\');
                out.push(c as char);
            }
            0x20..=0x7e => out.push(c as char),
            c => out.push_str(&format!("\\x{c:02x}")),
        }
    }
    out.push(quote);
    out
}

/// Python's `repr` of a float (shortest round-trip digits, Python's exponent rules).
pub fn float_repr(f: f64) -> String {
    if f.is_nan() {
        return "nan".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { "inf".into() } else { "-inf".into() };
    }
    if f == 0.0 {
        return if f.is_sign_negative() { "-0.0".into() } else { "0.0".into() };
    }
    let e = format!("{:e}", f); // shortest digits: d.ddde±x
    let (mant, exp) = e.split_once('e').unwrap_or((&e, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let neg = mant.starts_with('-');
    let digits: String = mant.chars().filter(|c| c.is_ascii_digit()).collect();
    let sign = if neg { "-" } else { "" };
    if (-4..16).contains(&exp) {
        let n = digits.len() as i32;
        if exp >= 0 {
            if n - 1 <= exp {
                format!("{sign}{}{}.0", digits, "0".repeat((exp - (n - 1)) as usize))
            } else {
                let (a, b) = digits.split_at((exp + 1) as usize);
                format!("{sign}{a}.{b}")
            }
        } else {
            format!("{sign}0.{}{}", "0".repeat((-exp - 1) as usize), digits)
        }
    } else {
        let (a, b) = digits.split_at(1);
        let m = if b.is_empty() { a.to_string() } else { format!("{a}.{b}") };
        let es = if exp < 0 { format!("-{:02}", -exp) } else { format!("+{:02}", exp) };
        format!("{sign}{m}e{es}")
    }
}

/// A default constant formatter for tests and tools (the VM supplies its own).
pub fn default_const_repr(c: &Constant) -> String {
    match c {
        Constant::None => "None".into(),
        Constant::Ellipsis => "Ellipsis".into(),
        Constant::Bool(b) => if *b { "True".into() } else { "False".into() },
        Constant::Int(i) => i.to_string(),
        Constant::Float(f) => float_repr(*f),
        Constant::Complex { real, imag } => {
            let im = |v: f64| {
                let r = float_repr(v);
                r.strip_suffix(".0").map(|s| s.to_string()).unwrap_or(r)
            };
            if *real == 0.0 && !real.is_sign_negative() {
                format!("{}j", im(*imag))
            } else {
                let sign = if *imag < 0.0 || (*imag == 0.0 && imag.is_sign_negative()) { "-" } else { "+" };
                format!("({}{}{}j)", im(*real), sign, im(imag.abs()))
            }
        }
        Constant::Str(s) => str_repr(s),
        Constant::SurrogateStr(b) => surrogate_str_repr(b),
        Constant::Bytes(b) => bytes_repr(b),
        Constant::Tuple(items) => {
            let parts: Vec<String> = items.iter().map(default_const_repr).collect();
            if parts.len() == 1 { format!("({},)", parts[0]) } else { format!("({})", parts.join(", ")) }
        }
        Constant::FrozenSet(items) => {
            if items.is_empty() {
                "frozenset()".into()
            } else {
                let parts: Vec<String> = items.iter().map(default_const_repr).collect();
                format!("frozenset({{{}}})", parts.join(", "))
            }
        }
        Constant::Code(code) => format!(
            "<code object {} at 0x{:x}, file \"{}\", line {}>",
            code.name,
            std::rc::Rc::as_ptr(code) as usize,
            code.filename,
            code.firstlineno
        ),
    }
}
