//! `str` (CPython: `Objects/unicodeobject.c`). Core representation, hashing, repr, compare,
//! concatenation; the string methods live in `str_methods.rs`.
//!
//! Text is stored as UTF-8 with its length in code points. ASCII strings (the common case)
//! index in O(1); non-ASCII indexing walks the text (documented departure from PEP 393).

use std::cell::Cell;

use crate::object::{alloc_object_with_tail, dealloc_payload, Payload, PyObj, Value};
use crate::objects::none;
use crate::typeobj::{flags, CompareOp, PyType, StaticType};
use crate::vm::{PyResult, Vm};
use pyrite_bytecode::opcode::binop;

pub struct StrData {
    /// The UTF-8 text: `byte_len` bytes at `ptr`, which points into this object's own block
    /// (the tail after its fixed part, see [`alloc_object_with_tail`]): one allocation per
    /// str, the text next to the header (CPython's compact strings).
    ptr: *mut u8,
    byte_len: usize,
    /// Number of code points.
    pub len: usize,
    /// Cached hash; -1 when not yet computed.
    pub hash: Cell<i64>,
    /// Bytes the tail holds beyond `byte_len`: `s += t` on an unshared str grows it in place
    /// with amortised doubling (see [`append_in_place`]). 32 bits (a growth step never leaves
    /// more room than that) keep the payload at 40 bytes: most strs are short, and their size
    /// class is what their memory traffic costs.
    spare: u32,
    /// This object is the interpreter's canonical (interned) str for its text, so comparing
    /// it with another interned str by identity is comparing text.
    pub interned: Cell<bool>,
}

// The payload stays at 40 bytes (see `spare`).
const _: () = assert!(std::mem::size_of::<StrData>() == 40);

impl Payload for StrData {
    fn class() -> &'static PyType {
        &STR_TYPE
    }
    #[inline(always)]
    fn tail_len(&self) -> usize {
        self.capacity()
    }
}

pub static STR_TYPE: StaticType = StaticType::new(
    "str",
    Some(&crate::objects::object::OBJECT_TYPE),
    flags::BASETYPE | flags::UNICODE_SUBCLASS | flags::IMMUTABLE,
    std::mem::size_of::<PyObj<StrData>>(),
    dealloc_payload::<StrData>,
    crate::objects::str_methods::STR_METHODS,
    &[],
);

impl StrData {
    /// Bytes the object's tail holds (the text and the room after it).
    #[inline(always)]
    fn capacity(&self) -> usize {
        self.byte_len + self.spare as usize
    }
    /// The text.
    #[inline(always)]
    pub fn text(&self) -> &str {
        // SAFETY: `ptr` addresses `byte_len` initialised bytes of valid UTF-8 in this object's
        // block, which lives at least as long as the borrow of its payload.
        unsafe { std::str::from_utf8_unchecked(std::slice::from_raw_parts(self.ptr, self.byte_len)) }
    }
    #[inline]
    pub fn is_ascii(&self) -> bool {
        self.len == self.byte_len
    }
    /// The code point at index `i` (0 <= i < len).
    pub fn char_at(&self, i: usize) -> char {
        if self.is_ascii() {
            self.text().as_bytes()[i] as char
        } else {
            self.text().chars().nth(i).expect("index in range")
        }
    }
    /// Byte offset of code point `i` (i <= len).
    pub fn byte_offset(&self, i: usize) -> usize {
        if self.is_ascii() {
            i
        } else {
            self.text().char_indices().nth(i).map(|(b, _)| b).unwrap_or(self.byte_len)
        }
    }
    #[inline]
    pub fn hash(&self) -> i64 {
        let h = self.hash.get();
        if h != -1 {
            return h;
        }
        let h = hash_text(self.text());
        self.hash.set(h);
        h
    }
}

/// Free a dead exact str (its one block: the fixed part and the text).
///
/// # Safety
/// `obj` is an exact str whose count reached zero.
#[inline]
pub(crate) unsafe fn free_exact(obj: *mut crate::object::ObjHeader) {
    // SAFETY: the caller passes a dead exact str, a `PyObj<StrData>` block allocated with a
    // tail of `capacity()` bytes, freed here once.
    let cap = unsafe { (*(obj as *mut PyObj<StrData>)).data.capacity() };
    // SAFETY: as above.
    unsafe { crate::object::free_with_tail::<StrData>(obj, &STR_TYPE, cap) };
}

/// Writes the text of a str being made by [`build_str`]: pieces of UTF-8, in order.
pub struct StrWriter {
    at: *mut u8,
    room: usize,
}

impl StrWriter {
    #[inline]
    pub fn push(&mut self, piece: &str) {
        assert!(piece.len() <= self.room, "str built longer than announced");
        // SAFETY: `at` has `room` writable bytes left in the new str's tail.
        unsafe {
            std::ptr::copy_nonoverlapping(piece.as_ptr(), self.at, piece.len());
            self.at = self.at.add(piece.len());
        }
        self.room -= piece.len();
    }
    /// One ASCII byte.
    #[inline]
    pub fn push_ascii(&mut self, b: u8) {
        assert!(b < 0x80 && self.room > 0, "str built longer than announced or not ASCII");
        // SAFETY: as in `push`.
        unsafe {
            *self.at = b;
            self.at = self.at.add(1);
        }
        self.room -= 1;
    }
}

/// A new str of class `ty` (str or a subclass) of `byte_len` bytes of text holding
/// `char_len` code points, written by `fill` straight into the object (one allocation, no
/// copy through a temporary `String`). `fill` must write exactly `byte_len` bytes.
fn build_str_of(ty: &PyType, byte_len: usize, char_len: usize, fill: impl FnOnce(&mut StrWriter)) -> Value {
    alloc_object_with_tail(ty, byte_len, |tail| {
        let mut w = StrWriter { at: tail, room: byte_len };
        fill(&mut w);
        // Every byte must be written: the text is read as UTF-8 from here on.
        assert_eq!(w.room, 0, "str built shorter than announced");
        debug_assert_eq!(char_len, {
            // SAFETY: all `byte_len` bytes were written from `&str` pieces and ASCII bytes.
            char_count(unsafe { std::str::from_utf8_unchecked(std::slice::from_raw_parts(tail, byte_len)) })
        });
        StrData { ptr: tail, byte_len, len: char_len, hash: Cell::new(-1), spare: 0, interned: Cell::new(false) }
    })
}

/// A new exact str made by `fill` (see `build_str_of`): the one way producers that know the
/// result's size (join, concatenation, case mapping) write a str without a temporary.
pub fn build_str(byte_len: usize, char_len: usize, fill: impl FnOnce(&mut StrWriter)) -> Value {
    build_str_of(&STR_TYPE, byte_len, char_len, fill)
}

fn alloc_str(ty: &PyType, pieces: &[&str], byte_len: usize, char_len: usize) -> Value {
    build_str_of(ty, byte_len, char_len, |w| pieces.iter().for_each(|p| w.push(p)))
}

/// Number of code points (ASCII text, the common case, is checked a word at a time).
#[inline]
fn char_count(text: &str) -> usize {
    if text.is_ascii() { text.len() } else { text.chars().count() }
}

/// CPython's str hash with `PYTHONHASHSEED=0`: SipHash-1-3 with zero keys over the PEP 393
/// representation (1, 2 or 4 bytes per code point by the widest character).
pub fn hash_text(text: &str) -> i64 {
    use std::hash::Hasher;
    if text.is_empty() {
        return 0;
    }
    let mut h = siphasher::sip::SipHasher13::new_with_keys(0, 0);
    let max = text.chars().map(|c| c as u32).max().unwrap_or(0);
    if max < 0x80 {
        h.write(text.as_bytes());
    } else if max < 0x100 {
        let buf: Vec<u8> = text.chars().map(|c| c as u32 as u8).collect();
        h.write(&buf);
    } else if max < 0x10000 {
        let buf: Vec<u8> = text.chars().flat_map(|c| (c as u32 as u16).to_le_bytes()).collect();
        h.write(&buf);
    } else {
        let buf: Vec<u8> = text.chars().flat_map(|c| (c as u32).to_le_bytes()).collect();
        h.write(&buf);
    }
    let v = h.finish() as i64;
    if v == -1 { -2 } else { v }
}

pub fn new_str(s: &str) -> Value {
    alloc_str(&STR_TYPE, &[s], s.len(), char_count(s))
}

/// A new str of `text` known to hold `char_len` code points (a piece of a str whose counts
/// are known, e.g. any piece of an ASCII str), saving the count.
pub fn new_str_counted(text: &str, char_len: usize) -> Value {
    debug_assert_eq!(char_len, char_count(text));
    alloc_str(&STR_TYPE, &[text], text.len(), char_len)
}

/// A piece of the text of `whole` (ASCII text makes the piece's count its length).
pub fn new_substr(whole: &StrData, piece: &str) -> Value {
    if whole.is_ascii() { new_str_counted(piece, piece.len()) } else { new_str(piece) }
}

/// A new str made of `pieces` in order, holding `char_len` code points in all.
pub fn from_pieces(pieces: &[&str], char_len: usize) -> Value {
    let byte_len = pieces.iter().map(|p| p.len()).sum();
    alloc_str(&STR_TYPE, pieces, byte_len, char_len)
}

pub fn from_string(s: String) -> Value {
    new_str(&s)
}

/// `s[a:b]` of the str `s` for clipped code-point bounds `a <= b <= len(s)`: an exact str's
/// whole text is `s` itself (as CPython).
pub fn substring(s: &Value, a: usize, b: usize) -> Value {
    let d = str_data(s).expect("str");
    if a == 0 && b == d.len && std::ptr::eq(s.ty(), &STR_TYPE.0) {
        return s.clone();
    }
    if d.is_ascii() {
        return new_str_counted(&d.text()[a..b], b - a);
    }
    let start = d.byte_offset(a);
    let piece = &d.text()[start..];
    let end = piece.char_indices().nth(b - a).map(|(i, _)| i).unwrap_or(piece.len());
    new_str_counted(&piece[..end], b - a)
}

/// A str-subclass instance.
pub fn new_subclass_instance(cls: &PyType, s: &str) -> Value {
    alloc_str(cls, &[s], s.len(), char_count(s))
}

/// The text of a value known to be a str (panics otherwise: callers check first).
#[inline]
pub fn as_str(v: &Value) -> &str {
    v.downcast::<StrData>().expect("str").text()
}

/// The text if `v` is a str.
#[inline]
pub fn try_str(v: &Value) -> Option<&str> {
    v.downcast::<StrData>().map(|d| d.text())
}

#[inline]
pub fn str_data(v: &Value) -> Option<&StrData> {
    v.downcast::<StrData>()
}

#[inline]
pub fn is_str(v: &Value) -> bool {
    !v.is_small_int() && v.ty().has_flag(flags::UNICODE_SUBCLASS)
}

/// Equality of two str values: pointer first, then cached hashes, then bytes.
#[inline]
pub fn str_eq(a: &Value, b: &Value) -> bool {
    if a.is(b) {
        return true;
    }
    match (a.downcast::<StrData>(), b.downcast::<StrData>()) {
        (Some(x), Some(y)) => {
            let (hx, hy) = (x.hash.get(), y.hash.get());
            if hx != -1 && hy != -1 && hx != hy {
                return false;
            }
            x.text() == y.text()
        }
        _ => false,
    }
}

/// Python's `repr()` of a string: single quotes unless the text has a single quote and no
/// double quote; escapes for `\\`, the quote, `\t\n\r`, other non-printables as `\xNN`,
/// `\uNNNN`, `\UNNNNNNNN`.
pub fn repr_text(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') { '"' } else { '\'' };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if is_printable(c) => out.push(c),
            c => {
                let n = c as u32;
                if n < 0x100 {
                    out.push_str(&format!("\\x{n:02x}"));
                } else if n < 0x10000 {
                    out.push_str(&format!("\\u{n:04x}"));
                } else {
                    out.push_str(&format!("\\U{n:08x}"));
                }
            }
        }
    }
    out.push(quote);
    out
}

/// `str.isprintable()` for one character (approximation of Unicode categories: control,
/// format, surrogate, private-use, unassigned and separators other than space are not).
pub fn is_printable(c: char) -> bool {
    let n = c as u32;
    if n < 0x20 || n == 0x7f {
        return false;
    }
    if n < 0x7f {
        return true;
    }
    if (0x80..0xa0).contains(&n) || n == 0xad {
        return false;
    }
    if c.is_whitespace() {
        return false;
    }
    if (0xe000..=0xf8ff).contains(&n) || (0xf0000..).contains(&n) {
        return false;
    }
    if matches!(n, 0x200b..=0x200f | 0x2028..=0x202e | 0x2060..=0x2064 | 0xfeff | 0xfff9..=0xfffb) {
        return false;
    }
    // Noncharacters (U+FDD0..U+FDEF and the last two code points of every plane) are never
    // assigned.
    if (0xfdd0..=0xfdef).contains(&n) || n & 0xfffe == 0xfffe {
        return false;
    }
    !(0xd800..0xe000).contains(&n)
}

fn str_repr(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(from_string(repr_text(as_str(v))))
}

fn str_str(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    if std::ptr::eq(v.ty(), &STR_TYPE.0) {
        Ok(v.clone())
    } else {
        Ok(new_str(as_str(v)))
    }
}

fn str_hash(_vm: &mut Vm, v: &Value) -> PyResult<i64> {
    Ok(str_data(v).expect("str").hash())
}

fn str_richcompare(_vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
    let Some(y) = try_str(b) else { return Ok(none::not_implemented()) };
    if matches!(op, CompareOp::Eq | CompareOp::Ne) {
        let eq = str_eq(a, b);
        return Ok(none::bool_value(eq == (op == CompareOp::Eq)));
    }
    let x = as_str(a);
    // UTF-8 byte order equals code-point order.
    Ok(none::bool_value(op.test(x.cmp(y))))
}

fn str_add(_vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    match (try_str(a), try_str(b)) {
        (Some(x), Some(y)) => Ok(concat(x, y)),
        _ => Ok(none::not_implemented()),
    }
}

/// Concatenate two texts into a new str.
pub fn concat(x: &str, y: &str) -> Value {
    from_pieces(&[x, y], char_count(x) + char_count(y))
}

fn str_mul(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    let (s, n) = match (try_str(a), try_str(b)) {
        (Some(s), None) => (s, b),
        (None, Some(s)) => (s, a),
        _ => return Ok(none::not_implemented()),
    };
    if !crate::protocols::number::has_index(n) {
        return Ok(none::not_implemented());
    }
    let count = crate::objects::int::repeat_count(vm, n)?;
    if count <= 0 || s.is_empty() {
        return Ok(new_str(""));
    }
    let count = count as usize;
    // CPython's limit is on code points; the UTF-8 text must fit an allocation as well.
    let chars = char_count(s);
    if chars.checked_mul(count).is_none_or(|n| n > isize::MAX as usize) {
        return Err(vm.overflow_error("repeated string is too long"));
    }
    let Some(total) = s.len().checked_mul(count).filter(|&n| n <= isize::MAX as usize) else {
        return Err(vm.memory_error());
    };
    // A request the allocator refuses is a MemoryError, not an abort.
    let mut text: Vec<u8> = Vec::new();
    if text.try_reserve_exact(total).is_err() {
        return Err(vm.memory_error());
    }
    text.extend_from_slice(s.as_bytes());
    while text.len() < total {
        let more = text.len().min(total - text.len());
        text.extend_from_within(..more);
    }
    // SAFETY: copies of valid UTF-8 text, whole.
    Ok(from_string(unsafe { String::from_utf8_unchecked(text) }))
}

fn str_mod(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    let Some(fmt) = try_str(a) else { return Ok(none::not_implemented()) };
    // Borrowed: the caller's reference keeps `a` alive and unshared strs are only grown in
    // place by their sole holder, which is here.
    crate::objects::format::percent_format(vm, fmt, b)
}

/// `len()` of a str (in code points; stored, not counted).
#[inline]
pub fn char_len(v: &Value) -> usize {
    str_data(v).expect("str").len
}

/// `a + b` for two strs.
pub fn concat_values(a: &Value, b: &Value) -> Value {
    let (x, y) = (str_data(a).expect("str"), str_data(b).expect("str"));
    from_pieces(&[x.text(), y.text()], x.len + y.len)
}

/// `a += b` for two exact strs where `a` is the only reference to its object: append to it in
/// place and return it (CPython's `PyUnicode_Append` resize). Otherwise a new str.
pub fn append_in_place(a: Value, b: &Value) -> Value {
    if a.refcount() != 1 || !std::ptr::eq(a.ty(), &STR_TYPE.0) {
        return concat_values(&a, b);
    }
    let extra = str_data(b).expect("str");
    let (old_len, cap) = {
        let d = str_data(&a).expect("str");
        (d.byte_len, d.capacity())
    };
    let need = old_len + extra.byte_len;
    // Doubling, but never more room than `spare` can record.
    let new_cap = if need > cap { need.max(cap * 2).min(need + u32::MAX as usize) } else { cap };
    let a = if need > cap {
        // SAFETY: `a` is the sole reference to an exact str (not a GC type, never weakly
        // referenced; an interned one has a second reference in the table), and no borrow of
        // it is alive here (`b` is another object: a second reference would show in the count).
        // Its tail is `cap` bytes; `ptr` is repointed below.
        unsafe { crate::object::realloc_tail::<StrData>(a, cap, new_cap) }
    } else {
        a
    };
    // SAFETY: still the sole reference; nobody can observe the mutation.
    let d = unsafe { &mut (*(a.as_ptr() as *mut PyObj<StrData>)).data };
    if need > cap {
        // SAFETY: the tail starts `tail_offset` bytes into the block just reallocated for this str,
        // so the pointer stays in that block.
        d.ptr = unsafe { (a.as_ptr() as *mut u8).add(crate::object::tail_offset::<StrData>(&STR_TYPE)) };
    }
    // SAFETY: the tail has room for `need` bytes; `extra` is a different object.
    unsafe { std::ptr::copy_nonoverlapping(extra.ptr, d.ptr.add(old_len), extra.byte_len) };
    d.byte_len = need;
    d.spare = (new_cap - need) as u32;
    d.len += extra.len;
    d.hash.set(-1);
    a
}

fn str_len(_vm: &mut Vm, v: &Value) -> PyResult<usize> {
    Ok(str_data(v).expect("str").len)
}

fn str_contains(vm: &mut Vm, container: &Value, item: &Value) -> PyResult<bool> {
    match try_str(item) {
        Some(needle) => Ok(crate::objects::str_search::contains(as_str(container), needle)),
        None => Err(vm.type_error(format!("'in <string>' requires string as left operand, not {}", item.ty().name()))),
    }
}

fn str_getitem(vm: &mut Vm, v: &Value, index: &Value) -> PyResult<Value> {
    let d = str_data(v).expect("str");
    if let Some(slice) = index.downcast::<crate::objects::slice::SliceData>() {
        let (start, stop, step) = slice.indices(vm, d.len)?;
        if step == 1 {
            let (start, stop) = (start as usize, (stop.max(start)) as usize);
            return Ok(substring(v, start, stop));
        }
        let mut out = String::new();
        {
            let chars: Vec<char> = d.text().chars().collect();
            let mut i = start;
            while (step > 0 && i < stop) || (step < 0 && i > stop) {
                out.push(chars[i as usize]);
                i += step;
            }
        }
        return Ok(from_string(out));
    }
    if !crate::protocols::number::has_index(index) {
        return Err(vm.type_error(format!("string indices must be integers, not '{}'", index.ty().name())));
    }
    let mut i = crate::objects::int::index_to_isize(vm, index)?;
    if i < 0 {
        i += d.len as isize;
    }
    if i < 0 || i as usize >= d.len {
        return Err(vm.index_error("string index out of range"));
    }
    let c = d.char_at(i as usize);
    Ok(char_value(vm, c))
}

/// A one-character string (ASCII ones are cached per interpreter as interned strings).
pub fn char_value(vm: &mut Vm, c: char) -> Value {
    if (c as u32) < 128 {
        // A table lookup, not a hash: indexing and iterating strings make these constantly.
        return vm.ascii_char(c as u8);
    }
    new_str(c.encode_utf8(&mut [0u8; 4]))
}

fn str_iter(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(crate::objects::iter::new_str_iterator(v.clone()))
}

fn str_new(vm: &mut Vm, cls: &Value, args: &[Value], kwnames: Option<&Value>) -> PyResult<Value> {
    let (obj, encoding, errors) = crate::protocols::args::three_optional(vm, "str", args, kwnames, "object", "encoding", "errors")?;
    let text = match obj {
        None => new_str(""),
        Some(o) => {
            if encoding.is_some() || errors.is_some() {
                crate::objects::bytes::decode_value(vm, &o, encoding.as_ref(), errors.as_ref())?
            } else {
                crate::protocols::object::str(vm, &o)?
            }
        }
    };
    // SAFETY: `cls` is a type.
    let cls_ty = unsafe { cls.as_type_unchecked() };
    if std::ptr::eq(cls_ty, &STR_TYPE.0) {
        Ok(text)
    } else {
        Ok(new_subclass_instance(cls_ty, as_str(&text)))
    }
}

pub(crate) fn init_type() {
    let s = &STR_TYPE.slots;
    s.repr.set(Some(str_repr));
    s.str.set(Some(str_str));
    s.hash.set(Some(str_hash));
    s.richcompare.set(Some(str_richcompare));
    s.nb[binop::ADD as usize].set(Some(str_add));
    s.nb[binop::MULTIPLY as usize].set(Some(str_mul));
    s.nb[binop::REMAINDER as usize].set(Some(str_mod));
    s.len.set(Some(str_len));
    s.contains.set(Some(str_contains));
    s.getitem.set(Some(str_getitem));
    s.iter.set(Some(str_iter));
    s.new.set(Some(str_new));
}
