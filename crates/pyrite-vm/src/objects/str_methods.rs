//! The methods of `str` (CPython: `Objects/unicodeobject.c`, `Objects/stringlib/`).
//!
//! Indices given to and returned by methods count code points; text is UTF-8, so each
//! method converts at its boundary (ASCII strings take the byte path directly).

use crate::object::Value;
use crate::objects::str::StrData;
use crate::objects::{str_search, str_wtf8};
use crate::objects::{dict, exceptions, none, str as pystr, tuple};
use crate::protocols::args::{Param, Spec};
use crate::typeobj::{MethodDef, MethodKind};
use crate::vm::{PyResult, Vm};

// ----- lone surrogates -------------------------------------------------------------------
//
// Most methods are written over Rust's `&str`, which cannot hold a lone surrogate. Given str
// operands that hold some, such a method runs on copies in which each surrogate U+D800+k is
// relabelled as U+B+k, for a block B of 0x800 code points that no operand uses, taken from
// the unassigned planes 4 to 13 and the private-use planes 15 and 16. Every such method is
// equivariant under that relabelling: surrogates and those code points are alike uncased,
// unprintable, not alphanumeric, not whitespace, not line breaks, one code point wide. The
// result's strs get their surrogates back. The methods that must see code points as they are
// (`encode`, `translate`, `join`, formatting) are written over code points or bytes instead.

/// Whether an operand holds a lone surrogate (a str, or a tuple of strs as `startswith` takes).
#[inline]
fn has_surrogates(v: &Value) -> bool {
    if pystr::is_str(v) {
        return pystr::str_data(v).is_some_and(StrData::has_surrogates);
    }
    tuple::exact_items(v).is_some_and(|t| t.iter().any(|x| pystr::str_data(x).is_some_and(StrData::has_surrogates)))
}

/// Call the `&str` method `f` with lone surrogates relabelled (see above). An interpreter
/// that never made a str with a surrogate skips the check.
#[inline]
fn relabelled(vm: &mut Vm, args: &[Value], kw: Option<&Value>, f: crate::typeobj::NativeFn) -> PyResult<Value> {
    if !vm.made_surrogates.get() || !args.iter().any(has_surrogates) {
        return f(vm, args, kw);
    }
    relabel_call(vm, args, kw, f)
}

#[cold]
fn relabel_call(vm: &mut Vm, args: &[Value], kw: Option<&Value>, f: crate::typeobj::NativeFn) -> PyResult<Value> {
    // Blocks of 0x800 code points the operands use, in planes 4..=16.
    let mut used = [false; 13 * 32];
    let mut mark = |d: &StrData| {
        for c in d.code_points().filter(|&c| c >= 0x40000) {
            used[((c - 0x40000) / 0x800) as usize] = true;
        }
    };
    for a in args {
        if let Some(d) = pystr::str_data(a) {
            mark(d);
        } else if let Some(t) = tuple::exact_items(a) {
            t.iter().filter_map(pystr::str_data).for_each(&mut mark);
        }
    }
    // Plane 14 holds assigned format characters and variation selectors: never a target.
    let Some(block) = (0..used.len()).find(|&b| !used[b] && !(320..352).contains(&b)) else {
        return Err(vm.new_exception(exceptions::system_error(), "no free code-point block to relabel lone surrogates in"));
    };
    let base = 0x40000 + 0x800 * block as u32;
    let map = |v: &Value, to: bool| -> Option<Value> {
        let d = pystr::str_data(v)?;
        let cps = d.code_points().map(|c| match to {
            true if (0xd800..0xe000).contains(&c) => base + (c - 0xd800),
            false if (base..base + 0x800).contains(&c) => 0xd800 + (c - base),
            _ => c,
        });
        Some(pystr::from_code_points(cps))
    };
    let map_any = |v: &Value, to: bool| -> Value {
        if let Some(m) = map(v, to) {
            return m;
        }
        if let Some(t) = tuple::exact_items(v) {
            return tuple::new_tuple(t.iter().map(|x| map(x, to).unwrap_or_else(|| x.clone())).collect());
        }
        v.clone()
    };
    let moved: Vec<Value> = args.iter().map(|a| map_any(a, true)).collect();
    let r = f(vm, &moved, kw)?;
    if let Some(l) = r.downcast_exact::<crate::objects::list::ListData>() {
        let items: Vec<Value> = l.snapshot().iter().map(|x| map_any(x, false)).collect();
        return Ok(crate::objects::list::new_list(items));
    }
    Ok(map_any(&r, false))
}

/// `str.__format__(spec)`, lone surrogates included (f-string fields call it directly).
pub fn str_dunder_format(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    relabelled(vm, args, kw, crate::objects::format::str_format_method)
}

// ----- argument helpers ------------------------------------------------------------------

/// Self of a str method (the method descriptor has checked it is a str).
fn data(args: &[Value]) -> &StrData {
    pystr::str_data(&args[0]).expect("str method called on a str")
}

fn text(args: &[Value]) -> &str {
    data(args).text()
}

/// Self unchanged: an exact str is returned as it is (as CPython does when strip, replace
/// and friends change nothing), a subclass instance as a plain str copy.
fn unchanged(args: &[Value]) -> Value {
    if std::ptr::eq(args[0].ty(), &pystr::STR_TYPE.0) {
        args[0].clone()
    } else {
        pystr::new_str_counted(text(args), data(args).len)
    }
}

/// `split(sep=None, maxsplit=-1)` / `rsplit`.
const SPLIT_PARAMS: &[Param] = &[Param::arg_opt("sep"), Param::arg_opt("maxsplit")];
/// stringlib's `parse_args_finds`: `(sub[, start[, end]])`.
const FINDS_PARAMS: &[Param] = &[Param::pos("sub"), Param::pos_opt("start"), Param::pos_opt("end")];

/// A `str` argument or CPython's "must be str, not int".
fn str_arg<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a str> {
    match pystr::try_str(v) {
        Some(s) => Ok(s),
        None => Err(vm.type_error(format!("must be str, not {}", v.ty().name()))),
    }
}

/// An `__index__` argument as isize (`Py_ssize_t` conversion: OverflowError if too big).
fn ssize(vm: &mut Vm, v: &Value) -> PyResult<isize> {
    crate::objects::list_methods::ssize_arg(vm, v)
}


/// A list of pieces of the text of `whole` (split and friends).
fn new_list_of_pieces<'a>(whole: &StrData, parts: impl Iterator<Item = &'a str>) -> Value {
    crate::objects::list::new_list(parts.map(|p| pystr::new_substr(whole, p)).collect())
}

/// Python's `str.isspace()` for one character.
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

fn is_linebreak(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\x0b' | '\x0c' | '\x1c' | '\x1d' | '\x1e' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

// ----- index arithmetic ------------------------------------------------------------------

/// `ADJUST_INDICES` on optional `start`/`end` arguments (None allowed), for a text of
/// `len` code points. `start` is not clamped to `len`.
fn adjust(vm: &mut Vm, start: Option<&Value>, end: Option<&Value>, len: usize) -> PyResult<(isize, isize)> {
    let len = len as isize;
    let mut s = match start {
        Some(v) => crate::objects::slice::index_value_opt(vm, v)?.unwrap_or(0),
        None => 0,
    };
    let mut e = match end {
        Some(v) => crate::objects::slice::index_value_opt(vm, v)?.unwrap_or(len),
        None => len,
    };
    if e > len {
        e = len;
    } else if e < 0 {
        e += len;
        if e < 0 {
            e = 0;
        }
    }
    if s < 0 {
        s += len;
        if s < 0 {
            s = 0;
        }
    }
    Ok((s, e))
}

/// Byte offset of code point `i` in the text of `d` (`i` may equal the length).
fn byte_at(d: &StrData, i: usize) -> usize {
    if d.is_ascii() {
        return i.min(d.len);
    }
    d.byte_offset(i)
}

/// Code point index of byte offset `b` in the text of `d`.
fn char_index(d: &StrData, b: usize) -> usize {
    d.char_index(b)
}

fn char_len(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.chars().count()
    }
}

/// The window `s[start:end]` (code points) of the text of `d` as a byte range, or None if
/// `start > end`.
fn window(d: &StrData, start: isize, end: isize) -> Option<(usize, usize)> {
    if start > end || start > d.len as isize {
        return None;
    }
    Some((byte_at(d, start as usize), byte_at(d, end as usize)))
}

// ----- join / split ----------------------------------------------------------------------

fn str_join(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    let it = Spec::one("join").arg_in(vm, "str", &args[1..], kw)?;
    // An exact list's or tuple's items are read in place (PySequence_Fast): nothing below runs
    // Python code or drops a reference, so the sequence cannot change meanwhile.
    let snapshot: Vec<Value>;
    let items: &[Value] = if let Some(l) = it.downcast_exact::<crate::objects::list::ListData>() {
        // SAFETY: (the comment above) nothing below runs Python code or drops a reference
        // until `items` is last used, and `it` keeps the list alive.
        unsafe { l.items_unchecked() }
    } else if let Some(t) = tuple::exact_items(it) {
        t
    } else {
        snapshot = crate::objects::list_methods::sequence_fast(vm, it, "can only join an iterable")?;
        &snapshot
    };
    let sep = data(args);
    let (mut bytes, mut chars, mut sur) = (0usize, 0usize, sep.has_surrogates() && items.len() > 1);
    for (i, item) in items.iter().enumerate() {
        let Some(d) = pystr::str_data(item) else {
            return Err(vm.type_error(format!("sequence item {i}: expected str instance, {} found", item.ty().name())));
        };
        bytes = bytes.saturating_add(d.as_bytes().len());
        chars += d.len;
        sur |= d.has_surrogates();
    }
    if let [only] = items {
        if std::ptr::eq(only.ty(), &pystr::STR_TYPE.0) {
            return Ok(only.clone());
        }
    }
    let gaps = items.len().saturating_sub(1);
    let bytes = bytes.saturating_add(gaps.saturating_mul(sep.as_bytes().len()));
    if bytes > isize::MAX as usize / 2 {
        return Err(vm.memory_error());
    }
    Ok(pystr::build_str_wtf8(bytes, chars + gaps * sep.len, sur, |w| {
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                w.push_bytes(sep.as_bytes());
            }
            w.push_bytes(pystr::str_data(item).expect("str").as_bytes());
        }
    }))
}

/// `sep` and `maxsplit` of split/rsplit.
fn split_args<'a>(vm: &mut Vm, name: &'static str, args: &'a [Value], kw: Option<&Value>) -> PyResult<(Option<&'a str>, usize)> {
    // The common calls (`s.split()`, `s.split(sep)`) skip the keyword matching.
    let (sep, max) = match (kw, args) {
        (None, [_]) => (None, None),
        (None, [_, sep]) => (Some(sep), None),
        _ => {
            let a: [Option<&Value>; 2] = Spec::keywords(name, SPLIT_PARAMS).parse(vm, &args[1..], kw)?;
            (a[0], a[1])
        }
    };
    let sep = match sep {
        None => None,
        Some(v) if none::is_none(v) => None,
        Some(v) => match pystr::try_str(v) {
            Some("") => return Err(vm.value_error("empty separator")),
            Some(s) => Some(s),
            None => return Err(vm.type_error(format!("must be str or None, not {}", v.ty().name()))),
        },
    };
    let max = match max {
        None => usize::MAX,
        Some(v) => {
            let m = ssize(vm, v)?;
            if m < 0 {
                usize::MAX
            } else {
                m as usize
            }
        }
    };
    Ok((sep, max))
}

/// `split()` on whitespace (stringlib's `split_whitespace`).
fn split_whitespace(s: &str, mut max: usize) -> Vec<&str> {
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let n = chars.len();
    let byte = |i: usize| chars.get(i).map(|c| c.0).unwrap_or(s.len());
    let mut out = Vec::new();
    let mut i = 0;
    while max > 0 {
        max -= 1;
        while i < n && is_space(chars[i].1) {
            i += 1;
        }
        if i == n {
            break;
        }
        let j = i;
        i += 1;
        while i < n && !is_space(chars[i].1) {
            i += 1;
        }
        out.push(&s[byte(j)..byte(i)]);
    }
    if i < n {
        while i < n && is_space(chars[i].1) {
            i += 1;
        }
        if i != n {
            out.push(&s[byte(i)..]);
        }
    }
    out
}

/// `rsplit()` on whitespace (stringlib's `rsplit_whitespace`).
fn rsplit_whitespace(s: &str, mut max: usize) -> Vec<&str> {
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let byte = |i: usize| chars.get(i).map(|c| c.0).unwrap_or(s.len());
    let mut out = Vec::new();
    let mut i = chars.len() as isize - 1;
    while max > 0 {
        max -= 1;
        while i >= 0 && is_space(chars[i as usize].1) {
            i -= 1;
        }
        if i < 0 {
            break;
        }
        let j = i;
        i -= 1;
        while i >= 0 && !is_space(chars[i as usize].1) {
            i -= 1;
        }
        out.push(&s[byte((i + 1) as usize)..byte((j + 1) as usize)]);
    }
    if i >= 0 {
        while i >= 0 && is_space(chars[i as usize].1) {
            i -= 1;
        }
        if i >= 0 {
            out.push(&s[..byte((i + 1) as usize)]);
        }
    }
    out.reverse();
    out
}

fn str_split(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    let (sep, max) = split_args(vm, "split", args, kw)?;
    let (whole, s) = (data(args), text(args));
    Ok(match sep {
        None => new_list_of_pieces(whole, split_whitespace(s, max).into_iter()),
        Some(sep) => {
            // Room for the usual few pieces up front (CPython preallocates 12).
            let mut items = Vec::with_capacity(8);
            str_search::split_each(s, sep, max, |p| items.push(pystr::new_substr(whole, p)));
            crate::objects::list::new_list(items)
        }
    })
}

fn str_rsplit(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    let (sep, max) = split_args(vm, "rsplit", args, kw)?;
    let (whole, s) = (data(args), text(args));
    let parts = match sep {
        None => rsplit_whitespace(s, max),
        Some(sep) => {
            str_search::rsplit(s, sep, max)
        }
    };
    Ok(new_list_of_pieces(whole, parts.into_iter()))
}

fn str_splitlines(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    const SPLITLINES: Spec = Spec::keywords("splitlines", &[Param::arg_opt("keepends")]);
    let a: [Option<&Value>; 1] = SPLITLINES.parse(vm, &args[1..], kw)?;
    let keepends = match &a[0] {
        Some(v) => crate::protocols::object::is_true(vm, v)?,
        None => false,
    };
    let (whole, s) = (data(args), text(args));
    let mut out = Vec::new();
    let mut start = 0;
    let mut it = s.char_indices().peekable();
    while let Some((b, c)) = it.next() {
        if is_linebreak(c) {
            let mut end = b + c.len_utf8();
            if c == '\r' {
                if let Some(&(_, '\n')) = it.peek() {
                    it.next();
                    end += 1;
                }
            }
            out.push(if keepends { &s[start..end] } else { &s[start..b] });
            start = end;
        }
    }
    if start < s.len() {
        out.push(&s[start..]);
    }
    Ok(new_list_of_pieces(whole, out.into_iter()))
}

fn partition_impl(vm: &mut Vm, args: &[Value], kw: Option<&Value>, name: &'static str, right: bool) -> PyResult<Value> {
    let sep_v = Spec::one(name).arg_in(vm, "str", &args[1..], kw)?;
    let sep = str_arg(vm, sep_v)?;
    if sep.is_empty() {
        return Err(vm.value_error("empty separator"));
    }
    let s = text(args);
    let found = if right { s.rfind(sep) } else { s.find(sep) };
    let parts = match found {
        Some(i) => [&s[..i], sep, &s[i + sep.len()..]],
        None if right => ["", "", s],
        None => [s, "", ""],
    };
    let whole = data(args);
    Ok(tuple::new_tuple(parts.iter().map(|p| if p.len() == s.len() { unchanged(args) } else { pystr::new_substr(whole, p) }).collect()))
}

fn str_partition(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    partition_impl(vm, args, kw, "partition", false)
}

fn str_rpartition(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    partition_impl(vm, args, kw, "rpartition", true)
}

// ----- strip -----------------------------------------------------------------------------

fn strip_impl(vm: &mut Vm, args: &[Value], kw: Option<&Value>, name: &'static str, left: bool, right: bool) -> PyResult<Value> {
    const STRIP_PARAMS: &[Param] = &[Param::pos_opt("chars")];
    let rest = Spec::positional(name, STRIP_PARAMS).check_in(vm, "str", &args[1..], kw)?;
    let s = text(args);
    let out = match rest.first() {
        None => strip_with(s, left, right, is_space),
        Some(v) if none::is_none(v) => strip_with(s, left, right, is_space),
        Some(v) => match pystr::try_str(v) {
            Some(chars) => strip_with(s, left, right, |c| chars.contains(c)),
            None => return Err(vm.type_error(format!("{name} arg must be None or str"))),
        },
    };
    Ok(if out.len() == s.len() { unchanged(args) } else { pystr::new_substr(data(args), out) })
}

fn strip_with(s: &str, left: bool, right: bool, pred: impl Fn(char) -> bool) -> &str {
    if s.is_ascii() {
        // Byte by byte (no UTF-8 decoding); a non-ASCII `pred` argument never matches here.
        let b = s.as_bytes();
        let (mut i, mut j) = (0, b.len());
        if left {
            while i < j && pred(b[i] as char) {
                i += 1;
            }
        }
        if right {
            while j > i && pred(b[j - 1] as char) {
                j -= 1;
            }
        }
        return &s[i..j];
    }
    let mut r = s;
    if left {
        r = r.trim_start_matches(|c| pred(c));
    }
    if right {
        r = r.trim_end_matches(|c| pred(c));
    }
    r
}

fn str_strip(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    strip_impl(vm, args, kw, "strip", true, true)
}
fn str_lstrip(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    strip_impl(vm, args, kw, "lstrip", true, false)
}
fn str_rstrip(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    strip_impl(vm, args, kw, "rstrip", false, true)
}

// ----- search ----------------------------------------------------------------------------

/// `(sub, start, end)` of find-like methods, resolved to a byte window of self.
fn find_args<'a>(vm: &mut Vm, name: &'static str, args: &'a [Value], kw: Option<&Value>) -> PyResult<(&'a str, Option<(usize, usize)>)> {
    let rest = Spec::tuple(name, FINDS_PARAMS).check_in(vm, "str", &args[1..], kw)?;
    let sub = str_arg(vm, &rest[0])?;
    let (start, end) = adjust(vm, rest.get(1), rest.get(2), data(args).len)?;
    let win = if end - start < pystr::char_len(&rest[0]) as isize { None } else { window(data(args), start, end) };
    Ok((sub, win))
}

/// Returns the code-point index of the match or -1.
fn find_impl(vm: &mut Vm, args: &[Value], kw: Option<&Value>, name: &'static str, right: bool) -> PyResult<isize> {
    let (sub, win) = find_args(vm, name, args, kw)?;
    let s = text(args);
    let Some((b0, b1)) = win else { return Ok(-1) };
    let hay = &s[b0..b1];
    let found = if right { str_search::rfind(hay, sub) } else { str_search::find(hay, sub) };
    Ok(match found {
        Some(b) => char_index(data(args), b0 + b) as isize,
        None => -1,
    })
}

fn str_find(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    Ok(Value::int(find_impl(vm, args, kw, "find", false)? as i64))
}

fn str_rfind(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    Ok(Value::int(find_impl(vm, args, kw, "rfind", true)? as i64))
}

fn str_index(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    match find_impl(vm, args, kw, "index", false)? {
        -1 => Err(vm.value_error("substring not found")),
        i => Ok(Value::int(i as i64)),
    }
}

fn str_rindex(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    match find_impl(vm, args, kw, "rindex", true)? {
        -1 => Err(vm.value_error("substring not found")),
        i => Ok(Value::int(i as i64)),
    }
}

fn str_count(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    let (sub, win) = find_args(vm, "count", args, kw)?;
    let s = text(args);
    let Some((b0, b1)) = win else { return Ok(Value::int(0)) };
    let hay = &s[b0..b1];
    let n = if sub.is_empty() { char_len(hay) + 1 } else { str_search::count(hay, sub) };
    Ok(Value::int(n as i64))
}

fn tailmatch_impl(vm: &mut Vm, args: &[Value], kw: Option<&Value>, name: &'static str, suffix: bool) -> PyResult<Value> {
    let rest = Spec::tuple(name, FINDS_PARAMS).check_in(vm, "str", &args[1..], kw)?;
    let s = text(args);
    let (start, end) = adjust(vm, rest.get(1), rest.get(2), data(args).len)?;
    let one = std::slice::from_ref(&rest[0]);
    let candidates: &[Value] = if let Some(items) = tuple::try_items(&rest[0]) {
        for it in items {
            if pystr::try_str(it).is_none() {
                return Err(vm.type_error(format!("tuple for {name} must only contain str, not {}", it.ty().name())));
            }
        }
        items
    } else if pystr::try_str(&rest[0]).is_some() {
        one
    } else {
        return Err(vm.type_error(format!("{name} first arg must be str or a tuple of str, not {}", rest[0].ty().name())));
    };
    let whole = data(args);
    for c in candidates {
        let sub = pystr::as_str(c);
        let sublen = pystr::char_len(c) as isize;
        if end - sublen < start {
            continue;
        }
        let Some((b0, b1)) = window(whole, start, end) else { continue };
        let hay = &s[b0..b1];
        let hit = if suffix { hay.ends_with(sub) } else { hay.starts_with(sub) };
        if hit {
            return Ok(none::bool_value(true));
        }
    }
    Ok(none::bool_value(false))
}

fn str_startswith(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    tailmatch_impl(vm, args, kw, "startswith", false)
}

fn str_endswith(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    tailmatch_impl(vm, args, kw, "endswith", true)
}

fn str_replace(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    const REPLACE: Spec = Spec::positional("replace", &[Param::pos("old"), Param::pos("new"), Param::pos_opt("count")]);
    let rest = REPLACE.check_in(vm, "str", &args[1..], kw)?;
    let Some(old) = pystr::try_str(&rest[0]) else {
        return Err(vm.type_error(format!("replace() argument 1 must be str, not {}", rest[0].ty().name())));
    };
    let Some(new) = pystr::try_str(&rest[1]) else {
        return Err(vm.type_error(format!("replace() argument 2 must be str, not {}", rest[1].ty().name())));
    };
    let count = match rest.get(2) {
        Some(v) => ssize(vm, v)?,
        None => -1,
    };
    let (whole, s) = (data(args), text(args));
    let max = if count < 0 { usize::MAX } else { count as usize };
    if old.is_empty() {
        // Between every two characters and at both ends (rare: the plain way).
        return Ok(if max == 0 { unchanged(args) } else { pystr::from_string(s.replacen("", new, max)) });
    }
    // The match offsets, in a stack buffer while they fit (short texts, few matches).
    let mut inline = [0usize; 16];
    let mut spilled: Vec<usize> = Vec::new();
    let mut n = 0;
    for h in str_search::matches(s, old).take(max) {
        if n < inline.len() {
            inline[n] = h;
        } else {
            if spilled.is_empty() {
                spilled.extend_from_slice(&inline);
            }
            spilled.push(h);
        }
        n += 1;
    }
    let hits: &[usize] = if spilled.is_empty() { &inline[..n] } else { &spilled };
    if hits.is_empty() {
        return Ok(unchanged(args));
    }
    let (old_chars, new_chars) = (pystr::char_len(&rest[0]), pystr::char_len(&rest[1]));
    let bytes = (s.len() - n * old.len()).checked_add(n.checked_mul(new.len()).ok_or_else(|| vm.memory_error())?);
    let Some(bytes) = bytes.filter(|&b| b <= isize::MAX as usize / 2) else { return Err(vm.memory_error()) };
    Ok(pystr::build_str(bytes, whole.len - n * old_chars + n * new_chars, |w| {
        let mut start = 0;
        for &h in hits {
            w.push(&s[start..h]);
            w.push(new);
            start = h + old.len();
        }
        w.push(&s[start..]);
    }))
}

fn affix_impl(vm: &mut Vm, args: &[Value], kw: Option<&Value>, name: &'static str, suffix: bool) -> PyResult<Value> {
    let a = Spec::one(name).arg_in(vm, "str", &args[1..], kw)?;
    let Some(affix) = pystr::try_str(a) else {
        return Err(vm.type_error(format!("{name}() argument must be str, not {}", a.ty().name())));
    };
    let s = text(args);
    let out = if suffix { s.strip_suffix(affix) } else { s.strip_prefix(affix) };
    match out {
        Some(r) if !affix.is_empty() => Ok(pystr::new_substr(data(args), r)),
        _ => Ok(unchanged(args)),
    }
}

fn str_removeprefix(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    affix_impl(vm, args, kw, "removeprefix", false)
}

fn str_removesuffix(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    affix_impl(vm, args, kw, "removesuffix", true)
}

// ----- case ------------------------------------------------------------------------------

/// Titlecase of one character (differs from uppercase only for a few digraphs).
fn to_title(c: char, out: &mut String) {
    match c {
        '\u{1C4}'..='\u{1C6}' => out.push('\u{1C5}'),
        '\u{1C7}'..='\u{1C9}' => out.push('\u{1C8}'),
        '\u{1CA}'..='\u{1CC}' => out.push('\u{1CB}'),
        '\u{1F1}'..='\u{1F3}' => out.push('\u{1F2}'),
        // Full titlecase mappings (SpecialCasing.txt) that differ from uppercase.
        'ß' => out.push_str("Ss"),
        'ﬀ' => out.push_str("Ff"),
        'ﬁ' => out.push_str("Fi"),
        'ﬂ' => out.push_str("Fl"),
        'ﬃ' => out.push_str("Ffi"),
        'ﬄ' => out.push_str("Ffl"),
        'ﬅ' | 'ﬆ' => out.push_str("St"),
        'ŉ' => out.push_str("\u{2BC}N"),
        'և' => out.push_str("\u{535}\u{582}"),
        _ => out.extend(c.to_uppercase()),
    }
}

fn is_titlecase(c: char) -> bool {
    matches!(c, '\u{1C5}' | '\u{1C8}' | '\u{1CB}' | '\u{1F2}' | '\u{1F88}'..='\u{1F8F}' | '\u{1F98}'..='\u{1F9F}' | '\u{1FA8}'..='\u{1FAF}' | '\u{1FBC}' | '\u{1FCC}' | '\u{1FFC}')
}

fn is_cased(c: char) -> bool {
    c.is_lowercase() || c.is_uppercase() || is_titlecase(c)
}

fn case_method(vm: &mut Vm, args: &[Value], kw: Option<&Value>, name: &'static str, f: impl Fn(&str) -> String) -> PyResult<Value> {
    Spec::noargs(name).check_in(vm, "str", &args[1..], kw)?;
    Ok(pystr::from_string(f(text(args))))
}

/// A case mapping that, on ASCII text, maps byte for byte (`map`) straight into the new str.
fn ascii_case_method(vm: &mut Vm, args: &[Value], kw: Option<&Value>, name: &'static str, map: fn(&u8) -> u8, f: impl Fn(&str) -> String) -> PyResult<Value> {
    let d = data(args);
    if !d.is_ascii() {
        return case_method(vm, args, kw, name, f);
    }
    Spec::noargs(name).check_in(vm, "str", &args[1..], kw)?;
    let s = d.text().as_bytes();
    Ok(pystr::build_str(s.len(), s.len(), |w| s.iter().for_each(|b| w.push_ascii(map(b)))))
}

fn str_upper(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    ascii_case_method(vm, args, kw, "upper", u8::to_ascii_uppercase, |s| s.to_uppercase())
}

fn str_lower(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    ascii_case_method(vm, args, kw, "lower", u8::to_ascii_lowercase, |s| s.to_lowercase())
}

fn str_casefold(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    case_method(vm, args, kw, "casefold", |s| {
        let mut out = String::with_capacity(s.len());
        for c in s.chars() {
            match c {
                'ß' | 'ẞ' => out.push_str("ss"),
                'ς' => out.push('σ'),
                'ſ' => out.push('s'),
                'ﬀ' => out.push_str("ff"),
                'ﬁ' => out.push_str("fi"),
                'ﬂ' => out.push_str("fl"),
                'ﬃ' => out.push_str("ffi"),
                'ﬄ' => out.push_str("ffl"),
                'ﬅ' | 'ﬆ' => out.push_str("st"),
                _ => out.extend(c.to_lowercase()),
            }
        }
        out
    })
}

fn str_capitalize(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    case_method(vm, args, kw, "capitalize", |s| {
        let mut out = String::with_capacity(s.len());
        let mut chars = s.chars();
        if let Some(c) = chars.next() {
            to_title(c, &mut out);
            out.push_str(&chars.as_str().to_lowercase());
        }
        out
    })
}

fn str_title(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    case_method(vm, args, kw, "title", |s| {
        let mut out = String::with_capacity(s.len());
        let mut prev_cased = false;
        for c in s.chars() {
            if prev_cased {
                out.extend(c.to_lowercase());
            } else {
                to_title(c, &mut out);
            }
            prev_cased = is_cased(c);
        }
        out
    })
}

fn str_swapcase(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    case_method(vm, args, kw, "swapcase", |s| {
        let mut out = String::with_capacity(s.len());
        for c in s.chars() {
            if c.is_uppercase() {
                out.extend(c.to_lowercase());
            } else if c.is_lowercase() {
                out.extend(c.to_uppercase());
            } else {
                out.push(c);
            }
        }
        out
    })
}

// ----- predicates ------------------------------------------------------------------------

fn is_decimal(c: char) -> bool {
    c.is_ascii_digit() || crate::objects::float::unicode_decimal(c).is_some()
}

fn is_digit(c: char) -> bool {
    is_decimal(c)
        || matches!(c as u32,
            0xB2 | 0xB3 | 0xB9 | 0x2070 | 0x2074..=0x2079 | 0x2080..=0x2089 | 0x1369..=0x1371
            | 0x2460..=0x2468 | 0x2474..=0x247C | 0x2488..=0x2490 | 0x24EA | 0x24F5..=0x24FD | 0x24FF
            | 0x2776..=0x277E | 0x2780..=0x2788 | 0x278A..=0x2792)
}

fn is_numeric(c: char) -> bool {
    is_digit(c)
        || c.is_numeric()
        || matches!(c, '〇' | '零' | '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十' | '百' | '千' | '万' | '萬' | '億' | '兆')
}

fn is_alpha(c: char) -> bool {
    c.is_alphabetic() && !c.is_numeric() && !matches!(c as u32, 0x345 | 0x5B0..=0x5C7 | 0x610..=0x61A | 0x64B..=0x657)
}

fn is_identifier(s: &str) -> bool {
    let mut chars = s.chars();
    let Some(first) = chars.next() else { return false };
    if !(first == '_' || is_alpha(first)) {
        return false;
    }
    chars.all(|c| c == '_' || c.is_alphanumeric() || is_decimal(c) || c == '\u{B7}')
}

fn predicate(vm: &mut Vm, args: &[Value], kw: Option<&Value>, name: &'static str, f: impl Fn(&str) -> bool) -> PyResult<Value> {
    Spec::noargs(name).check_in(vm, "str", &args[1..], kw)?;
    Ok(none::bool_value(f(text(args))))
}

fn all_nonempty(s: &str, f: impl Fn(char) -> bool) -> bool {
    !s.is_empty() && s.chars().all(f)
}

fn str_isdigit(vm: &mut Vm, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    predicate(vm, a, k, "isdigit", |s| all_nonempty(s, is_digit))
}
fn str_isdecimal(vm: &mut Vm, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    predicate(vm, a, k, "isdecimal", |s| all_nonempty(s, is_decimal))
}
fn str_isnumeric(vm: &mut Vm, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    predicate(vm, a, k, "isnumeric", |s| all_nonempty(s, is_numeric))
}
fn str_isalpha(vm: &mut Vm, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    predicate(vm, a, k, "isalpha", |s| all_nonempty(s, is_alpha))
}
fn str_isalnum(vm: &mut Vm, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    predicate(vm, a, k, "isalnum", |s| all_nonempty(s, |c| is_alpha(c) || is_numeric(c)))
}
fn str_isspace(vm: &mut Vm, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    predicate(vm, a, k, "isspace", |s| all_nonempty(s, is_space))
}
fn str_isascii(vm: &mut Vm, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    predicate(vm, a, k, "isascii", |s| s.is_ascii())
}
fn str_isprintable(vm: &mut Vm, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    predicate(vm, a, k, "isprintable", |s| s.chars().all(|c| c == ' ' || pystr::is_printable(c)))
}
fn str_isidentifier(vm: &mut Vm, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    predicate(vm, a, k, "isidentifier", is_identifier)
}
fn str_islower(vm: &mut Vm, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    predicate(vm, a, k, "islower", |s| {
        let mut cased = false;
        for c in s.chars() {
            if c.is_uppercase() || is_titlecase(c) {
                return false;
            }
            if c.is_lowercase() {
                cased = true;
            }
        }
        cased
    })
}
fn str_isupper(vm: &mut Vm, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    predicate(vm, a, k, "isupper", |s| {
        let mut cased = false;
        for c in s.chars() {
            if c.is_lowercase() || is_titlecase(c) {
                return false;
            }
            if c.is_uppercase() {
                cased = true;
            }
        }
        cased
    })
}
fn str_istitle(vm: &mut Vm, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    predicate(vm, a, k, "istitle", |s| {
        let (mut cased, mut prev) = (false, false);
        for c in s.chars() {
            if c.is_uppercase() || is_titlecase(c) {
                if prev {
                    return false;
                }
                prev = true;
                cased = true;
            } else if c.is_lowercase() {
                if !prev {
                    return false;
                }
                prev = true;
                cased = true;
            } else {
                prev = false;
            }
        }
        cased
    })
}

// ----- padding ---------------------------------------------------------------------------

fn pad_args(vm: &mut Vm, name: &'static str, args: &[Value], kw: Option<&Value>) -> PyResult<(usize, char)> {
    const PAD_PARAMS: &[Param] = &[Param::pos("width"), Param::pos_opt("fillchar")];
    let rest = Spec::positional(name, PAD_PARAMS).check_in(vm, "str", &args[1..], kw)?;
    let width = ssize(vm, &rest[0])?;
    let fill = match rest.get(1) {
        None => ' ',
        Some(v) => match pystr::try_str(v) {
            Some(f) => {
                let mut cs = f.chars();
                match (cs.next(), cs.next()) {
                    (Some(c), None) => c,
                    _ => return Err(vm.type_error("The fill character must be exactly one character long")),
                }
            }
            None => return Err(vm.type_error(format!("The fill character must be a unicode character, not {}", v.ty().name()))),
        },
    };
    Ok((width.max(0) as usize, fill))
}

fn pad(s: &str, left: usize, right: usize, fill: char) -> Value {
    let mut out = String::with_capacity(s.len() + left + right);
    out.extend(std::iter::repeat(fill).take(left));
    out.push_str(s);
    out.extend(std::iter::repeat(fill).take(right));
    pystr::from_string(out)
}

fn checked_width(vm: &mut Vm, width: usize) -> PyResult<()> {
    if width > (isize::MAX as usize) / 8 {
        return Err(vm.memory_error());
    }
    Ok(())
}

fn str_center(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    let (width, fill) = pad_args(vm, "center", args, kw)?;
    let s = text(args);
    let len = data(args).len;
    if width <= len {
        return Ok(pystr::new_str(s));
    }
    checked_width(vm, width)?;
    let marg = width - len;
    let left = marg / 2 + (marg & width & 1);
    Ok(pad(s, left, marg - left, fill))
}

fn str_ljust(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    let (width, fill) = pad_args(vm, "ljust", args, kw)?;
    let s = text(args);
    let len = data(args).len;
    if width <= len {
        return Ok(pystr::new_str(s));
    }
    checked_width(vm, width)?;
    Ok(pad(s, 0, width - len, fill))
}

fn str_rjust(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    let (width, fill) = pad_args(vm, "rjust", args, kw)?;
    let s = text(args);
    let len = data(args).len;
    if width <= len {
        return Ok(pystr::new_str(s));
    }
    checked_width(vm, width)?;
    Ok(pad(s, width - len, 0, fill))
}

fn str_zfill(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    let w = Spec::one("zfill").arg_in(vm, "str", &args[1..], kw)?;
    let width = ssize(vm, w)?.max(0) as usize;
    let s = text(args);
    let len = data(args).len;
    if width <= len {
        return Ok(pystr::new_str(s));
    }
    checked_width(vm, width)?;
    let fill = width - len;
    let mut out = String::with_capacity(width);
    let rest = match s.chars().next() {
        Some(c @ ('+' | '-')) => {
            out.push(c);
            &s[1..]
        }
        _ => s,
    };
    out.extend(std::iter::repeat('0').take(fill));
    out.push_str(rest);
    Ok(pystr::from_string(out))
}

fn str_expandtabs(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    const EXPANDTABS: Spec = Spec::keywords("expandtabs", &[Param::arg_opt("tabsize")]);
    let a: [Option<&Value>; 1] = EXPANDTABS.parse(vm, &args[1..], kw)?;
    let tabsize = match &a[0] {
        Some(v) => ssize(vm, v)?,
        None => 8,
    };
    let s = text(args);
    let mut out = String::with_capacity(s.len());
    let mut col: usize = 0;
    for c in s.chars() {
        match c {
            '\t' => {
                if tabsize > 0 {
                    let n = tabsize as usize - (col % tabsize as usize);
                    if out.len().saturating_add(n) > (isize::MAX as usize) / 8 {
                        return Err(vm.overflow_error("new string is too long"));
                    }
                    out.extend(std::iter::repeat(' ').take(n));
                    col += n;
                }
            }
            '\n' | '\r' => {
                out.push(c);
                col = 0;
            }
            _ => {
                out.push(c);
                col += 1;
            }
        }
    }
    Ok(pystr::from_string(out))
}

// ----- encode / translate / format -------------------------------------------------------

fn str_encode(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    const ENCODE: Spec = Spec::keywords("encode", &[Param::arg_opt("encoding"), Param::arg_opt("errors")]);
    let a: [Option<&Value>; 2] = ENCODE.parse(vm, &args[1..], kw)?;
    let mut names = ["utf-8".to_owned(), "strict".to_owned()];
    for (i, (arg, pname)) in a.iter().zip(["encoding", "errors"]).enumerate() {
        if let Some(v) = arg {
            match pystr::try_str(v) {
                Some(s) => names[i] = s.to_owned(),
                None => {
                    return Err(vm.type_error(format!("encode() argument '{pname}' must be str, not {}", v.ty().name())));
                }
            }
        }
    }
    let bytes = crate::objects::bytes::encode_str(vm, &args[0], &names[0], &names[1])?;
    Ok(crate::objects::bytes::new_bytes(bytes))
}

fn str_maketrans(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    const MAKETRANS: Spec = Spec::positional("str.maketrans", &[Param::pos("x"), Param::pos_opt("y"), Param::pos_opt("z")]);
    let args = MAKETRANS.check(vm, args, kw)?;
    let out = dict::new_dict();
    let od = dict::dict_data(&out).expect("dict");
    match args {
        [x] => {
            let Some(d) = dict::dict_data(x) else {
                return Err(vm.type_error("if you give only one argument to maketrans it must be a dict"));
            };
            for (k, v) in d.items() {
                let key = if let Some(s) = pystr::str_data(&k) {
                    match s.len {
                        1 => Value::int(s.char_at(0) as i64),
                        _ => return Err(vm.value_error("string keys in translate table must be of length 1")),
                    }
                } else if crate::objects::int::is_int(&k) {
                    k.clone()
                } else {
                    return Err(vm.type_error("keys in translate table must be strings or integers"));
                };
                od.set(vm, key, v)?;
            }
            Ok(out)
        }
        [x, y, rest @ ..] if rest.len() <= 1 => {
            let Some(xs) = pystr::str_data(x) else { return Err(MAKETRANS.bad_argument(vm, 0, "str", x)) };
            let Some(ys) = pystr::str_data(y) else { return Err(MAKETRANS.bad_argument(vm, 1, "str", y)) };
            if xs.len != ys.len {
                return Err(vm.value_error("the first two maketrans arguments must have equal length"));
            }
            let pairs: Vec<(u32, u32)> = xs.code_points().zip(ys.code_points()).collect();
            for (a, b) in pairs {
                od.set(vm, Value::int(a as i64), Value::int(b as i64))?;
            }
            if let Some(z) = rest.first() {
                let Some(zs) = pystr::str_data(z) else { return Err(MAKETRANS.bad_argument(vm, 2, "str", z)) };
                let zs: Vec<u32> = zs.code_points().collect();
                for c in zs {
                    od.set(vm, Value::int(c as i64), none::none())?;
                }
            }
            Ok(out)
        }
        _ => unreachable!("checked"),
    }
}

fn str_translate(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    let table = Spec::one("translate").arg_in(vm, "str", &args[1..], kw)?.clone();
    // Copied out: the table's lookups run Python code.
    let cps: Vec<u32> = data(args).code_points().collect();
    let mut out: Vec<u8> = Vec::with_capacity(cps.len());
    for c in cps {
        let r = crate::protocols::object::getitem(vm, &table, &Value::int(c as i64));
        let m = match r {
            Ok(m) => m,
            Err(e) if e.matches(exceptions::lookup_error()) => {
                str_wtf8::push_code_point(&mut out, c);
                continue;
            }
            Err(e) => return Err(e),
        };
        if none::is_none(&m) {
            continue;
        }
        if let Some(t) = pystr::str_data(&m) {
            out.extend_from_slice(t.as_bytes());
        } else if let Some(i) = crate::objects::int::as_int(&m) {
            match i.to_i64().filter(|n| (0..0x110000).contains(n)) {
                Some(n) => str_wtf8::push_code_point(&mut out, n as u32),
                None => return Err(vm.value_error("character mapping must be in range(0x110000)")),
            }
        } else {
            return Err(vm.type_error("character mapping must return integer, None or str"));
        }
    }
    Ok(pystr::new_str_wtf8(&out))
}

fn str_format(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    let names = kw.map(tuple::items).unwrap_or(&[]);
    let npos = args.len() - names.len();
    let kwargs = if names.is_empty() {
        None
    } else {
        let d = dict::new_dict();
        let dd = dict::dict_data(&d).expect("dict");
        for (k, v) in names.iter().zip(&args[npos..]) {
            dd.set(vm, k.clone(), v.clone())?;
        }
        Some(d)
    };
    crate::objects::format::str_format(vm, &args[0], &args[1..npos], kwargs.as_ref())
}

fn str_format_map(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    let mapping = Spec::one("format_map").arg_in(vm, "str", &args[1..], kw)?.clone();
    crate::objects::format::str_format(vm, &args[0], &[], Some(&mapping))
}

fn str_getnewargs(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    Spec::noargs("__getnewargs__").check_in(vm, "str", &args[1..], kw)?;
    Ok(tuple::new_tuple(vec![pystr::new_str(text(args))]))
}

/// A method that sees lone surrogates exactly as written (it works on code points or bytes).
macro_rules! m {
    ($name:expr, $f:expr) => {
        MethodDef { name: $name, func: $f, kind: MethodKind::Instance, doc: "" }
    };
}

/// A method written over `&str`: given text with lone surrogates, it runs on relabelled
/// copies (see [`relabelled`]).
macro_rules! r {
    ($name:expr, $f:expr) => {
        MethodDef {
            name: $name,
            func: {
                fn method(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
                    relabelled(vm, args, kw, $f)
                }
                method
            },
            kind: MethodKind::Instance,
            doc: "",
        }
    };
}

pub static STR_METHODS: &[MethodDef] = &[
    m!("join", str_join),
    r!("split", str_split),
    r!("rsplit", str_rsplit),
    r!("splitlines", str_splitlines),
    r!("partition", str_partition),
    r!("rpartition", str_rpartition),
    r!("strip", str_strip),
    r!("lstrip", str_lstrip),
    r!("rstrip", str_rstrip),
    r!("find", str_find),
    r!("rfind", str_rfind),
    r!("index", str_index),
    r!("rindex", str_rindex),
    r!("count", str_count),
    r!("startswith", str_startswith),
    r!("endswith", str_endswith),
    r!("replace", str_replace),
    r!("removeprefix", str_removeprefix),
    r!("removesuffix", str_removesuffix),
    r!("upper", str_upper),
    r!("lower", str_lower),
    r!("casefold", str_casefold),
    r!("capitalize", str_capitalize),
    r!("title", str_title),
    r!("swapcase", str_swapcase),
    r!("isdigit", str_isdigit),
    r!("isdecimal", str_isdecimal),
    r!("isnumeric", str_isnumeric),
    r!("isalpha", str_isalpha),
    r!("isalnum", str_isalnum),
    r!("isspace", str_isspace),
    r!("isascii", str_isascii),
    r!("isprintable", str_isprintable),
    r!("isidentifier", str_isidentifier),
    r!("islower", str_islower),
    r!("isupper", str_isupper),
    r!("istitle", str_istitle),
    r!("center", str_center),
    r!("ljust", str_ljust),
    r!("rjust", str_rjust),
    r!("zfill", str_zfill),
    r!("expandtabs", str_expandtabs),
    m!("encode", str_encode),
    MethodDef { name: "maketrans", func: str_maketrans, kind: MethodKind::Static, doc: "Return a translation table usable for str.translate()." },
    m!("translate", str_translate),
    m!("format", str_format),
    m!("format_map", str_format_map),
    m!("__format__", str_dunder_format),
    r!("__getnewargs__", str_getnewargs),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_split_matches_cpython() {
        assert_eq!(split_whitespace("  a b  c ", usize::MAX), vec!["a", "b", "c"]);
        assert_eq!(split_whitespace("  a b  c ", 1), vec!["a", "b  c "]);
        assert_eq!(rsplit_whitespace("  a b  c ", 1), vec!["  a b", "c"]);
        assert_eq!(split_whitespace("a\x1cb", usize::MAX), vec!["a", "b"]);
    }
}
