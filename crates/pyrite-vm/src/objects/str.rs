//! `str` (CPython: `Objects/unicodeobject.c`). Core representation, hashing, repr, compare,
//! concatenation; the string methods live in `str_methods.rs`.
//!
//! Text is stored as UTF-8 with its length in code points. ASCII strings (the common case)
//! index in O(1); non-ASCII indexing walks the text (documented departure from PEP 393).

use std::cell::Cell;

use crate::object::{alloc_object_with_tail, dealloc_payload, Payload, PyObj, Value};
use crate::objects::{none, str_wtf8};
use crate::typeobj::{flags, nb_slots, CompareOp, PyType, SlotDefs, StaticType};
use crate::vm::{PyResult, Vm};
use pyrite_bytecode::opcode::binop;

pub struct StrData {
    /// The text, `byte_len` bytes of generalized UTF-8 (UTF-8 with lone surrogates, see
    /// [`str_wtf8`]) at `ptr`, which points into this object's own block (the tail after its
    /// fixed part, see [`alloc_object_with_tail`]): one allocation per str, the text next to
    /// the header (CPython's compact strings). The tail is laid out as
    /// `[index slot, if INDEX_SLOT][text][lossy text, if SURROGATES][spare room]`.
    ptr: *mut u8,
    byte_len: usize,
    /// Number of code points.
    pub len: usize,
    /// Cached hash; -1 when not yet computed.
    pub hash: Cell<i64>,
    /// Bytes the tail holds beyond the text: `s += t` on an unshared str grows it in place
    /// with amortised doubling (see [`append_in_place`]). 32 bits (a growth step never leaves
    /// more room than that) keep the payload at 40 bytes: most strs are short, and their size
    /// class is what their memory traffic costs.
    spare: u32,
    /// This object is the interpreter's canonical (interned) str for its text, so comparing
    /// it with another interned str by identity is comparing text.
    pub interned: Cell<bool>,
    /// `SURROGATES` and `INDEX_SLOT` bits.
    form: u8,
}

/// The text holds a lone surrogate; a lossy UTF-8 copy (each surrogate as U+FFFD) follows it.
const SURROGATES: u8 = 1;
/// The tail starts with a pointer-sized slot for the code-point index (every non-ASCII str).
const INDEX_SLOT: u8 = 2;
const SLOT: usize = std::mem::size_of::<usize>();
/// The index records the byte offset of every `STRIDE`-th code point, so reaching any code
/// point skips fewer than `STRIDE` of them: O(1) indexing and slicing for every str.
const STRIDE: usize = 16;

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

impl Drop for StrData {
    fn drop(&mut self) {
        self.free_index();
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
)
.with_slots(SlotDefs {
    repr: Some(str_repr),
    str: Some(str_str),
    hash: Some(str_hash),
    richcompare: Some(str_richcompare),
    iter: Some(str_iter),
    new: Some(str_new),
    nb: nb_slots(&[(binop::ADD, str_add), (binop::MULTIPLY, str_mul), (binop::REMAINDER, str_mod)]),
    len: Some(str_len),
    getitem: Some(str_getitem),
    contains: Some(str_contains),
    ..SlotDefs::EMPTY
});

impl StrData {
    /// Bytes the object's tail holds (slot, text, lossy copy and the room after them).
    #[inline(always)]
    fn capacity(&self) -> usize {
        let slot = if self.form & INDEX_SLOT != 0 { SLOT } else { 0 };
        // The lossy copy's `byte_len` bytes, branch-free.
        let lossy = self.byte_len & ((self.form & SURROGATES) as usize).wrapping_neg();
        slot + self.byte_len + lossy + self.spare as usize
    }
    /// The text's bytes: generalized UTF-8 (lone surrogates included). Equality, ordering,
    /// hashing and search work on these.
    #[inline(always)]
    pub fn as_bytes(&self) -> &[u8] {
        // SAFETY: `ptr` addresses `byte_len` initialised bytes in this object's block, which
        // lives at least as long as the borrow of its payload.
        unsafe { std::slice::from_raw_parts(self.ptr, self.byte_len) }
    }
    /// The text as UTF-8, exact for every str without lone surrogates. A str that has some
    /// reads here with each surrogate shown as U+FFFD (same byte and code-point offsets);
    /// code that must keep them uses [`StrData::as_bytes`] or [`StrData::code_points`], and
    /// the str methods see them exactly (`str_methods.rs`).
    #[inline(always)]
    pub fn text(&self) -> &str {
        // Branch-free: the lossy copy's offset is `byte_len` with surrogates, else 0.
        let skip = self.byte_len & ((self.form & SURROGATES) as usize).wrapping_neg();
        // SAFETY: a surrogate-bearing str's tail holds its lossy copy right after the text;
        // otherwise `skip` is 0.
        let at = unsafe { self.ptr.add(skip) };
        // SAFETY: `at` addresses `byte_len` initialised bytes of valid UTF-8 (the text when it
        // has no surrogate, else its lossy copy) in this object's block, alive as long as the
        // borrow of its payload.
        unsafe { std::str::from_utf8_unchecked(std::slice::from_raw_parts(at, self.byte_len)) }
    }
    /// The text as `&str` when it has no lone surrogate.
    #[inline]
    pub fn as_str(&self) -> Option<&str> {
        if self.has_surrogates() { None } else { Some(self.text()) }
    }
    #[inline(always)]
    pub fn has_surrogates(&self) -> bool {
        self.form & SURROGATES != 0
    }
    #[inline]
    pub fn is_ascii(&self) -> bool {
        self.len == self.byte_len
    }
    /// The code points, in order.
    pub fn code_points(&self) -> impl DoubleEndedIterator<Item = u32> + '_ {
        str_wtf8::code_points(self.as_bytes())
    }
    /// The largest code point (0 for the empty str): what PEP 393 sizes a str's kind by.
    pub fn max_code_point(&self) -> u32 {
        if self.is_ascii() {
            return self.as_bytes().iter().copied().max().unwrap_or(0) as u32;
        }
        self.code_points().max().unwrap_or(0)
    }
    /// The code point at index `i` (0 <= i < len).
    #[inline]
    pub fn char_at(&self, i: usize) -> u32 {
        if self.is_ascii() {
            return self.as_bytes()[i] as u32;
        }
        str_wtf8::decode_at(self.as_bytes(), self.byte_offset(i)).0
    }
    /// Byte offset of code point `i` (i <= len), in O(1): from the index entry below `i`, at
    /// most `STRIDE - 1` code points are skipped.
    #[inline]
    pub fn byte_offset(&self, i: usize) -> usize {
        if self.is_ascii() {
            return i;
        }
        if i >= self.len {
            return self.byte_len;
        }
        let (block, rest) = (i / STRIDE, i % STRIDE);
        if self.len < STRIDE {
            return str_wtf8::skip(self.as_bytes(), 0, i);
        }
        let index = self.index();
        // From the nearer of the entries around `i`: at most STRIDE / 2 code points to skip.
        if rest > STRIDE / 2 && block < index.len() {
            return str_wtf8::skip_back(self.as_bytes(), index[block], STRIDE - rest);
        }
        let base = if block == 0 { 0 } else { index[block - 1] };
        str_wtf8::skip(self.as_bytes(), base, rest)
    }
    /// Code-point index of byte offset `b` (a code point's start, or the end), in O(log n):
    /// the index entry at or below `b`, then at most `STRIDE - 1` code points counted.
    pub fn char_index(&self, b: usize) -> usize {
        if self.is_ascii() {
            return b.min(self.len);
        }
        let b = b.min(self.byte_len);
        if self.len < STRIDE {
            return str_wtf8::count(&self.as_bytes()[..b]);
        }
        let index = self.index();
        // Entries at or below `b`: entry k is code point (k + 1) * STRIDE.
        let k = index.partition_point(|&at| at <= b);
        let (cp, from) = if k == 0 { (0, 0) } else { (k * STRIDE, index[k - 1]) };
        cp + str_wtf8::count(&self.as_bytes()[from..b])
    }
    /// The code-point index: the byte offsets of code points `STRIDE`, `2 * STRIDE`, ...,
    /// built on first use and kept in the tail's slot (non-ASCII strs only).
    #[inline]
    fn index(&self) -> &[usize] {
        debug_assert!(self.form & INDEX_SLOT != 0);
        // SAFETY: non-ASCII strs have the slot just before the text; it is initialised (null
        // or an index of `len / STRIDE` entries for this text).
        let p = unsafe { (self.ptr.sub(SLOT) as *const *mut usize).read_unaligned() };
        if p.is_null() {
            return self.build_index();
        }
        // SAFETY: `p` is this text's index of `len / STRIDE` entries (see `build_index`).
        unsafe { std::slice::from_raw_parts(p, self.len / STRIDE) }
    }
    #[cold]
    fn build_index(&self) -> &[usize] {
        let n = self.len / STRIDE;
        let bytes = self.as_bytes();
        let mut offsets = Vec::with_capacity(n);
        let mut at = 0;
        for _ in 0..n {
            at = str_wtf8::skip(bytes, at, STRIDE);
            offsets.push(at);
        }
        let p = Box::into_raw(offsets.into_boxed_slice()) as *mut usize;
        // SAFETY: the slot belongs to this object; its interpreter's lock serialises access
        // to it (an immortal shared str has its index built before it is shared, by
        // `make_immortal`). The index lives until the text changes or the str dies.
        unsafe {
            (self.ptr.sub(SLOT) as *mut *mut usize).write_unaligned(p);
            std::slice::from_raw_parts(p, n)
        }
    }
    /// Build what is computed lazily (hash and index), so that the str can be shared read-only.
    pub(crate) fn freeze(&self) {
        self.hash();
        if self.form & INDEX_SLOT != 0 && self.len >= STRIDE {
            self.index();
        }
    }
    /// Free the index (when the text changes or the str dies).
    #[inline]
    fn free_index(&mut self) {
        if self.form & INDEX_SLOT == 0 {
            return;
        }
        // SAFETY: as in `index`.
        let slot = unsafe { self.ptr.sub(SLOT) as *mut *mut usize };
        // SAFETY: the slot is initialised.
        let p = unsafe { slot.read_unaligned() };
        if !p.is_null() {
            // SAFETY: `p` came from `Box::into_raw` of `len / STRIDE` entries in
            // `build_index`, and the slot is cleared so it is freed once.
            unsafe {
                drop(Box::from_raw(std::ptr::slice_from_raw_parts_mut(p, self.len / STRIDE)));
                slot.write_unaligned(std::ptr::null_mut());
            }
        }
    }
    #[inline]
    pub fn hash(&self) -> i64 {
        let h = self.hash.get();
        if h != -1 {
            return h;
        }
        let h = hash_bytes(self.as_bytes(), self.is_ascii());
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
    // tail of `capacity()` bytes, freed here once (its index first).
    unsafe {
        let data = &mut (*(obj as *mut PyObj<StrData>)).data;
        data.free_index();
        let cap = data.capacity();
        crate::object::free_with_tail::<StrData>(obj, &STR_TYPE, cap);
    }
}

/// Writes the text of a str being made by [`build_str`]: pieces of UTF-8, in order.
pub struct StrWriter {
    at: *mut u8,
    room: usize,
}

impl StrWriter {
    #[inline]
    pub fn push(&mut self, piece: &str) {
        self.push_bytes(piece.as_bytes());
    }
    /// A piece of generalized UTF-8 (the text of another str: [`StrData::as_bytes`]).
    #[inline(always)]
    pub fn push_bytes(&mut self, piece: &[u8]) {
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
/// copy through a temporary `String`). `fill` must write exactly `byte_len` bytes of
/// generalized UTF-8, with lone surrogates only if `surrogates` says so.
#[inline]
fn build_str_of(ty: &PyType, byte_len: usize, char_len: usize, surrogates: bool, fill: impl FnOnce(&mut StrWriter)) -> Value {
    let slot = if char_len != byte_len { SLOT } else { 0 };
    let tail = slot + if surrogates { 2 * byte_len } else { byte_len };
    alloc_object_with_tail(ty, tail, |t| {
        // SAFETY: the tail has `slot + byte_len` bytes (twice the text with surrogates); a
        // non-ASCII str's index slot comes first, null until an index is built.
        let text = unsafe {
            if slot != 0 {
                (t as *mut *mut usize).write_unaligned(std::ptr::null_mut());
            }
            t.add(slot)
        };
        let mut w = StrWriter { at: text, room: byte_len };
        fill(&mut w);
        // Every byte must be written: the text is read as UTF-8 from here on.
        assert_eq!(w.room, 0, "str built shorter than announced");
        // SAFETY: all `byte_len` bytes were written.
        let bytes = unsafe { std::slice::from_raw_parts(text, byte_len) };
        debug_assert_eq!(char_len, str_wtf8::count(bytes));
        debug_assert_eq!(surrogates, str_wtf8::has_surrogates(bytes));
        debug_assert!(str_wtf8::is_valid(bytes));
        if surrogates {
            crate::pystate::interp().made_surrogates.set(true);
            // SAFETY: the second `byte_len` bytes of the text area are the lossy copy's.
            str_wtf8::write_lossy(bytes, unsafe { std::slice::from_raw_parts_mut(text.add(byte_len), byte_len) });
        }
        let form = if slot != 0 { INDEX_SLOT } else { 0 } | if surrogates { SURROGATES } else { 0 };
        StrData { ptr: text, byte_len, len: char_len, hash: Cell::new(-1), spare: 0, interned: Cell::new(false), form }
    })
}

/// A new exact str made by `fill` (see `build_str_of`): the one way producers that know the
/// result's size (join, concatenation, case mapping) write a str without a temporary.
pub fn build_str(byte_len: usize, char_len: usize, fill: impl FnOnce(&mut StrWriter)) -> Value {
    build_str_of(&STR_TYPE, byte_len, char_len, false, fill)
}

/// [`build_str`] for pieces that may hold lone surrogates (`surrogates` says whether any does).
pub fn build_str_wtf8(byte_len: usize, char_len: usize, surrogates: bool, fill: impl FnOnce(&mut StrWriter)) -> Value {
    build_str_of(&STR_TYPE, byte_len, char_len, surrogates, fill)
}

fn alloc_str(ty: &PyType, pieces: &[&str], byte_len: usize, char_len: usize) -> Value {
    build_str_of(ty, byte_len, char_len, false, |w| pieces.iter().for_each(|p| w.push(p)))
}

/// A new exact str of the UTF-8 `text` holding `char_len` code points.
#[inline(never)]
fn alloc_one(text: &str, char_len: usize) -> Value {
    build_str_of(&STR_TYPE, text.len(), char_len, false, |w| w.push(text))
}

/// Number of code points (ASCII text, the common case, is checked a word at a time).
#[inline]
fn char_count(text: &str) -> usize {
    if text.is_ascii() { text.len() } else { str_wtf8::count(text.as_bytes()) }
}

/// CPython's str hash with `PYTHONHASHSEED=0` of UTF-8 text.
pub fn hash_text(text: &str) -> i64 {
    hash_bytes(text.as_bytes(), text.is_ascii())
}

/// CPython's str hash with `PYTHONHASHSEED=0`: SipHash-1-3 with zero keys over the PEP 393
/// representation (1, 2 or 4 bytes per code point by the widest character) of the
/// generalized UTF-8 text `bytes`.
fn hash_bytes(bytes: &[u8], ascii: bool) -> i64 {
    use std::hash::Hasher;
    if bytes.is_empty() {
        return 0;
    }
    let mut h = siphasher::sip::SipHasher13::new_with_keys(0, 0);
    let max = if ascii { 0 } else { str_wtf8::code_points(bytes).max().unwrap_or(0) };
    let cps = || str_wtf8::code_points(bytes);
    if max < 0x80 {
        h.write(bytes);
    } else if max < 0x100 {
        let buf: Vec<u8> = cps().map(|c| c as u8).collect();
        h.write(&buf);
    } else if max < 0x10000 {
        let buf: Vec<u8> = cps().flat_map(|c| (c as u16).to_le_bytes()).collect();
        h.write(&buf);
    } else {
        let buf: Vec<u8> = cps().flat_map(|c| c.to_le_bytes()).collect();
        h.write(&buf);
    }
    let v = h.finish() as i64;
    if v == -1 { -2 } else { v }
}

pub fn new_str(s: &str) -> Value {
    alloc_one(s, char_count(s))
}

/// A new str of generalized UTF-8 `bytes` (which may hold lone surrogates).
pub fn new_str_wtf8(bytes: &[u8]) -> Value {
    debug_assert!(str_wtf8::is_valid(bytes));
    let n = if bytes.is_ascii() { bytes.len() } else { str_wtf8::count(bytes) };
    let sur = n != bytes.len() && str_wtf8::has_surrogates(bytes);
    build_str_of(&STR_TYPE, bytes.len(), n, sur, |w| w.push_bytes(bytes))
}

/// A new str of the code points `cps` (each below 0x110000; surrogates allowed).
pub fn from_code_points(cps: impl IntoIterator<Item = u32>) -> Value {
    let mut out = Vec::new();
    for c in cps {
        str_wtf8::push_code_point(&mut out, c);
    }
    new_str_wtf8(&out)
}

/// A new str of `text` known to hold `char_len` code points (a piece of a str whose counts
/// are known, e.g. any piece of an ASCII str), saving the count.
pub fn new_str_counted(text: &str, char_len: usize) -> Value {
    debug_assert_eq!(char_len, char_count(text));
    alloc_one(text, char_len)
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

/// A new str made of the texts of the strs `parts`, in order (exact for lone surrogates).
pub fn concat_data(parts: &[&StrData]) -> Value {
    let (mut byte_len, mut char_len, mut sur) = (0, 0, false);
    for p in parts {
        byte_len += p.byte_len;
        char_len += p.len;
        sur |= p.has_surrogates();
    }
    build_str_of(&STR_TYPE, byte_len, char_len, sur, |w| {
        for p in parts {
            w.push_bytes(p.as_bytes());
        }
    })
}

/// `x + y` for two strs (exact for lone surrogates).
#[inline]
pub fn concat2(x: &StrData, y: &StrData) -> Value {
    let sur = x.has_surrogates() | y.has_surrogates();
    build_str_of(&STR_TYPE, x.byte_len + y.byte_len, x.len + y.len, sur, |w| {
        w.push_bytes(x.as_bytes());
        w.push_bytes(y.as_bytes());
    })
}

/// The concatenation of the str values `items` (BUILD_STRING), with no intermediate vector.
pub fn concat_items(items: &[Value]) -> Value {
    let (mut byte_len, mut char_len, mut sur) = (0, 0, false);
    for v in items {
        let d = str_data(v).expect("str");
        byte_len += d.byte_len;
        char_len += d.len;
        sur |= d.has_surrogates();
    }
    build_str_of(&STR_TYPE, byte_len, char_len, sur, |w| {
        for v in items {
            w.push_bytes(str_data(v).expect("str").as_bytes());
        }
    })
}

pub fn from_string(s: String) -> Value {
    new_str(&s)
}

/// `s[a:b]` of the str `s` for clipped code-point bounds `a <= b <= len(s)`: an exact str's
/// whole text is `s` itself (as CPython). O(1) to find the bounds (see `byte_offset`).
pub fn substring(s: &Value, a: usize, b: usize) -> Value {
    let d = str_data(s).expect("str");
    if a == 0 && b == d.len && std::ptr::eq(s.ty(), &STR_TYPE.0) {
        return s.clone();
    }
    if d.is_ascii() {
        return new_str_counted(&d.text()[a..b], b - a);
    }
    let start = d.byte_offset(a);
    let end = if b - a <= STRIDE { str_wtf8::skip(d.as_bytes(), start, b - a) } else { d.byte_offset(b) };
    let piece = &d.as_bytes()[start..end];
    let sur = d.has_surrogates() && str_wtf8::has_surrogates(piece);
    build_str_of(&STR_TYPE, piece.len(), b - a, sur, |w| w.push_bytes(piece))
}

/// A str-subclass instance with the text of the str `s`.
pub fn new_subclass_instance(cls: &PyType, s: &StrData) -> Value {
    build_str_of(cls, s.byte_len, s.len, s.has_surrogates(), |w| w.push_bytes(s.as_bytes()))
}

/// The text of a value known to be a str (panics otherwise: callers check first). A str
/// holding lone surrogates reads lossily here (see [`StrData::text`]).
#[inline]
pub fn as_str(v: &Value) -> &str {
    v.downcast::<StrData>().expect("str").text()
}

/// The text if `v` is a str (lossy for lone surrogates, see [`StrData::text`]).
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
            x.as_bytes() == y.as_bytes()
        }
        _ => false,
    }
}

/// `a < b` for two str values (code-point order, which is their bytes' order).
#[inline]
pub fn str_lt(a: &Value, b: &Value) -> bool {
    str_data(a).expect("str").as_bytes() < str_data(b).expect("str").as_bytes()
}

/// `repr()` of a str's code points (lone surrogates escaped as `\udxxx`).
pub fn repr_data(d: &StrData) -> String {
    match d.as_str() {
        Some(t) => repr_text(t),
        None => repr_code_points(d.code_points(), d.code_points()),
    }
}

/// Python's `repr()` of a string: single quotes unless the text has a single quote and no
/// double quote; escapes for `\\`, the quote, `\t\n\r`, other non-printables as `\xNN`,
/// `\uNNNN`, `\UNNNNNNNN`.
pub fn repr_text(s: &str) -> String {
    repr_code_points(s.chars().map(|c| c as u32), s.chars().map(|c| c as u32))
}

/// `repr` of the code points `cps` (`scan` yields the same ones, to choose the quote).
fn repr_code_points(scan: impl Iterator<Item = u32>, cps: impl Iterator<Item = u32>) -> String {
    let (mut single, mut double) = (false, false);
    for c in scan {
        single |= c == '\'' as u32;
        double |= c == '"' as u32;
    }
    let quote = if single && !double { '"' } else { '\'' };
    let mut out = String::new();
    out.push(quote);
    for n in cps {
        let printable = char::from_u32(n).filter(|&c| is_printable(c));
        match printable {
            Some('\\') => out.push_str("\\\\"),
            Some(c) if c == quote => {
                out.push('\\');
                out.push(c);
            }
            Some(c) => out.push(c),
            None if n == '\n' as u32 => out.push_str("\\n"),
            None if n == '\r' as u32 => out.push_str("\\r"),
            None if n == '\t' as u32 => out.push_str("\\t"),
            None if n < 0x100 => out.push_str(&format!("\\x{n:02x}")),
            None if n < 0x10000 => out.push_str(&format!("\\u{n:04x}")),
            None => out.push_str(&format!("\\U{n:08x}")),
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
    // Private use, and the planes 4 to 13, where nothing is assigned.
    if (0xe000..=0xf8ff).contains(&n) || (0xf0000..).contains(&n) || (0x40000..0xe0000).contains(&n) {
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
    Ok(from_string(repr_data(str_data(v).expect("str"))))
}

fn str_str(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    if std::ptr::eq(v.ty(), &STR_TYPE.0) {
        Ok(v.clone())
    } else {
        Ok(concat_data(&[str_data(v).expect("str")]))
    }
}

fn str_hash(_vm: &mut Vm, v: &Value) -> PyResult<i64> {
    Ok(str_data(v).expect("str").hash())
}

fn str_richcompare(_vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
    let Some(y) = str_data(b) else { return Ok(none::not_implemented()) };
    if matches!(op, CompareOp::Eq | CompareOp::Ne) {
        let eq = str_eq(a, b);
        return Ok(none::bool_value(eq == (op == CompareOp::Eq)));
    }
    let x = str_data(a).expect("str");
    // Generalized UTF-8's byte order is the code-point order.
    Ok(none::bool_value(op.test(x.as_bytes().cmp(y.as_bytes()))))
}

fn str_add(_vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    match (str_data(a), str_data(b)) {
        (Some(x), Some(y)) => Ok(concat2(x, y)),
        _ => Ok(none::not_implemented()),
    }
}

/// Concatenate two texts into a new str.
pub fn concat(x: &str, y: &str) -> Value {
    from_pieces(&[x, y], char_count(x) + char_count(y))
}

fn str_mul(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    let (s, n) = match (str_data(a), str_data(b)) {
        (Some(s), None) => (s, b),
        (None, Some(s)) => (s, a),
        _ => return Ok(none::not_implemented()),
    };
    if !crate::protocols::number::has_index(n) {
        return Ok(none::not_implemented());
    }
    let count = crate::objects::int::repeat_count(vm, n)?;
    if count <= 0 || s.len == 0 {
        return Ok(new_str(""));
    }
    let count = count as usize;
    // CPython's limit is on code points; the UTF-8 text must fit an allocation as well.
    if s.len.checked_mul(count).is_none_or(|n| n > isize::MAX as usize) {
        return Err(vm.overflow_error("repeated string is too long"));
    }
    let bytes = s.as_bytes();
    let Some(total) = bytes.len().checked_mul(count).filter(|&n| n <= isize::MAX as usize / 2) else {
        return Err(vm.memory_error());
    };
    // A request the allocator refuses is a MemoryError, not an abort.
    let mut text: Vec<u8> = Vec::new();
    if text.try_reserve_exact(total).is_err() {
        return Err(vm.memory_error());
    }
    text.extend_from_slice(bytes);
    while text.len() < total {
        let more = text.len().min(total - text.len());
        text.extend_from_within(..more);
    }
    let (len, sur) = (s.len * count, s.has_surrogates());
    Ok(build_str_of(&STR_TYPE, total, len, sur, |w| w.push_bytes(&text)))
}

fn str_mod(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    if !is_str(a) {
        return Ok(none::not_implemented());
    }
    crate::objects::format::percent_format_str(vm, a, b)
}

/// `len()` of a str (in code points; stored, not counted).
#[inline]
pub fn char_len(v: &Value) -> usize {
    str_data(v).expect("str").len
}

/// `a + b` for two strs.
pub fn concat_values(a: &Value, b: &Value) -> Value {
    concat2(str_data(a).expect("str"), str_data(b).expect("str"))
}

/// `a += b` for two exact strs where `a` is the only reference to its object: append to it in
/// place and return it (CPython's `PyUnicode_Append` resize). Otherwise a new str.
pub fn append_in_place(a: Value, b: &Value) -> Value {
    if a.refcount() != 1 || !std::ptr::eq(a.ty(), &STR_TYPE.0) {
        return concat_values(&a, b);
    }
    let extra = str_data(b).expect("str");
    let (old_len, cap, slot, ascii) = {
        let d = str_data(&a).expect("str");
        // A text with surrogates keeps a lossy copy, and a str turning non-ASCII needs the
        // index slot it lacks: both are made anew.
        if d.has_surrogates() || extra.has_surrogates() || (d.form & INDEX_SLOT == 0 && !extra.is_ascii()) {
            return concat_values(&a, b);
        }
        let slot = if d.form & INDEX_SLOT != 0 { SLOT } else { 0 };
        (d.byte_len, d.capacity() - slot, slot, d.is_ascii() && extra.is_ascii())
    };
    let need = old_len + extra.byte_len;
    // Doubling, but never more room than `spare` can record.
    let new_cap = if need > cap { need.max(cap * 2).min(need + u32::MAX as usize) } else { cap };
    {
        // SAFETY: `a` is the sole reference and no borrow of its payload is alive; its text
        // is about to change, so its code-point index goes.
        let d = unsafe { &mut (*(a.as_ptr() as *mut PyObj<StrData>)).data };
        d.free_index();
    }
    let a = if need > cap {
        // SAFETY: `a` is the sole reference to an exact str (not a GC type, never weakly
        // referenced; an interned one has a second reference in the table), and no borrow of
        // it is alive here (`b` is another object: a second reference would show in the count).
        // Its tail is `slot + cap` bytes; `ptr` is repointed below.
        unsafe { crate::object::realloc_tail::<StrData>(a, slot + cap, slot + new_cap) }
    } else {
        a
    };
    // SAFETY: still the sole reference; nobody can observe the mutation.
    let d = unsafe { &mut (*(a.as_ptr() as *mut PyObj<StrData>)).data };
    if need > cap {
        // SAFETY: the tail starts `tail_offset` bytes into the block just reallocated for this
        // str, and the text `slot` bytes after that, so the pointer stays in that block.
        d.ptr = unsafe { (a.as_ptr() as *mut u8).add(crate::object::tail_offset::<StrData>(&STR_TYPE) + slot) };
    }
    // SAFETY: the tail has room for `need` bytes; `extra` is a different object.
    unsafe { std::ptr::copy_nonoverlapping(extra.ptr, d.ptr.add(old_len), extra.byte_len) };
    d.byte_len = need;
    d.spare = (new_cap - need) as u32;
    d.len += extra.len;
    debug_assert!(ascii == d.is_ascii());
    d.hash.set(-1);
    a
}

fn str_len(_vm: &mut Vm, v: &Value) -> PyResult<usize> {
    Ok(str_data(v).expect("str").len)
}

fn str_contains(vm: &mut Vm, container: &Value, item: &Value) -> PyResult<bool> {
    match str_data(item) {
        Some(needle) => {
            Ok(crate::objects::str_search::contains_bytes(str_data(container).expect("str").as_bytes(), needle.as_bytes()))
        }
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
        let mut picked = Vec::new();
        let mut i = start;
        while (step > 0 && i < stop) || (step < 0 && i > stop) {
            picked.push(d.char_at(i as usize));
            i += step;
        }
        return Ok(from_code_points(picked));
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
    Ok(code_point_value(vm, c))
}

/// A one-character string (ASCII ones are cached per interpreter as interned strings).
pub fn char_value(vm: &mut Vm, c: char) -> Value {
    code_point_value(vm, c as u32)
}

/// A one-code-point string (any code point below 0x110000, lone surrogates included). Latin-1
/// ones are cached per interpreter, as CPython caches them.
#[inline]
pub fn code_point_value(vm: &mut Vm, c: u32) -> Value {
    if c < 256 {
        // A table lookup, not a hash: indexing and iterating strings make these constantly.
        return vm.latin1_char(c as u8);
    }
    let mut buf = Vec::with_capacity(4);
    str_wtf8::push_code_point(&mut buf, c);
    new_str_wtf8(&buf)
}

fn str_iter(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(crate::objects::iter::new_str_iterator(v.clone()))
}

fn str_new(vm: &mut Vm, cls: &Value, args: &[Value], kwnames: Option<&Value>) -> PyResult<Value> {
    const NEW: crate::protocols::args::Spec = crate::protocols::args::Spec::keywords("str", &[crate::protocols::args::Param::arg_opt("object"), crate::protocols::args::Param::arg_opt("encoding"), crate::protocols::args::Param::arg_opt("errors")]);
    let [obj, encoding, errors] = NEW.parse(vm, args, kwnames)?.map(|o| o.cloned());
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
        Ok(new_subclass_instance(cls_ty, str_data(&text).expect("str")))
    }
}
