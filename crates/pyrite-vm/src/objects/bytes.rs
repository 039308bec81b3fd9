//! `bytes` and `bytearray` basics, and the utf-8/ascii/latin-1 codecs
//! (CPython: `Objects/bytesobject.c`, `Objects/bytearrayobject.c`, `Objects/bytes_methods.c`,
//! the codec parts of `Objects/unicodeobject.c`).

use std::cell::{Cell, UnsafeCell};

use crate::object::{alloc_object, dealloc_payload, Payload, PyObj, Value};
use crate::objects::iter::ValueCell;
use crate::objects::{exceptions, none, str as pystr, tuple};
use crate::typeobj::{flags, CompareOp, MethodDef, MethodKind, PyType, StaticType};
use crate::vm::{PyResult, Vm};
use pyrite_bytecode::opcode::binop;

pub struct BytesData {
    pub bytes: Box<[u8]>,
    hash: Cell<i64>,
}

impl Payload for BytesData {
    fn class() -> &'static PyType {
        &BYTES_TYPE
    }
}

pub struct ByteArrayData {
    data: UnsafeCell<Vec<u8>>,
}

impl Payload for ByteArrayData {
    fn class() -> &'static PyType {
        &BYTEARRAY_TYPE
    }
}

impl ByteArrayData {
    /// Borrow the bytes. No Python code runs while the borrow lives (bytes hold no objects).
    #[allow(clippy::mut_from_ref)]
    fn vec(&self) -> &mut Vec<u8> {
        // SAFETY: single-threaded; callers never hold this across calls into Python.
        unsafe { &mut *self.data.get() }
    }
}

pub static BYTES_TYPE: StaticType = StaticType::new(
    "bytes",
    Some(&crate::objects::object::OBJECT_TYPE),
    flags::BASETYPE | flags::BYTES_SUBCLASS | flags::IMMUTABLE,
    std::mem::size_of::<PyObj<BytesData>>(),
    dealloc_payload::<BytesData>,
    BYTES_METHODS,
    &[],
);

pub static BYTEARRAY_TYPE: StaticType = StaticType::new(
    "bytearray",
    Some(&crate::objects::object::OBJECT_TYPE),
    flags::BASETYPE,
    std::mem::size_of::<PyObj<ByteArrayData>>(),
    dealloc_payload::<ByteArrayData>,
    BYTEARRAY_METHODS,
    &[],
);

pub fn new_bytes(b: Vec<u8>) -> Value {
    alloc_object(&BYTES_TYPE, BytesData { bytes: b.into_boxed_slice(), hash: Cell::new(-1) })
}

pub fn new_bytearray(b: Vec<u8>) -> Value {
    alloc_object(&BYTEARRAY_TYPE, ByteArrayData { data: UnsafeCell::new(b) })
}

/// The contents of a bytes or bytearray value (a copy).
pub fn bytes_like(v: &Value) -> Option<Vec<u8>> {
    if let Some(b) = v.downcast::<BytesData>() {
        return Some(b.bytes.to_vec());
    }
    v.downcast::<ByteArrayData>().map(|b| b.vec().clone())
}

/// Borrow a bytes value's contents.
pub fn as_bytes(v: &Value) -> Option<&[u8]> {
    v.downcast::<BytesData>().map(|b| &*b.bytes)
}

fn is_bytearray(v: &Value) -> bool {
    v.downcast::<ByteArrayData>().is_some()
}

/// A result of the same kind (bytes or bytearray) as `like`.
fn same_kind(like: &Value, b: Vec<u8>) -> Value {
    if is_bytearray(like) {
        new_bytearray(b)
    } else {
        new_bytes(b)
    }
}

/// CPython's bytes hash with `PYTHONHASHSEED=0` (SipHash-1-3, zero keys).
pub fn hash_bytes(b: &[u8]) -> i64 {
    use std::hash::Hasher;
    if b.is_empty() {
        return 0;
    }
    let mut h = siphasher::sip::SipHasher13::new_with_keys(0, 0);
    h.write(b);
    let v = h.finish() as i64;
    if v == -1 {
        -2
    } else {
        v
    }
}

/// `repr()` of bytes content: `b'...'` with CPython's quoting and escapes.
pub fn repr_bytes(b: &[u8]) -> String {
    repr_bytes_with(b, false)
}

/// `always_escape_quote`: bytearray's repr escapes `'` even inside double quotes.
fn repr_bytes_with(b: &[u8], always_escape_quote: bool) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') { b'"' } else { b'\'' };
    let mut out = String::with_capacity(b.len() + 3);
    out.push('b');
    out.push(quote as char);
    for &c in b {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            c if c == quote || (always_escape_quote && c == b'\'') => {
                out.push('\\');
                out.push(c as char);
            }
            0x20..=0x7e => out.push(c as char),
            c => out.push_str(&format!("\\x{c:02x}")),
        }
    }
    out.push(quote as char);
    out
}

// ----- codecs ----------------------------------------------------------------------------

#[derive(Copy, Clone, PartialEq, Eq)]
enum Codec {
    Utf8,
    Ascii,
    Latin1,
}

impl Codec {
    fn name(self) -> &'static str {
        match self {
            Codec::Utf8 => "utf-8",
            Codec::Ascii => "ascii",
            Codec::Latin1 => "latin-1",
        }
    }
}

fn lookup_codec(vm: &mut Vm, encoding: &str) -> PyResult<Codec> {
    let norm: String = encoding.trim().to_ascii_lowercase().chars().map(|c| if c == '_' || c == ' ' { '-' } else { c }).collect();
    match norm.as_str() {
        "utf-8" | "utf8" | "u8" | "utf" | "cp65001" => Ok(Codec::Utf8),
        "ascii" | "us-ascii" | "646" | "us" | "ansi-x3.4-1968" | "iso646-us" => Ok(Codec::Ascii),
        "latin-1" | "latin1" | "latin" | "l1" | "iso-8859-1" | "iso8859-1" | "8859" | "cp819" | "iso-ir-100" => Ok(Codec::Latin1),
        _ => Err(vm.new_exception(exceptions::lookup_error(), format!("unknown encoding: {encoding}"))),
    }
}

fn unknown_handler(vm: &mut Vm, errors: &str) -> crate::vm::PyErr {
    vm.new_exception(exceptions::lookup_error(), format!("unknown error handler name '{errors}'"))
}

/// `str.encode(encoding, errors)`.
pub fn encode_text(vm: &mut Vm, text: &str, encoding: &str, errors: &str) -> PyResult<Vec<u8>> {
    let codec = lookup_codec(vm, encoding)?;
    let limit: u32 = match codec {
        Codec::Utf8 => return Ok(text.as_bytes().to_vec()),
        Codec::Ascii => 0x80,
        Codec::Latin1 => 0x100,
    };
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i] as u32;
        if c < limit {
            out.push(c as u8);
            i += 1;
            continue;
        }
        let mut end = i + 1;
        while end < chars.len() && chars[end] as u32 >= limit {
            end += 1;
        }
        match errors {
            "strict" => {
                let msg = if end == i + 1 {
                    let esc = if c <= 0xff {
                        format!("\\x{c:02x}")
                    } else if c <= 0xffff {
                        format!("\\u{c:04x}")
                    } else {
                        format!("\\U{c:08x}")
                    };
                    format!("'{}' codec can't encode character '{esc}' in position {i}: ordinal not in range({limit})", codec.name())
                } else {
                    format!(
                        "'{}' codec can't encode characters in position {i}-{}: ordinal not in range({limit})",
                        codec.name(),
                        end - 1
                    )
                };
                return Err(vm.new_exception(exceptions::unicode_encode_error(), msg));
            }
            "ignore" => {}
            "replace" => out.extend(std::iter::repeat(b'?').take(end - i)),
            "backslashreplace" => {
                for &ch in &chars[i..end] {
                    let n = ch as u32;
                    let esc = if n <= 0xff {
                        format!("\\x{n:02x}")
                    } else if n <= 0xffff {
                        format!("\\u{n:04x}")
                    } else {
                        format!("\\U{n:08x}")
                    };
                    out.extend_from_slice(esc.as_bytes());
                }
            }
            "xmlcharrefreplace" => {
                for &ch in &chars[i..end] {
                    out.extend_from_slice(format!("&#{};", ch as u32).as_bytes());
                }
            }
            _ => return Err(unknown_handler(vm, errors)),
        }
        i = end;
    }
    Ok(out)
}

fn decode_error(vm: &mut Vm, codec: Codec, b: &[u8], start: usize, end: usize, reason: &str) -> crate::vm::PyErr {
    let msg = if end == start + 1 {
        format!("'{}' codec can't decode byte 0x{:02x} in position {start}: {reason}", codec.name(), b[start])
    } else {
        format!("'{}' codec can't decode bytes in position {start}-{}: {reason}", codec.name(), end - 1)
    };
    vm.new_exception(exceptions::unicode_decode_error(), msg)
}

/// Apply an error handler to the undecodable bytes `bad`.
fn handle_bad(vm: &mut Vm, errors: &str, out: &mut String, bad: &[u8]) -> PyResult<bool> {
    match errors {
        "ignore" => {}
        "replace" => out.push('\u{FFFD}'),
        "backslashreplace" => {
            for &x in bad {
                out.push_str(&format!("\\x{x:02x}"));
            }
        }
        "strict" => return Ok(false),
        _ => return Err(unknown_handler(vm, errors)),
    }
    Ok(true)
}

/// Decode bytes to text with CPython's messages.
pub fn decode_bytes(vm: &mut Vm, b: &[u8], encoding: &str, errors: &str) -> PyResult<String> {
    let codec = lookup_codec(vm, encoding)?;
    match codec {
        Codec::Latin1 => Ok(b.iter().map(|&x| x as char).collect()),
        Codec::Ascii => {
            let mut out = String::with_capacity(b.len());
            for (i, &x) in b.iter().enumerate() {
                if x < 0x80 {
                    out.push(x as char);
                } else if !handle_bad(vm, errors, &mut out, &[x])? {
                    return Err(decode_error(vm, codec, b, i, i + 1, "ordinal not in range(128)"));
                }
            }
            Ok(out)
        }
        Codec::Utf8 => {
            let mut out = String::with_capacity(b.len());
            let mut pos = 0;
            loop {
                match std::str::from_utf8(&b[pos..]) {
                    Ok(s) => {
                        out.push_str(s);
                        return Ok(out);
                    }
                    Err(e) => {
                        let good = e.valid_up_to();
                        out.push_str(std::str::from_utf8(&b[pos..pos + good]).unwrap_or(""));
                        let start = pos + good;
                        let (end, reason) = match e.error_len() {
                            None => (b.len(), "unexpected end of data"),
                            Some(n) => {
                                let first = b[start];
                                let invalid_start = (0x80..0xc2).contains(&first) || first >= 0xf5;
                                (start + n, if invalid_start { "invalid start byte" } else { "invalid continuation byte" })
                            }
                        };
                        if !handle_bad(vm, errors, &mut out, &b[start..end])? {
                            return Err(decode_error(vm, codec, b, start, end, reason));
                        }
                        pos = end;
                        if pos >= b.len() {
                            return Ok(out);
                        }
                    }
                }
            }
        }
    }
}

/// `str(b, encoding, errors)` and `bytes.decode`: decode a bytes-like value.
pub fn decode_value(vm: &mut Vm, v: &Value, encoding: Option<&Value>, errors: Option<&Value>) -> PyResult<Value> {
    let Some(b) = bytes_like(v) else {
        if pystr::is_str(v) {
            return Err(vm.type_error("decoding str is not supported"));
        }
        return Err(vm.type_error(format!("decoding to str: need a bytes-like object, {} found", v.ty().name())));
    };
    let enc = match encoding {
        Some(e) => match pystr::try_str(e) {
            Some(s) => s.to_owned(),
            None => return Err(vm.type_error(format!("str() argument 'encoding' must be str, not {}", e.ty().name()))),
        },
        None => "utf-8".to_owned(),
    };
    let err = match errors {
        Some(e) => match pystr::try_str(e) {
            Some(s) => s.to_owned(),
            None => return Err(vm.type_error(format!("str() argument 'errors' must be str, not {}", e.ty().name()))),
        },
        None => "strict".to_owned(),
    };
    Ok(pystr::from_string(decode_bytes(vm, &b, &enc, &err)?))
}

// ----- construction ----------------------------------------------------------------------

/// The bytes of `bytes(x)` / `bytearray(x)` for the one-argument forms.
fn bytes_from_object(vm: &mut Vm, x: &Value) -> PyResult<Vec<u8>> {
    if let Some(b) = bytes_like(x) {
        return Ok(b);
    }
    if pystr::is_str(x) {
        return Err(vm.type_error("string argument without an encoding"));
    }
    if crate::protocols::number::has_index(x) {
        let n = crate::objects::list_methods::ssize_arg(vm, x)?;
        if n < 0 {
            return Err(vm.value_error("negative count"));
        }
        if n as u64 > (1u64 << 40) {
            return Err(vm.memory_error());
        }
        return Ok(vec![0; n as usize]);
    }
    let it = match crate::protocols::iter::get_iter(vm, x) {
        Ok(it) => it,
        Err(e) if e.matches(exceptions::type_error()) => {
            return Err(vm.type_error(format!("cannot convert '{}' object to bytes", x.ty().name())));
        }
        Err(e) => return Err(e),
    };
    let mut out = Vec::new();
    while let Some(item) = crate::protocols::iter::next(vm, &it)? {
        out.push(byte_value(vm, &item, "bytes must be in range(0, 256)")?);
    }
    Ok(out)
}

/// An int in range(256) (`__index__`), else ValueError `msg`.
fn byte_value(vm: &mut Vm, v: &Value, msg: &str) -> PyResult<u8> {
    let iv = crate::protocols::number::index(vm, v)?;
    match crate::objects::int::as_int(&iv).and_then(|r| r.to_i64()) {
        Some(n) if (0..256).contains(&n) => Ok(n as u8),
        _ => Err(vm.value_error(msg)),
    }
}

fn construct(vm: &mut Vm, args: &[Value], kwnames: Option<&Value>, fname: &str) -> PyResult<Vec<u8>> {
    let a = crate::protocols::args::parse_n(vm, fname, args, kwnames, &["source", "encoding", "errors"], 0)?;
    match (&a[0], &a[1], &a[2]) {
        (None, None, None) => Ok(Vec::new()),
        (Some(s), enc, errs) if enc.is_some() || errs.is_some() => {
            let Some(text) = pystr::try_str(s) else {
                return Err(vm.type_error(if enc.is_some() { "encoding without a string argument" } else { "errors without a string argument" }));
            };
            let text = text.to_owned();
            let e = enc.as_ref().and_then(pystr::try_str).unwrap_or("utf-8").to_owned();
            let r = errs.as_ref().and_then(pystr::try_str).unwrap_or("strict").to_owned();
            encode_text(vm, &text, &e, &r)
        }
        (Some(s), _, _) => {
            if fname == "bytes" {
                if let Some(m) = s.ty().lookup_str(vm, "__bytes__") {
                    let r = crate::protocols::call::call_method_value(vm, &m, s, &[])?;
                    return match as_bytes(&r) {
                        Some(b) => Ok(b.to_vec()),
                        None => Err(vm.type_error(format!("__bytes__ returned non-bytes (type {})", r.ty().name()))),
                    };
                }
            }
            bytes_from_object(vm, s)
        }
        (None, _, _) => Err(vm.type_error(if a[1].is_some() { "encoding without a string argument" } else { "errors without a string argument" })),
    }
}

fn bytes_new(vm: &mut Vm, cls: &Value, args: &[Value], kwnames: Option<&Value>) -> PyResult<Value> {
    let b = construct(vm, args, kwnames, "bytes")?;
    // SAFETY: `new` is only called with a type object.
    let ty = unsafe { cls.as_type_unchecked() };
    Ok(alloc_object(ty, BytesData { bytes: b.into_boxed_slice(), hash: Cell::new(-1) }))
}

fn bytearray_new(_vm: &mut Vm, cls: &Value, _args: &[Value], _kw: Option<&Value>) -> PyResult<Value> {
    // SAFETY: `new` is only called with a type object.
    let ty = unsafe { cls.as_type_unchecked() };
    Ok(alloc_object(ty, ByteArrayData { data: UnsafeCell::new(Vec::new()) }))
}

fn bytearray_init(vm: &mut Vm, this: &Value, args: &[Value], kwnames: Option<&Value>) -> PyResult<()> {
    let b = construct(vm, args, kwnames, "bytearray")?;
    if let Some(d) = this.downcast::<ByteArrayData>() {
        *d.vec() = b;
    }
    Ok(())
}

// ----- slots -----------------------------------------------------------------------------

fn content(v: &Value) -> Vec<u8> {
    bytes_like(v).unwrap_or_default()
}

fn bytes_repr(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let ba = is_bytearray(v);
    let r = repr_bytes_with(&content(v), ba);
    if ba {
        Ok(pystr::from_string(format!("{}({r})", v.ty().name())))
    } else {
        Ok(pystr::from_string(r))
    }
}

fn bytes_hash(_vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let d = v.downcast::<BytesData>().expect("bytes");
    let h = d.hash.get();
    if h != -1 {
        return Ok(h);
    }
    let h = hash_bytes(&d.bytes);
    d.hash.set(h);
    Ok(h)
}

fn bytes_len(_vm: &mut Vm, v: &Value) -> PyResult<usize> {
    Ok(match v.downcast::<BytesData>() {
        Some(b) => b.bytes.len(),
        None => v.downcast::<ByteArrayData>().map(|d| d.vec().len()).unwrap_or(0),
    })
}

fn bytes_richcompare(_vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
    let (Some(x), Some(y)) = (bytes_like(a), bytes_like(b)) else { return Ok(none::not_implemented()) };
    Ok(none::bool_value(op.test(x.cmp(&y))))
}

fn bytes_getitem(vm: &mut Vm, v: &Value, index: &Value) -> PyResult<Value> {
    let b = content(v);
    if let Some(slice) = index.downcast::<crate::objects::slice::SliceData>() {
        let (start, _, step, n) = slice.indices_len(vm, b.len())?;
        let mut out = Vec::with_capacity(n);
        let mut i = start;
        for _ in 0..n {
            if let Some(&x) = usize::try_from(i).ok().and_then(|u| b.get(u)) {
                out.push(x);
            }
            i += step;
        }
        return Ok(same_kind(v, out));
    }
    if !crate::protocols::number::has_index(index) {
        let what = if is_bytearray(v) { "bytearray" } else { "byte" };
        return Err(vm.type_error(format!("{what} indices must be integers or slices, not {}", index.ty().name())));
    }
    let i = crate::objects::int::index_to_isize(vm, index)?;
    let n = b.len() as isize;
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        let what = if is_bytearray(v) { "bytearray index out of range" } else { "index out of range" };
        return Err(vm.index_error(what));
    }
    Ok(Value::int(b[j as usize] as i64))
}

fn bytearray_setitem(vm: &mut Vm, v: &Value, index: &Value, value: Option<&Value>) -> PyResult<()> {
    if index.downcast::<crate::objects::slice::SliceData>().is_some() {
        return Err(vm.type_error("bytearray slice assignment is not supported"));
    }
    let i = crate::objects::int::index_to_isize(vm, index)?;
    let byte = match value {
        Some(x) => Some(byte_value(vm, x, "byte must be in range(0, 256)")?),
        None => None,
    };
    let d = v.downcast::<ByteArrayData>().expect("bytearray");
    let n = d.vec().len() as isize;
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(vm.index_error(if value.is_some() { "bytearray index out of range" } else { "bytearray index out of range" }));
    }
    match byte {
        Some(x) => d.vec()[j as usize] = x,
        None => {
            d.vec().remove(j as usize);
        }
    }
    Ok(())
}

fn bytes_contains(vm: &mut Vm, v: &Value, x: &Value) -> PyResult<bool> {
    let hay = content(v);
    if let Some(needle) = bytes_like(x) {
        return Ok(find_sub(&hay, &needle, false).is_some());
    }
    if crate::protocols::number::has_index(x) {
        let b = byte_value(vm, x, "byte must be in range(0, 256)")?;
        return Ok(hay.contains(&b));
    }
    Err(vm.type_error(format!("a bytes-like object is required, not '{}'", x.ty().name())))
}

fn bytes_add(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    match (bytes_like(a), bytes_like(b)) {
        (Some(mut x), Some(y)) => {
            x.extend_from_slice(&y);
            Ok(same_kind(a, x))
        }
        (Some(_), None) => Err(vm.type_error(format!("can't concat {} to {}", b.ty().name(), a.ty().name()))),
        _ => Ok(none::not_implemented()),
    }
}

fn bytes_mul(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    let (seq, n) = match (bytes_like(a), bytes_like(b)) {
        (Some(s), None) => ((a, s), b),
        (None, Some(s)) => ((b, s), a),
        _ => return Ok(none::not_implemented()),
    };
    if !crate::protocols::number::has_index(n) {
        return Ok(none::not_implemented());
    }
    let count = crate::objects::int::repeat_count(vm, n)?;
    if count <= 0 {
        return Ok(same_kind(seq.0, Vec::new()));
    }
    if (seq.1.len() as u128) * (count as u128) > (1u128 << 40) {
        return Err(vm.memory_error());
    }
    Ok(same_kind(seq.0, seq.1.repeat(count as usize)))
}

fn bytearray_iadd(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    let Some(d) = a.downcast::<ByteArrayData>() else { return Ok(none::not_implemented()) };
    match bytes_like(b) {
        Some(y) => {
            d.vec().extend_from_slice(&y);
            Ok(a.clone())
        }
        None => Err(vm.type_error(format!("can't concat {} to bytearray", b.ty().name()))),
    }
}

// ----- iterator --------------------------------------------------------------------------

pub struct BytesIterData {
    seq: ValueCell,
    index: Cell<usize>,
}

impl Payload for BytesIterData {
    fn class() -> &'static PyType {
        &BYTES_ITER_TYPE
    }
}

pub static BYTES_ITER_TYPE: StaticType = StaticType::new(
    "bytes_iterator",
    Some(&crate::objects::object::OBJECT_TYPE),
    0,
    std::mem::size_of::<PyObj<BytesIterData>>(),
    dealloc_payload::<BytesIterData>,
    &[],
    &[],
);

pub static BYTEARRAY_ITER_TYPE: StaticType = StaticType::new(
    "bytearray_iterator",
    Some(&crate::objects::object::OBJECT_TYPE),
    0,
    std::mem::size_of::<PyObj<BytesIterData>>(),
    dealloc_payload::<BytesIterData>,
    &[],
    &[],
);

fn bytes_iter(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let ty: &PyType = if is_bytearray(v) { &BYTEARRAY_ITER_TYPE } else { &BYTES_ITER_TYPE };
    Ok(alloc_object(ty, BytesIterData { seq: ValueCell::new(Some(v.clone())), index: Cell::new(0) }))
}

fn bytes_iter_next(_vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    // SAFETY: registered on the two bytes iterator types only, both allocated with this payload.
    let d = unsafe { v.payload_unchecked::<BytesIterData>() };
    let Some(seq) = d.seq.get() else { return Ok(None) };
    let i = d.index.get();
    let item = match seq.downcast::<BytesData>() {
        Some(b) => b.bytes.get(i).copied(),
        None => seq.downcast::<ByteArrayData>().and_then(|b| b.vec().get(i).copied()),
    };
    match item {
        Some(x) => {
            d.index.set(i + 1);
            Ok(Some(Value::int(x as i64)))
        }
        None => {
            d.seq.set(None);
            Ok(None)
        }
    }
}

fn self_iter(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(v.clone())
}

// ----- methods ---------------------------------------------------------------------------

fn has_kwargs(kwnames: Option<&Value>) -> bool {
    kwnames.map(|k| !tuple::items(k).is_empty()).unwrap_or(false)
}

fn me(args: &[Value]) -> Vec<u8> {
    content(&args[0])
}

fn rest_args<'a>(vm: &mut Vm, name: &str, args: &'a [Value], kwnames: Option<&Value>, min: usize, max: usize) -> PyResult<&'a [Value]> {
    if has_kwargs(kwnames) {
        return Err(vm.type_error(format!("{name}() takes no keyword arguments")));
    }
    let rest = &args[1..];
    let n = rest.len();
    let s = |k: usize| if k == 1 { "" } else { "s" };
    if n < min {
        return Err(vm.type_error(format!("{name} expected at least {min} argument{}, got {n}", s(min))));
    }
    if n > max {
        return Err(vm.type_error(format!("{name} expected at most {max} argument{}, got {n}", s(max))));
    }
    Ok(rest)
}

fn need_bytes(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    bytes_like(v).ok_or_else(|| vm.type_error(format!("a bytes-like object is required, not '{}'", v.ty().name())))
}

fn find_sub(hay: &[u8], needle: &[u8], right: bool) -> Option<usize> {
    if needle.is_empty() {
        return Some(if right { hay.len() } else { 0 });
    }
    if needle.len() > hay.len() {
        return None;
    }
    let mut positions = 0..=hay.len() - needle.len();
    if right {
        positions.rev().find(|&i| &hay[i..i + needle.len()] == needle)
    } else {
        positions.find(|&i| &hay[i..i + needle.len()] == needle)
    }
}

fn m_decode(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    let names: Vec<Value> = kw.map(|k| tuple::items(k).to_vec()).unwrap_or_default();
    let npos = args.len() - names.len() - 1;
    if npos > 2 {
        return Err(vm.type_error(format!("decode() takes at most 2 arguments ({npos} given)")));
    }
    let mut slots: [Option<Value>; 2] = [args.get(1).filter(|_| npos >= 1).cloned(), args.get(2).filter(|_| npos >= 2).cloned()];
    for (k, v) in names.iter().zip(&args[1 + npos..]) {
        match pystr::try_str(k).unwrap_or("") {
            "encoding" => slots[0] = Some(v.clone()),
            "errors" => slots[1] = Some(v.clone()),
            other => return Err(vm.type_error(format!("'{other}' is an invalid keyword argument for decode()"))),
        }
    }
    let mut s = ["utf-8".to_owned(), "strict".to_owned()];
    for (i, (slot, pname)) in slots.iter().zip(["encoding", "errors"]).enumerate() {
        if let Some(v) = slot {
            match pystr::try_str(v) {
                Some(t) => s[i] = t.to_owned(),
                None => return Err(vm.type_error(format!("decode() argument '{pname}' must be str, not {}", v.ty().name()))),
            }
        }
    }
    let b = me(args);
    Ok(pystr::from_string(decode_bytes(vm, &b, &s[0], &s[1])?))
}

fn m_hex(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    let rest = rest_args(vm, "hex", args, kw, 0, 2)?;
    let b = me(args);
    let sep = match rest.first() {
        Some(v) => match pystr::try_str(v).map(str::to_owned).or_else(|| bytes_like(v).map(|x| String::from_utf8_lossy(&x).into_owned())) {
            Some(s) if s.chars().count() == 1 => Some(s),
            Some(_) => return Err(vm.value_error("sep must be length 1.")),
            None => return Err(vm.type_error("sep must be str or bytes.")),
        },
        None => None,
    };
    let group = match rest.get(1) {
        Some(v) => crate::objects::list_methods::ssize_arg(vm, v)?,
        None => 1,
    };
    let digits: Vec<String> = b.iter().map(|x| format!("{x:02x}")).collect();
    let Some(sep) = sep else { return Ok(pystr::from_string(digits.concat())) };
    if group == 0 || digits.is_empty() {
        return Ok(pystr::from_string(digits.concat()));
    }
    let g = group.unsigned_abs();
    let chunks: Vec<String> = if group > 0 {
        // Groups counted from the right.
        let n = digits.len();
        let first = n % g;
        let mut out = Vec::new();
        if first > 0 {
            out.push(digits[..first].concat());
        }
        let mut i = first;
        while i < n {
            out.push(digits[i..i + g].concat());
            i += g;
        }
        out
    } else {
        digits.chunks(g).map(|c| c.concat()).collect()
    };
    Ok(pystr::from_string(chunks.join(&sep)))
}

fn m_fromhex(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    let rest = rest_args(vm, "fromhex", args, kw, 1, 1)?;
    let Some(s) = pystr::try_str(&rest[0]) else {
        return Err(vm.type_error(format!("fromhex() argument must be str, not {}", rest[0].ty().name())));
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

fn m_join(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    let rest = rest_args(vm, "join", args, kw, 1, 1)?;
    let items = crate::objects::list_methods::sequence_fast(vm, &rest[0], "can only join an iterable")?;
    let sep = me(args);
    let mut out = Vec::new();
    for (i, it) in items.iter().enumerate() {
        let Some(b) = bytes_like(it) else {
            return Err(vm.type_error(format!("sequence item {i}: expected a bytes-like object, {} found", it.ty().name())));
        };
        if i > 0 {
            out.extend_from_slice(&sep);
        }
        out.extend_from_slice(&b);
    }
    Ok(same_kind(&args[0], out))
}

fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

fn m_split(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    let a = crate::protocols::args::parse_n(vm, "split", &args[1..], kw, &["sep", "maxsplit"], 0)?;
    let b = me(args);
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
    let mut parts: Vec<Vec<u8>> = Vec::new();
    match &a[0] {
        Some(s) if !none::is_none(s) => {
            let sep = need_bytes(vm, s)?;
            if sep.is_empty() {
                return Err(vm.value_error("empty separator"));
            }
            let mut start = 0;
            let mut count = 0;
            while count < max {
                match find_sub(&b[start..], &sep, false) {
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
        _ => {
            let n = b.len();
            let mut i = 0;
            let mut m = max;
            while m > 0 {
                m -= 1;
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
            }
            while i < n && is_ascii_space(b[i]) {
                i += 1;
            }
            if i < n {
                parts.push(b[i..].to_vec());
            }
        }
    }
    let this = args[0].clone();
    Ok(crate::objects::list::new_list(parts.into_iter().map(|p| same_kind(&this, p)).collect()))
}

fn strip_impl(vm: &mut Vm, args: &[Value], kw: Option<&Value>, name: &str, left: bool, right: bool) -> PyResult<Value> {
    let rest = rest_args(vm, name, args, kw, 0, 1)?;
    let b = me(args);
    let set: Option<Vec<u8>> = match rest.first() {
        Some(v) if !none::is_none(v) => Some(need_bytes(vm, v)?),
        _ => None,
    };
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

fn m_strip(vm: &mut Vm, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    strip_impl(vm, a, k, "strip", true, true)
}
fn m_lstrip(vm: &mut Vm, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    strip_impl(vm, a, k, "lstrip", true, false)
}
fn m_rstrip(vm: &mut Vm, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    strip_impl(vm, a, k, "rstrip", false, true)
}

/// Window `[start:end]` of `len` bytes (`ADJUST_INDICES`), None if empty-invalid.
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

fn tailmatch(vm: &mut Vm, args: &[Value], kw: Option<&Value>, name: &str, suffix: bool) -> PyResult<Value> {
    if has_kwargs(kw) {
        return Err(vm.type_error(format!("{name}() takes no keyword arguments")));
    }
    let rest = &args[1..];
    if rest.is_empty() || rest.len() > 3 {
        return Err(vm.type_error(format!("{name}() takes at least 1 argument ({} given)", rest.len())));
    }
    let b = me(args);
    let (s, e) = byte_window(vm, &rest[1..], b.len())?;
    let cands: Vec<Vec<u8>> = if let Some(items) = tuple::try_items(&rest[0]) {
        let items = items.to_vec();
        let mut out = Vec::new();
        for it in &items {
            out.push(need_bytes(vm, it)?);
        }
        out
    } else if let Some(x) = bytes_like(&rest[0]) {
        vec![x]
    } else {
        return Err(vm.type_error(format!("{name} first arg must be bytes or a tuple of bytes, not {}", rest[0].ty().name())));
    };
    for c in cands {
        if e - (c.len() as isize) < s {
            continue;
        }
        let hay = &b[s as usize..e as usize];
        if (suffix && hay.ends_with(&c)) || (!suffix && hay.starts_with(&c)) {
            return Ok(none::bool_value(true));
        }
    }
    Ok(none::bool_value(false))
}

fn m_startswith(vm: &mut Vm, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    tailmatch(vm, a, k, "startswith", false)
}
fn m_endswith(vm: &mut Vm, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    tailmatch(vm, a, k, "endswith", true)
}

/// `(sub, window)` of find-like methods; `sub` may be an int byte.
fn find_setup(vm: &mut Vm, args: &[Value], kw: Option<&Value>, name: &str) -> PyResult<(Vec<u8>, Vec<u8>, isize, isize)> {
    if has_kwargs(kw) {
        return Err(vm.type_error(format!("{name}() takes no keyword arguments")));
    }
    let rest = &args[1..];
    if rest.is_empty() || rest.len() > 3 {
        return Err(vm.type_error(format!("{name}() takes at least 1 argument ({} given)", rest.len())));
    }
    let sub = if let Some(x) = bytes_like(&rest[0]) {
        x
    } else if crate::protocols::number::has_index(&rest[0]) {
        vec![byte_value(vm, &rest[0], "byte must be in range(0, 256)")?]
    } else {
        return Err(vm.type_error(format!(
            "argument should be integer or bytes-like object, not '{}'",
            rest[0].ty().name()
        )));
    };
    let b = me(args);
    let (s, e) = byte_window(vm, &rest[1..], b.len())?;
    Ok((b, sub, s, e))
}

fn find_impl(vm: &mut Vm, args: &[Value], kw: Option<&Value>, name: &str, right: bool) -> PyResult<isize> {
    let (b, sub, s, e) = find_setup(vm, args, kw, name)?;
    if e - s < sub.len() as isize || s > b.len() as isize {
        return Ok(-1);
    }
    Ok(find_sub(&b[s as usize..e as usize], &sub, right).map(|p| p as isize + s).unwrap_or(-1))
}

fn m_find(vm: &mut Vm, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    Ok(Value::int(find_impl(vm, a, k, "find", false)? as i64))
}
fn m_rfind(vm: &mut Vm, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    Ok(Value::int(find_impl(vm, a, k, "rfind", true)? as i64))
}
fn m_index(vm: &mut Vm, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    match find_impl(vm, a, k, "index", false)? {
        -1 => Err(vm.value_error("subsection not found")),
        i => Ok(Value::int(i as i64)),
    }
}
fn m_rindex(vm: &mut Vm, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    match find_impl(vm, a, k, "rindex", true)? {
        -1 => Err(vm.value_error("subsection not found")),
        i => Ok(Value::int(i as i64)),
    }
}

fn m_count(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    let (b, sub, s, e) = find_setup(vm, args, kw, "count")?;
    if e - s < sub.len() as isize || s > b.len() as isize {
        return Ok(Value::int(0));
    }
    let hay = &b[s as usize..e as usize];
    if sub.is_empty() {
        return Ok(Value::int(hay.len() as i64 + 1));
    }
    let mut n = 0;
    let mut i = 0;
    while let Some(p) = find_sub(&hay[i..], &sub, false) {
        n += 1;
        i += p + sub.len();
    }
    Ok(Value::int(n))
}

fn m_replace(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    let rest = rest_args(vm, "replace", args, kw, 2, 3)?;
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
        for (i, &x) in b.iter().enumerate() {
            if left > 0 {
                out.extend_from_slice(&new);
                left -= 1;
            }
            out.push(x);
            let _ = i;
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

fn m_upper(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    rest_args(vm, "upper", args, kw, 0, 0)?;
    Ok(same_kind(&args[0], me(args).to_ascii_uppercase()))
}

fn m_lower(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    rest_args(vm, "lower", args, kw, 0, 0)?;
    Ok(same_kind(&args[0], me(args).to_ascii_lowercase()))
}

fn m_getnewargs(_vm: &mut Vm, args: &[Value], _kw: Option<&Value>) -> PyResult<Value> {
    Ok(tuple::new_tuple(vec![new_bytes(me(args))]))
}

fn ba(args: &[Value]) -> &ByteArrayData {
    args[0].downcast::<ByteArrayData>().expect("bytearray method on a bytearray")
}

fn m_append(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    if has_kwargs(kw) || args.len() != 2 {
        return Err(vm.type_error(format!("bytearray.append() takes exactly one argument ({} given)", args.len().saturating_sub(1))));
    }
    let x = byte_value(vm, &args[1], "byte must be in range(0, 256)")?;
    ba(args).vec().push(x);
    Ok(none::none())
}

fn m_extend(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    if has_kwargs(kw) || args.len() != 2 {
        return Err(vm.type_error(format!("bytearray.extend() takes exactly one argument ({} given)", args.len().saturating_sub(1))));
    }
    let src = &args[1];
    let add = if let Some(b) = bytes_like(src) {
        b
    } else {
        let it = match crate::protocols::iter::get_iter(vm, src) {
            Ok(it) => it,
            Err(e) if e.matches(exceptions::type_error()) => {
                return Err(vm.type_error(format!("can't extend bytearray with {}", src.ty().name())));
            }
            Err(e) => return Err(e),
        };
        let mut out = Vec::new();
        while let Some(x) = crate::protocols::iter::next(vm, &it)? {
            out.push(byte_value(vm, &x, "byte must be in range(0, 256)")?);
        }
        out
    };
    ba(args).vec().extend_from_slice(&add);
    Ok(none::none())
}

fn m_pop(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    let rest = rest_args(vm, "pop", args, kw, 0, 1)?;
    let i = match rest.first() {
        Some(v) => crate::objects::list_methods::ssize_arg(vm, v)?,
        None => -1,
    };
    let v = ba(args).vec();
    if v.is_empty() {
        return Err(vm.index_error("pop from empty bytearray"));
    }
    let n = v.len() as isize;
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(vm.index_error("pop index out of range"));
    }
    Ok(Value::int(v.remove(j as usize) as i64))
}

fn m_copy(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    rest_args(vm, "copy", args, kw, 0, 0)?;
    Ok(new_bytearray(me(args)))
}

fn m_clear(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    rest_args(vm, "clear", args, kw, 0, 0)?;
    ba(args).vec().clear();
    Ok(none::none())
}

macro_rules! m {
    ($name:expr, $f:expr) => {
        MethodDef { name: $name, func: $f, kind: MethodKind::Instance, doc: "" }
    };
}

pub static BYTES_METHODS: &[MethodDef] = &[
    m!("decode", m_decode),
    m!("hex", m_hex),
    MethodDef { name: "fromhex", func: m_fromhex, kind: MethodKind::Class, doc: "Create a bytes object from a string of hexadecimal numbers." },
    m!("join", m_join),
    m!("split", m_split),
    m!("strip", m_strip),
    m!("lstrip", m_lstrip),
    m!("rstrip", m_rstrip),
    m!("startswith", m_startswith),
    m!("endswith", m_endswith),
    m!("find", m_find),
    m!("rfind", m_rfind),
    m!("index", m_index),
    m!("rindex", m_rindex),
    m!("count", m_count),
    m!("replace", m_replace),
    m!("upper", m_upper),
    m!("lower", m_lower),
    m!("__getnewargs__", m_getnewargs),
];

pub static BYTEARRAY_METHODS: &[MethodDef] = &[
    m!("decode", m_decode),
    m!("hex", m_hex),
    MethodDef { name: "fromhex", func: m_fromhex, kind: MethodKind::Class, doc: "Create a bytearray object from a string of hexadecimal numbers." },
    m!("join", m_join),
    m!("split", m_split),
    m!("strip", m_strip),
    m!("lstrip", m_lstrip),
    m!("rstrip", m_rstrip),
    m!("startswith", m_startswith),
    m!("endswith", m_endswith),
    m!("find", m_find),
    m!("rfind", m_rfind),
    m!("index", m_index),
    m!("rindex", m_rindex),
    m!("count", m_count),
    m!("replace", m_replace),
    m!("upper", m_upper),
    m!("lower", m_lower),
    m!("append", m_append),
    m!("extend", m_extend),
    m!("pop", m_pop),
    m!("copy", m_copy),
    m!("clear", m_clear),
];

pub(crate) fn init_type() {
    for t in [&BYTES_TYPE, &BYTEARRAY_TYPE] {
        let s = &t.slots;
        s.repr.set(Some(bytes_repr));
        s.len.set(Some(bytes_len));
        s.richcompare.set(Some(bytes_richcompare));
        s.getitem.set(Some(bytes_getitem));
        s.contains.set(Some(bytes_contains));
        s.iter.set(Some(bytes_iter));
        s.nb[binop::ADD as usize].set(Some(bytes_add));
        s.nb[binop::MULTIPLY as usize].set(Some(bytes_mul));
    }
    let s = &BYTES_TYPE.slots;
    s.hash.set(Some(bytes_hash));
    s.new.set(Some(bytes_new));
    let s = &BYTEARRAY_TYPE.slots;
    s.hash.set(Some(crate::objects::object::hash_not_implemented));
    s.new.set(Some(bytearray_new));
    s.init.set(Some(bytearray_init));
    s.setitem.set(Some(bytearray_setitem));
    s.nb_inplace[binop::ADD as usize].set(Some(bytearray_iadd));
    for t in [&BYTES_ITER_TYPE, &BYTEARRAY_ITER_TYPE] {
        t.slots.iter.set(Some(self_iter));
        t.slots.iternext.set(Some(bytes_iter_next));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repr_quoting() {
        assert_eq!(repr_bytes(b"\x00\x01ab\x7f\x80'\\"), "b\"\\x00\\x01ab\\x7f\\x80'\\\\\"");
        assert_eq!(repr_bytes(b"'\""), "b'\\'\"'");
    }

    #[test]
    fn hash_matches_cpython_seed_zero() {
        assert_eq!(hash_bytes(b""), 0);
        // PYTHONHASHSEED=0 python3.12 -c 'print(hash(b"abc"))'
        assert_eq!(hash_bytes(b"abc"), -4594863902769663758);
    }
}

/// The bytes-family static types (for `objects::all_static_types`).
pub fn static_types() -> Vec<&'static StaticType> {
    vec![&BYTES_TYPE, &BYTEARRAY_TYPE, &BYTES_ITER_TYPE, &BYTEARRAY_ITER_TYPE]
}

/// The bytes-family types exposed in `builtins`.
pub fn builtin_types() -> Vec<&'static StaticType> {
    vec![&BYTES_TYPE, &BYTEARRAY_TYPE]
}

/// Is `v` a bytes or bytearray (or subclass) instance?
pub fn is_bytes_like(v: &Value) -> bool {
    v.downcast::<BytesData>().is_some() || v.downcast::<ByteArrayData>().is_some()
}

/// The contents of a bytes-like value (a copy), if it is one.
pub fn bytes_like_contents(v: &Value) -> Option<Vec<u8>> {
    bytes_like(v)
}
