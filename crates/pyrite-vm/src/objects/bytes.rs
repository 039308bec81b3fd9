//! `bytes` and `bytearray`: the types, construction, slots, buffer export and iterators, and the utf-8/ascii/latin-1 codecs (CPython: `Objects/bytesobject.c`, `Objects/bytearrayobject.c`, the codec parts of `Objects/unicodeobject.c`).
//!
//! The methods the two types share live in `bytes_methods.rs`, bytearray's mutating ones in
//! `bytearray.rs`, `%`-formatting in `bytes_format.rs`.
//!
//! A bytearray's storage is only reachable through scoped accessors ([`ByteArrayData::with_vec`],
//! [`ByteArrayData::with_slice_mut`], [`ByteArrayData::with_vec_mut`]) whose closures get no
//! `Vm` and so cannot run Python code; the one that may change the length refuses (BufferError)
//! while a buffer export is alive, so exported memory never moves.

use std::cell::{Cell, RefCell};

use crate::object::{alloc_object, dealloc_payload, Payload, PyObj, Value};
use crate::objects::iter::ValueCell;
use crate::objects::{exceptions, none, str as pystr};
use crate::protocols::buffer::{self, BufferProcs, PyBuffer};
use crate::typeobj::{flags, CompareOp, PyType, StaticType, SlotDefs, nb_slots};
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
    data: RefCell<Vec<u8>>,
    /// Live buffer exports (`ob_exports`): while non-zero the length may not change.
    exports: Cell<usize>,
}

impl Payload for ByteArrayData {
    fn class() -> &'static PyType {
        &BYTEARRAY_TYPE
    }
}

impl ByteArrayData {
    pub fn new(v: Vec<u8>) -> ByteArrayData {
        ByteArrayData { data: RefCell::new(v), exports: Cell::new(0) }
    }

    /// Read the bytes. `f` gets no `Vm`, so no Python code runs while the borrow lives.
    pub fn with_vec<R>(&self, f: impl FnOnce(&[u8]) -> R) -> R {
        f(&self.data.borrow())
    }

    /// Write the bytes in place (the length cannot change, so exports stay valid).
    pub fn with_slice_mut<R>(&self, f: impl FnOnce(&mut [u8]) -> R) -> R {
        f(&mut self.data.borrow_mut())
    }

    /// Change the contents to `new_len` bytes with `f` (`PyByteArray_Resize` + edit): refused
    /// with CPython's BufferError when the length would change while exports are alive.
    pub fn with_vec_mut<R>(&self, vm: &mut Vm, new_len: usize, f: impl FnOnce(&mut Vec<u8>) -> R) -> PyResult<R> {
        let mut v = self.data.borrow_mut();
        if new_len != v.len() && self.exports.get() > 0 {
            return Err(buffer::resize_error(vm));
        }
        let before = v.as_ptr();
        let r = f(&mut v);
        debug_assert_eq!(v.len(), new_len, "with_vec_mut: length differs from the announced one");
        // Exported memory must not move: same-length edits never reallocate.
        assert!(self.exports.get() == 0 || v.as_ptr() == before, "exported bytearray memory moved");
        Ok(r)
    }

    pub fn len(&self) -> usize {
        self.data.borrow().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// A copy of the bytes.
    pub fn to_vec(&self) -> Vec<u8> {
        self.data.borrow().clone()
    }

    /// The number of live buffer exports.
    pub fn exports(&self) -> usize {
        self.exports.get()
    }
}

pub static BYTES_TYPE: StaticType = StaticType::new(
    "bytes",
    Some(&crate::objects::object::OBJECT_TYPE),
    flags::BASETYPE | flags::BYTES_SUBCLASS | flags::IMMUTABLE,
    std::mem::size_of::<PyObj<BytesData>>(),
    dealloc_payload::<BytesData>,
    crate::objects::bytes_methods::BYTES_METHODS,
    &[],
)
.with_slots(SlotDefs {
    repr: Some(bytes_repr),
    hash: Some(bytes_hash),
    richcompare: Some(bytes_richcompare),
    iter: Some(bytes_iter),
    new: Some(bytes_new),
    nb: nb_slots(&[(binop::ADD, bytes_add), (binop::MULTIPLY, bytes_mul), (binop::REMAINDER, bytes_mod)]),
    len: Some(bytes_len),
    getitem: Some(bytes_getitem),
    contains: Some(bytes_contains),
    buffer: Some(&BYTES_BUFFER),
    ..SlotDefs::EMPTY
});

pub static BYTEARRAY_TYPE: StaticType = StaticType::new(
    "bytearray",
    Some(&crate::objects::object::OBJECT_TYPE),
    flags::BASETYPE,
    std::mem::size_of::<PyObj<ByteArrayData>>(),
    dealloc_payload::<ByteArrayData>,
    crate::objects::bytearray::BYTEARRAY_METHODS,
    &[],
)
.with_slots(SlotDefs {
    repr: Some(bytes_repr),
    hash: Some(crate::objects::object::hash_not_implemented),
    richcompare: Some(bytes_richcompare),
    iter: Some(bytes_iter),
    new: Some(bytearray_new),
    init: Some(bytearray_init),
    nb: nb_slots(&[(binop::ADD, bytes_add), (binop::MULTIPLY, bytes_mul), (binop::REMAINDER, bytes_mod)]),
    nb_inplace: nb_slots(&[(binop::ADD, crate::objects::bytearray::bytearray_iadd), (binop::MULTIPLY, crate::objects::bytearray::bytearray_imul)]),
    len: Some(bytes_len),
    getitem: Some(bytes_getitem),
    setitem: Some(crate::objects::bytearray::bytearray_setitem),
    contains: Some(bytes_contains),
    buffer: Some(&BYTEARRAY_BUFFER),
    ..SlotDefs::EMPTY
});

pub fn new_bytes(b: Vec<u8>) -> Value {
    alloc_object(&BYTES_TYPE, BytesData { bytes: b.into_boxed_slice(), hash: Cell::new(-1) })
}

pub fn new_bytearray(b: Vec<u8>) -> Value {
    alloc_object(&BYTEARRAY_TYPE, ByteArrayData::new(b))
}

/// The contents of a bytes or bytearray value (a copy). Other buffer exporters (memoryview)
/// need [`buffer::bytes_of`], which can fail.
pub fn bytes_like(v: &Value) -> Option<Vec<u8>> {
    if let Some(b) = v.downcast::<BytesData>() {
        return Some(b.bytes.to_vec());
    }
    v.downcast::<ByteArrayData>().map(|b| b.to_vec())
}

/// Borrow a bytes value's contents.
pub fn as_bytes(v: &Value) -> Option<&[u8]> {
    v.downcast::<BytesData>().map(|b| &*b.bytes)
}

pub(crate) fn is_bytearray(v: &Value) -> bool {
    v.downcast::<ByteArrayData>().is_some()
}

/// A result of the same kind (bytes or bytearray) as `like`.
pub(crate) fn same_kind(like: &Value, b: Vec<u8>) -> Value {
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

// ----- buffer export ---------------------------------------------------------------------

fn bytes_getbuffer(vm: &mut Vm, v: &Value, req: u32) -> PyResult<PyBuffer> {
    let d = v.downcast::<BytesData>().expect("bytes");
    // Read-only: the pointer is never written through (fill_info refuses WRITABLE requests).
    PyBuffer::fill_info(vm, v, d.bytes.as_ptr() as *mut u8, d.bytes.len(), true, req)
}

fn bytearray_getbuffer(vm: &mut Vm, v: &Value, req: u32) -> PyResult<PyBuffer> {
    let d = v.downcast::<ByteArrayData>().expect("bytearray");
    let (ptr, len) = {
        let mut vec = d.data.borrow_mut();
        (vec.as_mut_ptr(), vec.len())
    };
    let b = PyBuffer::fill_info(vm, v, ptr, len, false, req)?;
    d.exports.set(d.exports.get() + 1);
    Ok(b)
}

fn bytearray_releasebuffer(v: &Value) {
    if let Some(d) = v.downcast::<ByteArrayData>() {
        d.exports.set(d.exports.get() - 1);
    }
}

static BYTES_BUFFER: BufferProcs = BufferProcs { get: bytes_getbuffer, release: None };
static BYTEARRAY_BUFFER: BufferProcs = BufferProcs { get: bytearray_getbuffer, release: Some(bytearray_releasebuffer) };

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

/// `\xNN`, `\uNNNN` or `\UNNNNNNNN` for code point `n` (the `backslashreplace` handler, and
/// error messages).
fn escape_code_point(n: u32) -> String {
    if n <= 0xff {
        format!("\\x{n:02x}")
    } else if n <= 0xffff {
        format!("\\u{n:04x}")
    } else {
        format!("\\U{n:08x}")
    }
}

/// `str.encode(encoding, errors)` of the str `v`, lone surrogates included.
pub fn encode_str(vm: &mut Vm, v: &Value, encoding: &str, errors: &str) -> PyResult<Vec<u8>> {
    let codec = lookup_codec(vm, encoding)?;
    let d = pystr::str_data(v).expect("str");
    let (limit, reason): (u32, String) = match codec {
        Codec::Utf8 if !d.has_surrogates() => return Ok(d.as_bytes().to_vec()),
        Codec::Utf8 => (0xd800, "surrogates not allowed".into()),
        Codec::Ascii => (0x80, "ordinal not in range(128)".into()),
        Codec::Latin1 => (0x100, "ordinal not in range(256)".into()),
    };
    // What cannot be encoded: code points from `limit` on, or for UTF-8 the surrogates.
    let bad = |c: u32| if codec == Codec::Utf8 { (0xd800..0xe000).contains(&c) } else { c >= limit };
    let cps: Vec<u32> = d.code_points().collect();
    let mut out = Vec::with_capacity(cps.len());
    let mut i = 0;
    while i < cps.len() {
        let c = cps[i];
        if !bad(c) {
            match codec {
                Codec::Utf8 => crate::objects::str_wtf8::push_code_point(&mut out, c),
                _ => out.push(c as u8),
            }
            i += 1;
            continue;
        }
        let mut end = i + 1;
        while end < cps.len() && bad(cps[end]) {
            end += 1;
        }
        let run = &cps[i..end];
        let handled = match errors {
            "ignore" => true,
            "replace" => {
                out.extend(std::iter::repeat_n(b'?', run.len()));
                true
            }
            "backslashreplace" => {
                run.iter().for_each(|&n| out.extend_from_slice(escape_code_point(n).as_bytes()));
                true
            }
            "xmlcharrefreplace" => {
                run.iter().for_each(|&n| out.extend_from_slice(format!("&#{n};").as_bytes()));
                true
            }
            // Bytes smuggled through `str` by the decoder come back as they were.
            "surrogateescape" if run.iter().all(|n| (0xdc80..0xdd00).contains(n)) => {
                out.extend(run.iter().map(|&n| (n - 0xdc00) as u8));
                true
            }
            "surrogatepass" if codec == Codec::Utf8 => {
                run.iter().for_each(|&n| crate::objects::str_wtf8::push_code_point(&mut out, n));
                true
            }
            "strict" | "surrogateescape" | "surrogatepass" => false,
            _ => return Err(unknown_handler(vm, errors)),
        };
        if !handled {
            // The error names the whole run of unencodable code points.
            let msg = if end == i + 1 {
                format!("'{}' codec can't encode character '{}' in position {i}: {reason}", codec.name(), escape_code_point(c))
            } else {
                format!("'{}' codec can't encode characters in position {i}-{}: {reason}", codec.name(), end - 1)
            };
            return Err(vm.new_exception(exceptions::unicode_encode_error(), msg));
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

/// Apply an error handler to the undecodable bytes `bad`, writing generalized UTF-8 to `out`;
/// `false` for `strict` (the caller raises).
fn handle_bad(vm: &mut Vm, errors: &str, out: &mut Vec<u8>, bad: &[u8]) -> PyResult<bool> {
    match errors {
        "ignore" => {}
        "replace" => out.extend_from_slice("\u{FFFD}".as_bytes()),
        "backslashreplace" => {
            for &x in bad {
                out.extend_from_slice(format!("\\x{x:02x}").as_bytes());
            }
        }
        // Each byte becomes the lone surrogate U+DC80..U+DCFF that `encode` turns back into it.
        "surrogateescape" if bad.iter().all(|&x| x >= 0x80) => {
            bad.iter().for_each(|&x| crate::objects::str_wtf8::push_code_point(out, 0xdc00 + x as u32));
        }
        "strict" | "surrogateescape" | "surrogatepass" => return Ok(false),
        _ => return Err(unknown_handler(vm, errors)),
    }
    Ok(true)
}

/// Decode bytes to a str with CPython's messages and error handlers.
pub fn decode_to_str(vm: &mut Vm, b: &[u8], encoding: &str, errors: &str) -> PyResult<Value> {
    let codec = lookup_codec(vm, encoding)?;
    if codec == Codec::Latin1 || b.is_ascii() {
        return Ok(pystr::from_code_points(b.iter().map(|&x| x as u32)));
    }
    let mut out = Vec::with_capacity(b.len());
    match codec {
        Codec::Latin1 => unreachable!("decoded above"),
        Codec::Ascii => {
            for (i, &x) in b.iter().enumerate() {
                if x < 0x80 {
                    out.push(x);
                } else if !handle_bad(vm, errors, &mut out, &[x])? {
                    return Err(decode_error(vm, codec, b, i, i + 1, "ordinal not in range(128)"));
                }
            }
        }
        Codec::Utf8 => {
            let mut pos = 0;
            while pos < b.len() {
                let e = match std::str::from_utf8(&b[pos..]) {
                    Ok(_) => {
                        out.extend_from_slice(&b[pos..]);
                        break;
                    }
                    Err(e) => e,
                };
                let start = pos + e.valid_up_to();
                out.extend_from_slice(&b[pos..start]);
                // `surrogatepass` reads an encoded surrogate as the code point it encodes.
                if errors == "surrogatepass"
                    && b.len() >= start + 3
                    && b[start] == 0xed
                    && (0xa0..0xc0).contains(&b[start + 1])
                    && (0x80..0xc0).contains(&b[start + 2])
                {
                    out.extend_from_slice(&b[start..start + 3]);
                    pos = start + 3;
                    continue;
                }
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
            }
        }
    }
    Ok(pystr::new_str_wtf8(&out))
}

/// `str(b, encoding, errors)` and `bytes.decode`: decode a bytes-like value.
pub fn decode_value(vm: &mut Vm, v: &Value, encoding: Option<&Value>, errors: Option<&Value>) -> PyResult<Value> {
    let Some(b) = crate::protocols::buffer::try_bytes_of(vm, v)? else {
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
    decode_to_str(vm, &b, &enc, &err)
}

// ----- construction ----------------------------------------------------------------------

/// The `source, encoding, errors` arguments of `bytes()` / `bytearray()` (Argument Clinic's
/// parsing, with its messages).
fn parse_construct_args(vm: &mut Vm, args: &[Value], kwnames: Option<&Value>, fname: &str) -> PyResult<[Option<Value>; 3]> {
    const PARAMS: &[crate::protocols::args::Param] = &[crate::protocols::args::Param::arg_opt("source"), crate::protocols::args::Param::arg_opt("encoding"), crate::protocols::args::Param::arg_opt("errors")];
    const BYTES: crate::protocols::args::Spec = crate::protocols::args::Spec::keywords("bytes", PARAMS);
    const BYTEARRAY: crate::protocols::args::Spec = crate::protocols::args::Spec::keywords("bytearray", PARAMS);
    let spec = if fname == "bytearray" { &BYTEARRAY } else { &BYTES };
    let out = spec.parse(vm, args, kwnames)?;
    for i in [1, 2] {
        if let Some(v) = out[i] {
            if !pystr::is_str(v) {
                return Err(spec.bad_argument(vm, i, "str", v));
            }
        }
    }
    Ok(out.map(|o| o.cloned()))
}

/// The bytes `bytes(x)` / `bytearray(x)` make of one non-str source (`PyBytes_FromObject`
/// after the count check): a buffer's contents, else the ints of an iterable.
fn bytes_from_object(vm: &mut Vm, x: &Value, fname: &str) -> PyResult<Vec<u8>> {
    if let Some(b) = buffer::try_bytes_of(vm, x)? {
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
            return Err(vm.type_error(format!("cannot convert '{}' object to {fname}", x.ty().name())));
        }
        Err(e) => return Err(e),
    };
    let msg = if fname == "bytes" { "bytes must be in range(0, 256)" } else { "byte must be in range(0, 256)" };
    let mut out = Vec::new();
    while let Some(item) = crate::protocols::iter::next(vm, &it)? {
        out.push(byte_value(vm, &item, msg)?);
    }
    Ok(out)
}

/// An int in range(256) (`__index__`), else ValueError `msg`.
pub(crate) fn byte_value(vm: &mut Vm, v: &Value, msg: &str) -> PyResult<u8> {
    if let Some(i) = v.as_small_int() {
        return if (0..256).contains(&i) { Ok(i as u8) } else { Err(vm.value_error(msg)) };
    }
    let iv = crate::protocols::number::index(vm, v)?;
    match crate::objects::int::as_int(&iv).and_then(|r| r.to_i64()) {
        Some(n) if (0..256).contains(&n) => Ok(n as u8),
        _ => Err(vm.value_error(msg)),
    }
}

fn construct(vm: &mut Vm, args: &[Value], kwnames: Option<&Value>, fname: &str) -> PyResult<Vec<u8>> {
    let a = parse_construct_args(vm, args, kwnames, fname)?;
    match (&a[0], &a[1], &a[2]) {
        (None, None, None) => Ok(Vec::new()),
        (Some(s), enc, errs) if enc.is_some() || errs.is_some() => {
            if !pystr::is_str(s) {
                return Err(vm.type_error(if enc.is_some() { "encoding without a string argument" } else { "errors without a string argument" }));
            }
            let e = enc.as_ref().and_then(pystr::try_str).unwrap_or("utf-8").to_owned();
            let r = errs.as_ref().and_then(pystr::try_str).unwrap_or("strict").to_owned();
            encode_str(vm, s, &e, &r)
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
            bytes_from_object(vm, s, fname)
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
    Ok(alloc_object(ty, ByteArrayData::new(Vec::new())))
}

fn bytearray_init(vm: &mut Vm, this: &Value, args: &[Value], kwnames: Option<&Value>) -> PyResult<()> {
    let Some(d) = this.downcast::<ByteArrayData>() else { return Ok(()) };
    // `bytearray___init__` empties the object first (refused while exported).
    if !d.is_empty() {
        d.with_vec_mut(vm, 0, |v| v.clear())?;
    }
    let b = construct(vm, args, kwnames, "bytearray")?;
    d.with_vec_mut(vm, b.len(), |v| *v = b)?;
    Ok(())
}

// ----- slots -----------------------------------------------------------------------------

/// A copy of a bytes or bytearray value's contents.
pub(crate) fn content(v: &Value) -> Vec<u8> {
    bytes_like(v).unwrap_or_default()
}

/// Run `f` over a bytes or bytearray value's contents without copying.
pub(crate) fn with_content<R>(v: &Value, f: impl FnOnce(&[u8]) -> R) -> R {
    if let Some(b) = v.downcast::<BytesData>() {
        return f(&b.bytes);
    }
    match v.downcast::<ByteArrayData>() {
        Some(d) => d.with_vec(f),
        None => f(&[]),
    }
}

fn bytes_repr(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let ba = is_bytearray(v);
    let r = with_content(v, |b| repr_bytes_with(b, ba));
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
        None => v.downcast::<ByteArrayData>().map(|d| d.len()).unwrap_or(0),
    })
}

/// bytes compares with bytes only; bytearray with any buffer (`bytearray_richcompare`).
fn bytes_richcompare(vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
    let both_bytes = a.downcast::<BytesData>().is_some() && b.downcast::<BytesData>().is_some();
    if !both_bytes && !(is_bytearray(a) || is_bytearray(b)) {
        return Ok(none::not_implemented());
    }
    // A failing export (a released memoryview) means NotImplemented, as in CPython.
    let x = buffer::try_get_buffer(vm, a, buffer::flags::FULL_RO).ok().flatten();
    let y = buffer::try_get_buffer(vm, b, buffer::flags::FULL_RO).ok().flatten();
    let (Some(x), Some(y)) = (x, y) else {
        return Ok(none::not_implemented());
    };
    let ord = x.with_bytes(|xs| y.with_bytes(|ys| xs.cmp(ys)));
    Ok(none::bool_value(op.test(ord)))
}

fn bytes_getitem(vm: &mut Vm, v: &Value, index: &Value) -> PyResult<Value> {
    if let Some(slice) = index.downcast::<crate::objects::slice::SliceData>() {
        let len = bytes_len(vm, v)?;
        let (start, _, step, n) = slice.indices_len(vm, len)?;
        let out = with_content(v, |b| {
            if step == 1 {
                let s = start.max(0) as usize;
                return b.get(s..(s + n).min(b.len())).map(|x| x.to_vec()).unwrap_or_default();
            }
            let mut out = Vec::with_capacity(n);
            let mut i = start;
            for _ in 0..n {
                if let Some(&x) = usize::try_from(i).ok().and_then(|u| b.get(u)) {
                    out.push(x);
                }
                i += step;
            }
            out
        });
        return Ok(same_kind(v, out));
    }
    if !crate::protocols::number::has_index(index) {
        let what = if is_bytearray(v) { "bytearray" } else { "byte" };
        return Err(vm.type_error(format!("{what} indices must be integers or slices, not {}", index.ty().name())));
    }
    let i = crate::objects::int::index_to_isize(vm, index)?;
    let item = with_content(v, |b| {
        let n = b.len() as isize;
        let j = if i < 0 { i + n } else { i };
        if j < 0 || j >= n {
            None
        } else {
            Some(b[j as usize])
        }
    });
    match item {
        Some(x) => Ok(Value::int(x as i64)),
        None => Err(vm.index_error(if is_bytearray(v) { "bytearray index out of range" } else { "index out of range" })),
    }
}

fn bytes_contains(vm: &mut Vm, v: &Value, x: &Value) -> PyResult<bool> {
    if crate::protocols::number::has_index(x) {
        let b = byte_value(vm, x, "byte must be in range(0, 256)")?;
        return Ok(with_content(v, |h| h.contains(&b)));
    }
    let needle = buffer::bytes_of(vm, x)?;
    Ok(with_content(v, |h| crate::objects::bytes_methods::find_sub(h, &needle, false).is_some()))
}

fn bytes_add(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    if !is_bytes_like(a) {
        return Ok(none::not_implemented());
    }
    let Ok(Some(y)) = buffer::try_bytes_of(vm, b) else {
        return Err(vm.type_error(format!("can't concat {} to {}", b.ty().name(), a.ty().name())));
    };
    let mut x = content(a);
    x.extend_from_slice(&y);
    Ok(same_kind(a, x))
}

fn bytes_mul(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    let (seq, n) = if is_bytes_like(a) && !is_bytes_like(b) {
        (a, b)
    } else if is_bytes_like(b) && !is_bytes_like(a) {
        (b, a)
    } else {
        return Ok(none::not_implemented());
    };
    if !crate::protocols::number::has_index(n) {
        return Ok(none::not_implemented());
    }
    let count = crate::objects::int::repeat_count(vm, n)?;
    let s = content(seq);
    if count <= 0 {
        return Ok(same_kind(seq, Vec::new()));
    }
    if (s.len() as u128) * (count as u128) > (1u128 << 40) {
        return Err(vm.memory_error());
    }
    Ok(same_kind(seq, s.repeat(count as usize)))
}

fn bytes_mod(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    if !is_bytes_like(a) {
        return Ok(none::not_implemented());
    }
    let out = crate::objects::bytes_format::format(vm, &content(a), b)?;
    Ok(same_kind(a, out))
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
)
.with_slots(SlotDefs {
    iter: Some(self_iter),
    iternext: Some(bytes_iter_next),
    ..SlotDefs::EMPTY
});

pub static BYTEARRAY_ITER_TYPE: StaticType = StaticType::new(
    "bytearray_iterator",
    Some(&crate::objects::object::OBJECT_TYPE),
    0,
    std::mem::size_of::<PyObj<BytesIterData>>(),
    dealloc_payload::<BytesIterData>,
    &[],
    &[],
)
.with_slots(SlotDefs {
    iter: Some(self_iter),
    iternext: Some(bytes_iter_next),
    ..SlotDefs::EMPTY
});

fn bytes_iter(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let ty: &PyType = if is_bytearray(v) { &BYTEARRAY_ITER_TYPE } else { &BYTES_ITER_TYPE };
    Ok(alloc_object(ty, BytesIterData { seq: ValueCell::new(Some(v.clone())), index: Cell::new(0) }))
}

fn bytes_iter_next(_vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    // SAFETY: registered on the two bytes iterator types only, both allocated with this payload.
    let d = unsafe { v.payload_unchecked::<BytesIterData>() };
    let Some(seq) = d.seq.get() else { return Ok(None) };
    let i = d.index.get();
    match with_content(&seq, |b| b.get(i).copied()) {
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
