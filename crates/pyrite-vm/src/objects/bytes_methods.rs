//! The methods `bytes` and `bytearray` share: search, split, strip, case, padding, predicates, translate, hex (CPython: `Objects/bytes_methods.c`, the method parts of `Objects/bytesobject.c` and `Objects/bytearrayobject.c`).
//!
//! Every method reads its receiver's bytes once (a copy: arguments are converted first and
//! may run Python code) and returns a result of the receiver's kind: exact `bytes` for bytes
//! and its subclasses, `bytearray` for bytearray and its subclasses.

use crate::object::Value;
use crate::objects::bytes::{content, is_bytearray, new_bytearray, new_bytes, same_kind, with_content, BYTEARRAY_TYPE, BYTES_TYPE};
use crate::objects::{none, str as pystr, tuple};
use crate::protocols::args::{Param, Spec};
use crate::protocols::buffer;
use crate::typeobj::MethodDef;
use crate::vm::{PyResult, Vm};

// ----- argument helpers --------------------------------------------------------------------

/// The receiver's bytes (a copy).
pub(crate) fn me(args: &[Value]) -> Vec<u8> {
    content(&args[0])
}

/// `bytes` or `bytearray`: the name CPython qualifies METH_NOARGS/METH_O errors with.
pub(crate) fn type_label(v: &Value) -> &'static str {
    if is_bytearray(v) {
        "bytearray"
    } else {
        "bytes"
    }
}

/// The type a method's messages are qualified with: `bytes` or `bytearray` (the class itself
/// for class methods such as `fromhex`).
pub(crate) fn owner(args: &[Value]) -> &'static str {
    match args[0].as_type() {
        Some(t) if t.is_subtype(&BYTEARRAY_TYPE) => "bytearray",
        Some(_) => "bytes",
        None => type_label(&args[0]),
    }
}

/// Any buffer's bytes, else `a bytes-like object is required, not 'T'`.
pub(crate) fn need_bytes(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    buffer::bytes_of(vm, v)
}

/// A `char` argument of Argument Clinic (`fillchar`): a bytes or bytearray of length 1.
fn fill_char(vm: &mut Vm, name: &str, v: Option<&Value>) -> PyResult<u8> {
    let Some(v) = v else { return Ok(b' ') };
    if crate::objects::bytes::is_bytes_like(v) {
        let b = content(v);
        if b.len() == 1 {
            return Ok(b[0]);
        }
    }
    Err(vm.type_error(format!("{name}() argument 2 must be a byte string of length 1, not {}", v.ty().name())))
}

pub(crate) fn find_sub(hay: &[u8], needle: &[u8], right: bool) -> Option<usize> {
    if needle.is_empty() {
        return Some(if right { hay.len() } else { 0 });
    }
    if needle.len() > hay.len() {
        return None;
    }
    if !right {
        return memchr::memmem::find(hay, needle);
    }
    memchr::memmem::rfind(hay, needle)
}

pub(crate) fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

// ----- decode / hex ------------------------------------------------------------------------

pub(crate) fn m_decode(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    const DECODE: Spec = Spec::keywords("decode", &[Param::arg_opt("encoding"), Param::arg_opt("errors")]);
    let slots: [Option<&Value>; 2] = DECODE.parse(vm, &args[1..], kw)?;
    let mut s = ["utf-8".to_owned(), "strict".to_owned()];
    for (i, slot) in slots.iter().enumerate() {
        if let Some(v) = slot {
            match pystr::try_str(v) {
                Some(t) => s[i] = t.to_owned(),
                None => return Err(DECODE.bad_argument(vm, i, "str", v)),
            }
        }
    }
    let b = me(args);
    crate::objects::bytes::decode_to_str(vm, &b, &s[0], &s[1])
}

/// `_Py_strhex_impl`: the hex digits of `b`, with `sep` every `bytes_per_sep` bytes (counted
/// from the right when positive, from the left when negative). Shared with memoryview.
pub(crate) fn hex_impl(vm: &mut Vm, b: &[u8], sep: Option<&Value>, bytes_per_sep: Option<&Value>) -> PyResult<Value> {
    let sep_char = match sep {
        None => None,
        Some(v) => {
            let n = crate::protocols::object::len(vm, v)?;
            if n != 1 {
                return Err(vm.value_error("sep must be length 1."));
            }
            let c = if let Some(s) = pystr::try_str(v) {
                let c = s.chars().next().expect("one char") as u32;
                if c > 0xff {
                    return Err(vm.value_error("sep must be ASCII."));
                }
                c
            } else if let Some(x) = crate::objects::bytes::as_bytes(v) {
                x[0] as u32
            } else {
                return Err(vm.type_error("sep must be str or bytes."));
            };
            if c > 127 {
                return Err(vm.value_error("sep must be ASCII."));
            }
            Some(c as u8 as char)
        }
    };
    let group = match bytes_per_sep {
        Some(v) => {
            let i = crate::objects::int::index_to_isize(vm, v)?;
            i as i64
        }
        None => 1,
    };
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(b.len() * 3);
    let push = |out: &mut String, x: u8| {
        out.push(DIGITS[(x >> 4) as usize] as char);
        out.push(DIGITS[(x & 15) as usize] as char);
    };
    match sep_char {
        Some(sep) if group != 0 && !b.is_empty() => {
            let g = group.unsigned_abs() as usize;
            let n = b.len();
            for (i, &x) in b.iter().enumerate() {
                // Separator before byte i when a group boundary falls there.
                if i > 0 {
                    let boundary = if group > 0 { (n - i) % g == 0 } else { i % g == 0 };
                    if boundary {
                        out.push(sep);
                    }
                }
                push(&mut out, x);
            }
        }
        _ => {
            for &x in b {
                push(&mut out, x);
            }
        }
    }
    Ok(pystr::from_string(out))
}

pub(crate) fn m_hex(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    const HEX: crate::protocols::args::Spec = crate::protocols::args::Spec::keywords("hex", &[crate::protocols::args::Param::arg_opt("sep"), crate::protocols::args::Param::arg_opt("bytes_per_sep")]);
    let [sep, per] = HEX.parse(vm, &args[1..], kw)?.map(|o| o.cloned());
    let b = me(args);
    hex_impl(vm, &b, sep.as_ref(), per.as_ref())
}

pub(crate) fn m_fromhex(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    let arg = Spec::one("fromhex").arg_in(vm, owner(args), &args[1..], kw)?.clone();
    let Some(s) = pystr::try_str(&arg) else {
        return Err(vm.type_error(format!("fromhex() argument must be str, not {}", arg.ty().name())));
    };
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let hi = chars[i].to_digit(16);
        let lo = chars.get(i + 1).and_then(|c| c.to_digit(16));
        match (hi, lo) {
            (Some(h), Some(l)) => out.push((h * 16 + l) as u8),
            (None, _) => return Err(vm.value_error(format!("non-hexadecimal number found in fromhex() arg at position {i}"))),
            (Some(_), None) => {
                return Err(vm.value_error(format!("non-hexadecimal number found in fromhex() arg at position {}", i + 1)))
            }
        }
        i += 2;
    }
    let cls = &args[0];
    if std::ptr::eq(cls.as_ptr(), &BYTEARRAY_TYPE.0.header) {
        return Ok(new_bytearray(out));
    }
    if std::ptr::eq(cls.as_ptr(), &BYTES_TYPE.0.header) {
        return Ok(new_bytes(out));
    }
    crate::protocols::call::call(vm, cls, &[new_bytes(out)], None)
}

// ----- join / split / partition ------------------------------------------------------------

pub(crate) fn m_join(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    let arg = Spec::one("join").arg_in(vm, owner(args), &args[1..], kw)?.clone();
    let items = crate::objects::list_methods::sequence_fast(vm, &arg, "can only join an iterable")?;
    let sep = me(args);
    let mut out = Vec::new();
    for (i, it) in items.iter().enumerate() {
        let Some(b) = buffer::try_bytes_of(vm, it)? else {
            return Err(vm.type_error(format!("sequence item {i}: expected a bytes-like object, {} found", it.ty().name())));
        };
        if i > 0 {
            out.extend_from_slice(&sep);
        }
        out.extend_from_slice(&b);
    }
    Ok(same_kind(&args[0], out))
}

/// `(sep, maxsplit)` of split/rsplit.
fn split_args(vm: &mut Vm, name: &str, args: &[Value], kw: Option<&Value>) -> PyResult<(Option<Vec<u8>>, usize)> {
    const SPLIT: crate::protocols::args::Spec = crate::protocols::args::Spec::keywords("split", &[crate::protocols::args::Param::arg_opt("sep"), crate::protocols::args::Param::arg_opt("maxsplit")]);
    const RSPLIT: crate::protocols::args::Spec = crate::protocols::args::Spec::keywords("rsplit", &[crate::protocols::args::Param::arg_opt("sep"), crate::protocols::args::Param::arg_opt("maxsplit")]);
    let a: [Option<Value>; 2] = (if name == "rsplit" { &RSPLIT } else { &SPLIT }).parse(vm, &args[1..], kw)?.map(|o| o.cloned());
    let max = match &a[1] {
        Some(v) => {
            let m = crate::objects::list_methods::ssize_arg(vm, v)?;
            if m < 0 {
                usize::MAX
            } else {
                m as usize
            }
        }
        None => usize::MAX,
    };
    let sep = match &a[0] {
        Some(s) if !none::is_none(s) => {
            let sep = need_bytes(vm, s)?;
            if sep.is_empty() {
                return Err(vm.value_error("empty separator"));
            }
            Some(sep)
        }
        _ => None,
    };
    Ok((sep, max))
}

fn split_parts(b: &[u8], sep: Option<&[u8]>, max: usize) -> Vec<Vec<u8>> {
    let mut parts: Vec<Vec<u8>> = Vec::new();
    match sep {
        Some(sep) => {
            let mut start = 0;
            let mut count = 0;
            while count < max {
                match find_sub(&b[start..], sep, false) {
                    Some(p) => {
                        parts.push(b[start..start + p].to_vec());
                        start += p + sep.len();
                        count += 1;
                    }
                    None => break,
                }
            }
            parts.push(b[start..].to_vec());
        }
        None => {
            let n = b.len();
            let mut i = 0;
            let mut m = max;
            while m > 0 {
                while i < n && is_ascii_space(b[i]) {
                    i += 1;
                }
                if i == n {
                    break;
                }
                let j = i;
                while i < n && !is_ascii_space(b[i]) {
                    i += 1;
                }
                parts.push(b[j..i].to_vec());
                m -= 1;
            }
            while i < n && is_ascii_space(b[i]) {
                i += 1;
            }
            if i < n {
                parts.push(b[i..].to_vec());
            }
        }
    }
    parts
}

fn rsplit_parts(b: &[u8], sep: Option<&[u8]>, max: usize) -> Vec<Vec<u8>> {
    let mut parts: Vec<Vec<u8>> = Vec::new();
    match sep {
        Some(sep) => {
            let mut end = b.len();
            let mut count = 0;
            while count < max {
                match find_sub(&b[..end], sep, true) {
                    Some(p) => {
                        parts.push(b[p + sep.len()..end].to_vec());
                        end = p;
                        count += 1;
                    }
                    None => break,
                }
            }
            parts.push(b[..end].to_vec());
        }
        None => {
            let mut i = b.len();
            let mut m = max;
            while m > 0 {
                while i > 0 && is_ascii_space(b[i - 1]) {
                    i -= 1;
                }
                if i == 0 {
                    break;
                }
                let j = i;
                while i > 0 && !is_ascii_space(b[i - 1]) {
                    i -= 1;
                }
                parts.push(b[i..j].to_vec());
                m -= 1;
            }
            while i > 0 && is_ascii_space(b[i - 1]) {
                i -= 1;
            }
            if i > 0 {
                parts.push(b[..i].to_vec());
            }
        }
    }
    parts.reverse();
    parts
}

fn parts_list(this: &Value, parts: Vec<Vec<u8>>) -> Value {
    crate::objects::list::new_list(parts.into_iter().map(|p| same_kind(this, p)).collect())
}

pub(crate) fn m_split(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    let (sep, max) = split_args(vm, "split", args, kw)?;
    let parts = with_content(&args[0], |b| split_parts(b, sep.as_deref(), max));
    Ok(parts_list(&args[0], parts))
}

pub(crate) fn m_rsplit(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    let (sep, max) = split_args(vm, "rsplit", args, kw)?;
    let parts = with_content(&args[0], |b| rsplit_parts(b, sep.as_deref(), max));
    Ok(parts_list(&args[0], parts))
}

fn partition_impl(vm: &mut Vm, args: &[Value], kw: Option<&Value>, name: &'static str, right: bool) -> PyResult<Value> {
    let arg = Spec::one(name).arg_in(vm, owner(args), &args[1..], kw)?.clone();
    let sep = need_bytes(vm, &arg)?;
    if sep.is_empty() {
        return Err(vm.value_error("empty separator"));
    }
    let b = me(args);
    let this = &args[0];
    let (x, y, z) = match find_sub(&b, &sep, right) {
        Some(p) => (b[..p].to_vec(), sep.clone(), b[p + sep.len()..].to_vec()),
        None if right => (Vec::new(), Vec::new(), b),
        None => (b, Vec::new(), Vec::new()),
    };
    Ok(tuple::new_tuple(vec![same_kind(this, x), same_kind(this, y), same_kind(this, z)]))
}

pub(crate) fn m_partition(vm: &mut Vm, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    partition_impl(vm, a, k, "partition", false)
}
pub(crate) fn m_rpartition(vm: &mut Vm, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    partition_impl(vm, a, k, "rpartition", true)
}

pub(crate) fn m_splitlines(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    const SPLITLINES: crate::protocols::args::Spec = crate::protocols::args::Spec::keywords("splitlines", &[crate::protocols::args::Param::arg_opt("keepends")]);
    let [keep] = SPLITLINES.parse(vm, &args[1..], kw)?.map(|o| o.cloned());
    let keepends = match keep {
        Some(v) => crate::protocols::object::is_true(vm, &v)?,
        None => false,
    };
    let b = me(args);
    let mut parts = Vec::new();
    let n = b.len();
    let mut i = 0;
    while i < n {
        let start = i;
        while i < n && b[i] != b'\n' && b[i] != b'\r' {
            i += 1;
        }
        let mut eol = i;
        if i < n {
            if b[i] == b'\r' && i + 1 < n && b[i + 1] == b'\n' {
                i += 2;
            } else {
                i += 1;
            }
            if keepends {
                eol = i;
            }
        }
        parts.push(b[start..eol].to_vec());
    }
    Ok(parts_list(&args[0], parts))
}

// ----- strip / prefix ----------------------------------------------------------------------

fn strip_impl(vm: &mut Vm, args: &[Value], kw: Option<&Value>, name: &'static str, left: bool, right: bool) -> PyResult<Value> {
    const STRIP_PARAMS: &[Param] = &[Param::pos_opt("bytes")];
    let rest = Spec::positional(name, STRIP_PARAMS).check_in(vm, owner(args), &args[1..], kw)?;
    let set: Option<Vec<u8>> = match rest.first() {
        Some(v) if !none::is_none(v) => Some(need_bytes(vm, v)?),
        _ => None,
    };
    let b = me(args);
    let strip = |x: u8| match &set {
        Some(s) => s.contains(&x),
        None => is_ascii_space(x),
    };
    let mut lo = 0;
    let mut hi = b.len();
    if left {
        while lo < hi && strip(b[lo]) {
            lo += 1;
        }
    }
    if right {
        while hi > lo && strip(b[hi - 1]) {
            hi -= 1;
        }
    }
    Ok(same_kind(&args[0], b[lo..hi].to_vec()))
}

pub(crate) fn m_strip(vm: &mut Vm, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    strip_impl(vm, a, k, "strip", true, true)
}
pub(crate) fn m_lstrip(vm: &mut Vm, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    strip_impl(vm, a, k, "lstrip", true, false)
}
pub(crate) fn m_rstrip(vm: &mut Vm, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    strip_impl(vm, a, k, "rstrip", false, true)
}

pub(crate) fn m_removeprefix(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    let arg = Spec::one("removeprefix").arg_in(vm, owner(args), &args[1..], kw)?.clone();
    let p = need_bytes(vm, &arg)?;
    let b = me(args);
    let out = b.strip_prefix(&p[..]).map(|x| x.to_vec()).unwrap_or(b);
    Ok(same_kind(&args[0], out))
}

pub(crate) fn m_removesuffix(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    let arg = Spec::one("removesuffix").arg_in(vm, owner(args), &args[1..], kw)?.clone();
    let p = need_bytes(vm, &arg)?;
    let b = me(args);
    let out = b.strip_suffix(&p[..]).map(|x| x.to_vec()).unwrap_or(b);
    Ok(same_kind(&args[0], out))
}

// ----- search ------------------------------------------------------------------------------

/// Window `[start:end]` of `len` bytes (`ADJUST_INDICES`).
fn byte_window(vm: &mut Vm, rest: &[Value], len: usize) -> PyResult<(isize, isize)> {
    let l = len as isize;
    let mut s = match rest.first() {
        Some(v) => crate::objects::slice::index_value_opt(vm, v)?.unwrap_or(0),
        None => 0,
    };
    let mut e = match rest.get(1) {
        Some(v) => crate::objects::slice::index_value_opt(vm, v)?.unwrap_or(l),
        None => l,
    };
    if e > l {
        e = l;
    } else if e < 0 {
        e = (e + l).max(0);
    }
    if s < 0 {
        s = (s + l).max(0);
    }
    Ok((s, e))
}

/// `stringlib_parse_args_finds`: `(sub[, start[, end]])`.
const FINDS_PARAMS: &[Param] = &[Param::pos("sub"), Param::pos_opt("start"), Param::pos_opt("end")];

fn tailmatch(vm: &mut Vm, args: &[Value], kw: Option<&Value>, name: &'static str, suffix: bool) -> PyResult<Value> {
    let rest = Spec::tuple(name, FINDS_PARAMS).check_in(vm, owner(args), &args[1..], kw)?;
    let len = with_content(&args[0], |b| b.len());
    let (s, e) = byte_window(vm, &rest[1..], len)?;
    let cands: Vec<Vec<u8>> = if let Some(items) = tuple::try_items(&rest[0]) {
        let items = items.to_vec();
        let mut out = Vec::new();
        for it in &items {
            out.push(need_bytes(vm, it)?);
        }
        out
    } else if let Some(x) = buffer::try_bytes_of(vm, &rest[0])? {
        vec![x]
    } else {
        return Err(vm.type_error(format!("{name} first arg must be bytes or a tuple of bytes, not {}", rest[0].ty().name())));
    };
    let b = me(args);
    for c in cands {
        if s > b.len() as isize || e - (c.len() as isize) < s {
            continue;
        }
        let hay = &b[s as usize..e as usize];
        if (suffix && hay.ends_with(&c)) || (!suffix && hay.starts_with(&c)) {
            return Ok(none::bool_value(true));
        }
    }
    Ok(none::bool_value(false))
}

pub(crate) fn m_startswith(vm: &mut Vm, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    tailmatch(vm, a, k, "startswith", false)
}
pub(crate) fn m_endswith(vm: &mut Vm, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    tailmatch(vm, a, k, "endswith", true)
}

/// `(haystack, sub, window)` of find-like methods; `sub` may be an int byte.
fn find_setup(vm: &mut Vm, args: &[Value], kw: Option<&Value>, name: &'static str) -> PyResult<(Vec<u8>, Vec<u8>, isize, isize)> {
    let rest = Spec::tuple(name, FINDS_PARAMS).check_in(vm, owner(args), &args[1..], kw)?;
    let sub = if crate::protocols::number::has_index(&rest[0]) {
        vec![crate::objects::bytes::byte_value(vm, &rest[0], "byte must be in range(0, 256)")?]
    } else if let Some(x) = buffer::try_bytes_of(vm, &rest[0])? {
        x
    } else {
        return Err(vm.type_error(format!("argument should be integer or bytes-like object, not '{}'", rest[0].ty().name())));
    };
    let len = with_content(&args[0], |b| b.len());
    let (s, e) = byte_window(vm, &rest[1..], len)?;
    Ok((me(args), sub, s, e))
}

fn find_impl(vm: &mut Vm, args: &[Value], kw: Option<&Value>, name: &'static str, right: bool) -> PyResult<isize> {
    let (b, sub, s, e) = find_setup(vm, args, kw, name)?;
    if e - s < sub.len() as isize || s > b.len() as isize {
        return Ok(-1);
    }
    Ok(find_sub(&b[s as usize..e as usize], &sub, right).map(|p| p as isize + s).unwrap_or(-1))
}

pub(crate) fn m_find(vm: &mut Vm, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    Ok(Value::int(find_impl(vm, a, k, "find", false)? as i64))
}
pub(crate) fn m_rfind(vm: &mut Vm, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    Ok(Value::int(find_impl(vm, a, k, "rfind", true)? as i64))
}
pub(crate) fn m_index(vm: &mut Vm, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    match find_impl(vm, a, k, "index", false)? {
        -1 => Err(vm.value_error("subsection not found")),
        i => Ok(Value::int(i as i64)),
    }
}
pub(crate) fn m_rindex(vm: &mut Vm, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    match find_impl(vm, a, k, "rindex", true)? {
        -1 => Err(vm.value_error("subsection not found")),
        i => Ok(Value::int(i as i64)),
    }
}

pub(crate) fn m_count(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    let (b, sub, s, e) = find_setup(vm, args, kw, "count")?;
    if e - s < sub.len() as isize || s > b.len() as isize {
        return Ok(Value::int(0));
    }
    let hay = &b[s as usize..e as usize];
    if sub.is_empty() {
        return Ok(Value::int(hay.len() as i64 + 1));
    }
    Ok(Value::int(memchr::memmem::find_iter(hay, &sub).fold((0i64, 0usize), |(n, next), p| if p >= next { (n + 1, p + sub.len()) } else { (n, next) }).0))
}

pub(crate) fn m_replace(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    const REPLACE: Spec = Spec::positional("replace", &[Param::pos("old"), Param::pos("new"), Param::pos_opt("count")]);
    let rest = REPLACE.check_in(vm, owner(args), &args[1..], kw)?;
    let old = need_bytes(vm, &rest[0])?;
    let new = need_bytes(vm, &rest[1])?;
    let count = match rest.get(2) {
        Some(v) => crate::objects::list_methods::ssize_arg(vm, v)?,
        None => -1,
    };
    let b = me(args);
    let mut left = if count < 0 { usize::MAX } else { count as usize };
    let mut out = Vec::with_capacity(b.len());
    if old.is_empty() {
        for &x in b.iter() {
            if left > 0 {
                out.extend_from_slice(&new);
                left -= 1;
            }
            out.push(x);
        }
        if left > 0 {
            out.extend_from_slice(&new);
        }
        return Ok(same_kind(&args[0], out));
    }
    let mut i = 0;
    while left > 0 {
        match find_sub(&b[i..], &old, false) {
            Some(p) => {
                out.extend_from_slice(&b[i..i + p]);
                out.extend_from_slice(&new);
                i += p + old.len();
                left -= 1;
            }
            None => break,
        }
    }
    out.extend_from_slice(&b[i..]);
    Ok(same_kind(&args[0], out))
}

// ----- case mapping and predicates ---------------------------------------------------------

fn map_bytes(vm: &mut Vm, args: &[Value], kw: Option<&Value>, name: &'static str, f: fn(&[u8]) -> Vec<u8>) -> PyResult<Value> {
    Spec::noargs(name).check_in(vm, owner(args), &args[1..], kw)?;
    let out = with_content(&args[0], f);
    Ok(same_kind(&args[0], out))
}

fn title_bytes(b: &[u8]) -> Vec<u8> {
    let mut prev_cased = false;
    b.iter()
        .map(|&c| {
            let r = if c.is_ascii_lowercase() {
                if prev_cased {
                    c
                } else {
                    c.to_ascii_uppercase()
                }
            } else if c.is_ascii_uppercase() {
                if prev_cased {
                    c.to_ascii_lowercase()
                } else {
                    c
                }
            } else {
                c
            };
            prev_cased = c.is_ascii_alphabetic();
            r
        })
        .collect()
}

fn capitalize_bytes(b: &[u8]) -> Vec<u8> {
    b.iter().enumerate().map(|(i, &c)| if i == 0 { c.to_ascii_uppercase() } else { c.to_ascii_lowercase() }).collect()
}

fn swapcase_bytes(b: &[u8]) -> Vec<u8> {
    b.iter()
        .map(|&c| if c.is_ascii_lowercase() { c.to_ascii_uppercase() } else if c.is_ascii_uppercase() { c.to_ascii_lowercase() } else { c })
        .collect()
}

pub(crate) fn m_upper(vm: &mut Vm, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    map_bytes(vm, a, k, "upper", |b| b.to_ascii_uppercase())
}
pub(crate) fn m_lower(vm: &mut Vm, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    map_bytes(vm, a, k, "lower", |b| b.to_ascii_lowercase())
}
pub(crate) fn m_title(vm: &mut Vm, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    map_bytes(vm, a, k, "title", title_bytes)
}
pub(crate) fn m_capitalize(vm: &mut Vm, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    map_bytes(vm, a, k, "capitalize", capitalize_bytes)
}
pub(crate) fn m_swapcase(vm: &mut Vm, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    map_bytes(vm, a, k, "swapcase", swapcase_bytes)
}

fn predicate(vm: &mut Vm, args: &[Value], kw: Option<&Value>, name: &'static str, f: fn(&[u8]) -> bool) -> PyResult<Value> {
    Spec::noargs(name).check_in(vm, owner(args), &args[1..], kw)?;
    Ok(none::bool_value(with_content(&args[0], f)))
}

fn istitle(b: &[u8]) -> bool {
    let mut cased = false;
    let mut prev_cased = false;
    for &c in b {
        if c.is_ascii_uppercase() {
            if prev_cased {
                return false;
            }
            prev_cased = true;
            cased = true;
        } else if c.is_ascii_lowercase() {
            if !prev_cased {
                return false;
            }
            prev_cased = true;
            cased = true;
        } else {
            prev_cased = false;
        }
    }
    cased
}

pub(crate) fn m_isalnum(vm: &mut Vm, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    predicate(vm, a, k, "isalnum", |b| !b.is_empty() && b.iter().all(|c| c.is_ascii_alphanumeric()))
}
pub(crate) fn m_isalpha(vm: &mut Vm, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    predicate(vm, a, k, "isalpha", |b| !b.is_empty() && b.iter().all(|c| c.is_ascii_alphabetic()))
}
pub(crate) fn m_isdigit(vm: &mut Vm, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    predicate(vm, a, k, "isdigit", |b| !b.is_empty() && b.iter().all(|c| c.is_ascii_digit()))
}
pub(crate) fn m_isspace(vm: &mut Vm, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    predicate(vm, a, k, "isspace", |b| !b.is_empty() && b.iter().all(|&c| is_ascii_space(c)))
}
pub(crate) fn m_isascii(vm: &mut Vm, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    predicate(vm, a, k, "isascii", |b| b.is_ascii())
}
pub(crate) fn m_islower(vm: &mut Vm, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    predicate(vm, a, k, "islower", |b| b.iter().any(|c| c.is_ascii_lowercase()) && !b.iter().any(|c| c.is_ascii_uppercase()))
}
pub(crate) fn m_isupper(vm: &mut Vm, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    predicate(vm, a, k, "isupper", |b| b.iter().any(|c| c.is_ascii_uppercase()) && !b.iter().any(|c| c.is_ascii_lowercase()))
}
pub(crate) fn m_istitle(vm: &mut Vm, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    predicate(vm, a, k, "istitle", istitle)
}

// ----- padding -----------------------------------------------------------------------------

fn pad_args(vm: &mut Vm, args: &[Value], kw: Option<&Value>, name: &'static str) -> PyResult<(usize, u8, Vec<u8>)> {
    const PAD_PARAMS: &[Param] = &[Param::pos("width"), Param::pos_opt("fillchar")];
    let rest = Spec::positional(name, PAD_PARAMS).check_in(vm, owner(args), &args[1..], kw)?;
    let width = crate::objects::list_methods::ssize_arg(vm, &rest[0])?;
    let fill = fill_char(vm, name, rest.get(1))?;
    Ok((width.max(0) as usize, fill, me(args)))
}

fn padded(b: &[u8], left: usize, right: usize, fill: u8) -> Vec<u8> {
    let mut out = Vec::with_capacity(b.len() + left + right);
    out.resize(left, fill);
    out.extend_from_slice(b);
    out.resize(out.len() + right, fill);
    out
}

pub(crate) fn m_center(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    let (width, fill, b) = pad_args(vm, args, kw, "center")?;
    if width <= b.len() {
        return Ok(same_kind(&args[0], b));
    }
    let marg = width - b.len();
    let left = marg / 2 + (marg & width & 1);
    Ok(same_kind(&args[0], padded(&b, left, marg - left, fill)))
}

pub(crate) fn m_ljust(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    let (width, fill, b) = pad_args(vm, args, kw, "ljust")?;
    let right = width.saturating_sub(b.len());
    Ok(same_kind(&args[0], padded(&b, 0, right, fill)))
}

pub(crate) fn m_rjust(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    let (width, fill, b) = pad_args(vm, args, kw, "rjust")?;
    let left = width.saturating_sub(b.len());
    Ok(same_kind(&args[0], padded(&b, left, 0, fill)))
}

pub(crate) fn m_zfill(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    let arg = Spec::one("zfill").arg_in(vm, owner(args), &args[1..], kw)?.clone();
    let width = crate::objects::list_methods::ssize_arg(vm, &arg)?;
    let b = me(args);
    if width <= b.len() as isize {
        return Ok(same_kind(&args[0], b));
    }
    let fill = width as usize - b.len();
    let mut out = padded(&b, fill, 0, b'0');
    if !b.is_empty() && (b[0] == b'+' || b[0] == b'-') {
        out[0] = b[0];
        out[fill] = b'0';
    }
    Ok(same_kind(&args[0], out))
}

pub(crate) fn m_expandtabs(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    const EXPANDTABS: crate::protocols::args::Spec = crate::protocols::args::Spec::keywords("expandtabs", &[crate::protocols::args::Param::arg_opt("tabsize")]);
    let [ts] = EXPANDTABS.parse(vm, &args[1..], kw)?.map(|o| o.cloned());
    let tabsize = match ts {
        Some(v) => crate::objects::list_methods::ssize_arg(vm, &v)?,
        None => 8,
    };
    let b = me(args);
    let mut out = Vec::with_capacity(b.len());
    let mut col: isize = 0;
    for &c in &b {
        if c == b'\t' {
            if tabsize > 0 {
                let n = tabsize - col % tabsize;
                out.extend(std::iter::repeat(b' ').take(n as usize));
                col += n;
            }
        } else {
            out.push(c);
            col += 1;
            if c == b'\n' || c == b'\r' {
                col = 0;
            }
        }
    }
    Ok(same_kind(&args[0], out))
}

// ----- translate ---------------------------------------------------------------------------

pub(crate) fn m_translate(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    const TRANSLATE: crate::protocols::args::Spec = crate::protocols::args::Spec::keywords("translate", &[crate::protocols::args::Param::pos("table"), crate::protocols::args::Param::arg_opt("delete")]);
    let [table, delete] = TRANSLATE.parse(vm, &args[1..], kw)?.map(|o| o.cloned());
    // `table` is positional-only in CPython.
    if let Some(k) = kw {
        if tuple::items(k).iter().any(|n| pystr::try_str(n) == Some("table")) {
            return Err(vm.type_error("translate() takes no keyword argument 'table'".to_string()));
        }
    }
    let table = table.expect("required");
    let map: Option<Vec<u8>> = if none::is_none(&table) {
        None
    } else {
        let t = need_bytes(vm, &table)?;
        if t.len() != 256 {
            return Err(vm.value_error("translation table must be 256 characters long"));
        }
        Some(t)
    };
    let del: Vec<u8> = match delete {
        Some(d) => need_bytes(vm, &d)?,
        None => Vec::new(),
    };
    let mut drop = [false; 256];
    for &c in &del {
        drop[c as usize] = true;
    }
    let b = me(args);
    let out: Vec<u8> = b
        .iter()
        .filter(|&&c| !drop[c as usize])
        .map(|&c| match &map {
            Some(m) => m[c as usize],
            None => c,
        })
        .collect();
    Ok(same_kind(&args[0], out))
}

pub(crate) fn m_maketrans(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    // A static method of both types; CPython's bytearray's names itself `bytearray.maketrans`.
    const MAKETRANS: Spec = Spec::positional("bytes.maketrans", &[Param::pos("frm"), Param::pos("to")]);
    MAKETRANS.check(vm, args, kw)?;
    let frm = need_bytes(vm, &args[0])?;
    let to = need_bytes(vm, &args[1])?;
    if frm.len() != to.len() {
        return Err(vm.value_error("maketrans arguments must have same length"));
    }
    let mut table: Vec<u8> = (0..=255u8).collect();
    for (&f, &t) in frm.iter().zip(&to) {
        table[f as usize] = t;
    }
    Ok(new_bytes(table))
}

// ----- bytes-only --------------------------------------------------------------------------

pub(crate) fn m_getnewargs(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    Spec::noargs("__getnewargs__").check_in(vm, owner(args), &args[1..], kw)?;
    Ok(tuple::new_tuple(vec![new_bytes(me(args))]))
}

pub(crate) fn m_bytes(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    Spec::noargs("__bytes__").check_in(vm, owner(args), &args[1..], kw)?;
    if std::ptr::eq(args[0].ty(), &BYTES_TYPE.0) {
        return Ok(args[0].clone());
    }
    Ok(new_bytes(me(args)))
}

/// `__buffer__(flags)` (PEP 688): a memoryview of the object.
pub(crate) fn m_buffer(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    const BUFFER: Spec = Spec::positional("__buffer__", &[Param::pos("flags")]);
    let rest = BUFFER.check_in(vm, owner(args), &args[1..], kw)?;
    let flags = crate::objects::int::index_to_isize(vm, &rest[0])?;
    let b = buffer::get_buffer(vm, &args[0], flags as u32)?;
    Ok(crate::objects::memoryview::from_buffer(b))
}

macro_rules! m {
    ($name:expr, $f:expr) => {
        $crate::typeobj::MethodDef { name: $name, func: $f, kind: $crate::typeobj::MethodKind::Instance, doc: "" }
    };
}
pub(crate) use m;

/// The method table of bytes or bytearray: the shared methods, then the type's own.
macro_rules! methods_table {
    ($fromhex_doc:expr, $($extra:expr),* $(,)?) => {
        &[
            m!("capitalize", $crate::objects::bytes_methods::m_capitalize),
            m!("center", $crate::objects::bytes_methods::m_center),
            m!("count", $crate::objects::bytes_methods::m_count),
            m!("decode", $crate::objects::bytes_methods::m_decode),
            m!("endswith", $crate::objects::bytes_methods::m_endswith),
            m!("expandtabs", $crate::objects::bytes_methods::m_expandtabs),
            m!("find", $crate::objects::bytes_methods::m_find),
            $crate::typeobj::MethodDef { name: "fromhex", func: $crate::objects::bytes_methods::m_fromhex, kind: $crate::typeobj::MethodKind::Class, doc: $fromhex_doc },
            m!("hex", $crate::objects::bytes_methods::m_hex),
            m!("index", $crate::objects::bytes_methods::m_index),
            m!("isalnum", $crate::objects::bytes_methods::m_isalnum),
            m!("isalpha", $crate::objects::bytes_methods::m_isalpha),
            m!("isascii", $crate::objects::bytes_methods::m_isascii),
            m!("isdigit", $crate::objects::bytes_methods::m_isdigit),
            m!("islower", $crate::objects::bytes_methods::m_islower),
            m!("isspace", $crate::objects::bytes_methods::m_isspace),
            m!("istitle", $crate::objects::bytes_methods::m_istitle),
            m!("isupper", $crate::objects::bytes_methods::m_isupper),
            m!("join", $crate::objects::bytes_methods::m_join),
            m!("ljust", $crate::objects::bytes_methods::m_ljust),
            m!("lower", $crate::objects::bytes_methods::m_lower),
            m!("lstrip", $crate::objects::bytes_methods::m_lstrip),
            $crate::typeobj::MethodDef { name: "maketrans", func: $crate::objects::bytes_methods::m_maketrans, kind: $crate::typeobj::MethodKind::Static, doc: "" },
            m!("partition", $crate::objects::bytes_methods::m_partition),
            m!("removeprefix", $crate::objects::bytes_methods::m_removeprefix),
            m!("removesuffix", $crate::objects::bytes_methods::m_removesuffix),
            m!("replace", $crate::objects::bytes_methods::m_replace),
            m!("rfind", $crate::objects::bytes_methods::m_rfind),
            m!("rindex", $crate::objects::bytes_methods::m_rindex),
            m!("rjust", $crate::objects::bytes_methods::m_rjust),
            m!("rpartition", $crate::objects::bytes_methods::m_rpartition),
            m!("rsplit", $crate::objects::bytes_methods::m_rsplit),
            m!("rstrip", $crate::objects::bytes_methods::m_rstrip),
            m!("split", $crate::objects::bytes_methods::m_split),
            m!("splitlines", $crate::objects::bytes_methods::m_splitlines),
            m!("startswith", $crate::objects::bytes_methods::m_startswith),
            m!("strip", $crate::objects::bytes_methods::m_strip),
            m!("swapcase", $crate::objects::bytes_methods::m_swapcase),
            m!("title", $crate::objects::bytes_methods::m_title),
            m!("translate", $crate::objects::bytes_methods::m_translate),
            m!("upper", $crate::objects::bytes_methods::m_upper),
            m!("zfill", $crate::objects::bytes_methods::m_zfill),
            m!("__buffer__", $crate::objects::bytes_methods::m_buffer),
            $($extra),*
        ]
    };
}
pub(crate) use methods_table;

pub static BYTES_METHODS: &[MethodDef] = methods_table!(
    "Create a bytes object from a string of hexadecimal numbers.",
    m!("__getnewargs__", m_getnewargs),
    m!("__bytes__", m_bytes),
);
