//! Iterator types: list/tuple/str iterators, the `__getitem__` sequence iterator, callable
//! iterators, and the builtins `enumerate`, `zip`, `map`, `filter`, `reversed`
//! (CPython: `Objects/iterobject.c`, `Objects/enumobject.c`, `Python/bltinmodule.c`,
//! the iterators of `Objects/listobject.c`, `tupleobject.c`, `unicodeobject.c`).

use std::cell::{Cell, UnsafeCell};

use crate::object::{alloc_object, dealloc_payload, ObjHeader, Payload, PyObj, Value};
use crate::objects::{exceptions, list, none, str as pystr, tuple};
use crate::protocols::args::{Param, Spec};
use crate::typeobj::{flags, payload_of, MethodDef, MethodKind, PyType, SlotDefs, StaticType};
use crate::vm::{PyResult, Vm};

/// An owned, replaceable reference inside an iterator (cleared on exhaustion and by the
/// cycle collector). Never borrowed across calls into Python: `get` clones.
pub struct ValueCell(UnsafeCell<Option<Value>>);

impl ValueCell {
    pub fn new(v: Option<Value>) -> ValueCell {
        ValueCell(UnsafeCell::new(v))
    }
    /// A new reference to the held value.
    #[inline]
    pub fn get(&self) -> Option<Value> {
        // SAFETY: single-threaded; the borrow ends before this returns.
        unsafe { (*self.0.get()).clone() }
    }
    /// Replace the held value; the old one is dropped after the cell is updated.
    #[inline]
    pub fn set(&self, v: Option<Value>) {
        // SAFETY: as for `get`; the old value is dropped after the write completes.
        let old = unsafe { std::mem::replace(&mut *self.0.get(), v) };
        drop(old);
    }
    pub fn is_some(&self) -> bool {
        // SAFETY: as for `get`.
        unsafe { (*self.0.get()).is_some() }
    }
    /// Visit the held value (cycle collector traversal).
    pub fn visit(&self, visit: &mut dyn FnMut(&Value)) {
        // SAFETY: traversal runs no Python code.
        if let Some(v) = unsafe { &*self.0.get() } {
            visit(v);
        }
    }
}

// ----- helpers ---------------------------------------------------------------------------

fn self_iter(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(v.clone())
}

/// `cls` of a `new` slot as a type.
fn cls_type(cls: &Value) -> &PyType {
    // SAFETY: the `new` slot is only called with a type object.
    unsafe { cls.as_type_unchecked() }
}

/// Is `e` an IndexError or StopIteration (the end of a `__getitem__` sequence)?
fn ends_sequence(e: &crate::vm::PyErr) -> bool {
    e.matches(exceptions::index_error()) || e.matches(exceptions::stop_iteration())
}

// ----- list and tuple iterators ----------------------------------------------------------

/// The state of a list or tuple iterator. `index == usize::MAX` marks exhaustion (a list
/// that grows afterwards does not revive it).
pub struct SeqIterData {
    pub seq: Value,
    pub index: Cell<usize>,
}

impl Payload for SeqIterData {
    fn class() -> &'static PyType {
        &LIST_ITER_TYPE
    }
}

pub static LIST_ITER_TYPE: StaticType = StaticType::new(
    "list_iterator",
    Some(&crate::objects::object::OBJECT_TYPE),
    flags::HAVE_GC,
    std::mem::size_of::<PyObj<SeqIterData>>(),
    dealloc_payload::<SeqIterData>,
    SEQ_ITER_METHODS,
    &[],
)
.with_slots(SlotDefs {
    traverse: Some(seq_iter_traverse),
    clear: Some(seq_iter_clear),
    iter: Some(self_iter),
    iternext: Some(seq_iter_iternext),
    ..SlotDefs::EMPTY
});

/// Tuple iterators carry the same payload as list iterators.
pub static TUPLE_ITER_TYPE: StaticType = StaticType::new(
    "tuple_iterator",
    Some(&crate::objects::object::OBJECT_TYPE),
    flags::HAVE_GC,
    std::mem::size_of::<PyObj<SeqIterData>>(),
    dealloc_payload::<SeqIterData>,
    SEQ_ITER_METHODS,
    &[],
)
.with_slots(SlotDefs {
    traverse: Some(seq_iter_traverse),
    clear: Some(seq_iter_clear),
    iter: Some(self_iter),
    iternext: Some(seq_iter_iternext),
    ..SlotDefs::EMPTY
});

/// An iterator by index over `seq`, a list (or list subclass instance) when `tuple_seq` is
/// false, else a tuple (or tuple subclass instance): the iterator's type records which, so
/// that stepping it needs no type test of the sequence.
pub fn new_seq_iterator(seq: Value, tuple_seq: bool) -> Value {
    debug_assert_eq!(tuple_seq, tuple::try_items(&seq).is_some());
    let ty: &PyType = if tuple_seq { &TUPLE_ITER_TYPE } else { &LIST_ITER_TYPE };
    alloc_object(ty, SeqIterData { seq, index: Cell::new(0) })
}

/// The payload of a list or tuple iterator (for the eval loop's fast path).
#[inline]
pub fn seq_iter_data(v: &Value) -> Option<&SeqIterData> {
    let h = v.header()?;
    let ty = h.ty();
    if std::ptr::eq(ty, &LIST_ITER_TYPE.0) || std::ptr::eq(ty, &TUPLE_ITER_TYPE.0) {
        // SAFETY: both types are allocated only by `new_seq_iterator` with this payload.
        Some(unsafe { v.payload_unchecked::<SeqIterData>() })
    } else {
        None
    }
}

/// The next item of a list iterator (`tuple_seq` false) or tuple iterator (`tuple_seq` true),
/// as the iterator's type says; re-reads the list's length every step. Once exhausted the
/// index stays past any length, so a list that grows later is not resumed (as CPython).
#[inline(always)]
pub fn seq_iter_next(d: &SeqIterData, tuple_seq: bool) -> Option<Value> {
    let i = d.index.get();
    // SAFETY: `new_seq_iterator` made the iterator's type match its sequence: a list iterator's
    // sequence starts with `PyObj<ListData>`, a tuple iterator's with `PyObj<TupleData>`.
    let item = unsafe {
        if tuple_seq {
            d.seq.payload_unchecked::<tuple::TupleData>().items().get(i).cloned()
        } else {
            d.seq.payload_unchecked::<list::ListData>().get(i)
        }
    };
    match item {
        Some(v) => {
            d.index.set(i + 1);
            Some(v)
        }
        None => {
            d.index.set(usize::MAX);
            None
        }
    }
}

fn seq_iter_traverse(h: &ObjHeader, visit: &mut dyn FnMut(&Value)) {
    // SAFETY: registered for list/tuple iterators only.
    let d = unsafe { payload_of::<SeqIterData>(h) };
    visit(&d.seq);
}

fn seq_iter_clear(h: &ObjHeader) {
    // Nothing to clear: this object is immutable, so any cycle through it also passes through
    // a mutable container whose own `clear` breaks it (CPython's tuple has no tp_clear either).
    let _ = h;
}

fn seq_iter_iternext(_vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let tuple_seq = std::ptr::eq(v.ty(), &TUPLE_ITER_TYPE.0);
    Ok(seq_iter_data(v).and_then(|d| seq_iter_next(d, tuple_seq)))
}

fn seq_iter_length_hint(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    crate::protocols::args::Spec::noargs("__length_hint__").check_in(vm, args[0].ty().name(), &args[1..], kw)?;
    let Some(d) = seq_iter_data(&args[0]) else { return Ok(Value::int(0)) };
    let i = d.index.get();
    if i == usize::MAX {
        return Ok(Value::int(0));
    }
    let len = match list::list_data(&d.seq) {
        Some(l) => l.len(),
        None => tuple::items(&d.seq).len(),
    };
    Ok(Value::int(len.saturating_sub(i) as i64))
}

static SEQ_ITER_METHODS: &[MethodDef] = &[MethodDef {
    name: "__length_hint__",
    func: seq_iter_length_hint,
    kind: MethodKind::Instance,
    doc: "Private method returning an estimate of len(list(it)).",
}];

// ----- list reverse iterator -------------------------------------------------------------

/// `reversed(list)` / `list.__reversed__()`: walks down from the end, re-checking the length.
pub struct ListRevIterData {
    seq: ValueCell,
    index: Cell<isize>,
}

impl Payload for ListRevIterData {
    fn class() -> &'static PyType {
        &LIST_REVITER_TYPE
    }
}

pub static LIST_REVITER_TYPE: StaticType = StaticType::new(
    "list_reverseiterator",
    Some(&crate::objects::object::OBJECT_TYPE),
    flags::HAVE_GC,
    std::mem::size_of::<PyObj<ListRevIterData>>(),
    dealloc_payload::<ListRevIterData>,
    LIST_REVITER_METHODS,
    &[],
)
.with_slots(SlotDefs {
    traverse: Some(list_reviter_traverse),
    clear: Some(list_reviter_clear),
    iter: Some(self_iter),
    iternext: Some(list_reviter_next),
    ..SlotDefs::EMPTY
});

/// A reverse iterator over a list.
pub fn new_list_reverse_iterator(list_value: Value) -> Value {
    let n = list::list_data(&list_value).map(|d| d.len()).unwrap_or(0) as isize;
    alloc_object(&LIST_REVITER_TYPE, ListRevIterData { seq: ValueCell::new(Some(list_value)), index: Cell::new(n - 1) })
}

fn list_reviter_next(_vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let d = v.downcast::<ListRevIterData>().expect("list_reverseiterator");
    let Some(seq) = d.seq.get() else { return Ok(None) };
    let i = d.index.get();
    if i >= 0 {
        if let Some(item) = list::list_data(&seq).and_then(|l| l.get(i as usize)) {
            d.index.set(i - 1);
            return Ok(Some(item));
        }
    }
    d.index.set(-1);
    d.seq.set(None);
    Ok(None)
}

fn list_reviter_length_hint(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    crate::protocols::args::Spec::noargs("__length_hint__").check_in(vm, args[0].ty().name(), &args[1..], kw)?;
    let d = args[0].downcast::<ListRevIterData>().expect("list_reverseiterator");
    let len = d.seq.get().and_then(|s| list::list_data(&s).map(|l| l.len())).unwrap_or(0) as isize;
    let i = d.index.get();
    Ok(Value::int(if i >= 0 && i < len { (i + 1) as i64 } else { 0 }))
}

static LIST_REVITER_METHODS: &[MethodDef] = &[MethodDef {
    name: "__length_hint__",
    func: list_reviter_length_hint,
    kind: MethodKind::Instance,
    doc: "Private method returning an estimate of len(list(it)).",
}];

fn list_reviter_traverse(h: &ObjHeader, visit: &mut dyn FnMut(&Value)) {
    // SAFETY: registered for list_reverseiterator only.
    unsafe { payload_of::<ListRevIterData>(h) }.seq.visit(visit);
}

fn list_reviter_clear(h: &ObjHeader) {
    // SAFETY: registered for list_reverseiterator only.
    unsafe { payload_of::<ListRevIterData>(h) }.seq.set(None);
}

// ----- str iterators ---------------------------------------------------------------------

/// Iterator over the code points of a str; `pos` is a byte offset into its UTF-8 text.
pub struct StrIterData {
    s: Value,
    pos: Cell<usize>,
}

impl Payload for StrIterData {
    fn class() -> &'static PyType {
        &STR_ITER_TYPE
    }
}

pub static STR_ITER_TYPE: StaticType = StaticType::new(
    "str_iterator",
    Some(&crate::objects::object::OBJECT_TYPE),
    0,
    std::mem::size_of::<PyObj<StrIterData>>(),
    dealloc_payload::<StrIterData>,
    STR_ITER_METHODS,
    &[],
)
.with_slots(SlotDefs {
    iter: Some(self_iter),
    iternext: Some(str_iter_next),
    ..SlotDefs::EMPTY
});

/// ASCII strings get their own iterator type name, as in CPython 3.12 (same payload).
pub static STR_ASCII_ITER_TYPE: StaticType = StaticType::new(
    "str_ascii_iterator",
    Some(&crate::objects::object::OBJECT_TYPE),
    0,
    std::mem::size_of::<PyObj<StrIterData>>(),
    dealloc_payload::<StrIterData>,
    STR_ITER_METHODS,
    &[],
)
.with_slots(SlotDefs {
    iter: Some(self_iter),
    iternext: Some(str_iter_next),
    ..SlotDefs::EMPTY
});

pub fn new_str_iterator(s: Value) -> Value {
    let ascii = pystr::str_data(&s).map(|d| d.is_ascii()).unwrap_or(true);
    let ty: &PyType = if ascii { &STR_ASCII_ITER_TYPE } else { &STR_ITER_TYPE };
    alloc_object(ty, StrIterData { s, pos: Cell::new(0) })
}

fn str_iter_data(v: &Value) -> &StrIterData {
    // SAFETY: the str iterator types are allocated only by `new_str_iterator` with this
    // payload, and these functions are registered on those types only.
    unsafe { v.payload_unchecked::<StrIterData>() }
}

/// Whether `v` is a str iterator (either of its two types).
#[inline]
pub fn is_str_iterator(v: &Value) -> bool {
    !v.is_small_int() && (std::ptr::eq(v.ty(), &STR_ASCII_ITER_TYPE.0) || std::ptr::eq(v.ty(), &STR_ITER_TYPE.0))
}

#[inline]
pub(crate) fn str_iter_next(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let d = str_iter_data(v);
    let bytes = pystr::str_data(&d.s).expect("str").as_bytes();
    let pos = d.pos.get();
    let Some(&b) = bytes.get(pos) else { return Ok(None) };
    if b < 0x80 {
        d.pos.set(pos + 1);
        return Ok(Some(vm.ascii_char(b)));
    }
    let (c, w) = crate::objects::str_wtf8::decode_at(bytes, pos);
    d.pos.set(pos + w);
    Ok(Some(pystr::code_point_value(vm, c)))
}

fn str_iter_length_hint(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    crate::protocols::args::Spec::noargs("__length_hint__").check_in(vm, args[0].ty().name(), &args[1..], kw)?;
    let d = str_iter_data(&args[0]);
    let bytes = pystr::str_data(&d.s).expect("str").as_bytes();
    Ok(Value::int(bytes.get(d.pos.get()..).map(crate::objects::str_wtf8::count).unwrap_or(0) as i64))
}

static STR_ITER_METHODS: &[MethodDef] = &[MethodDef {
    name: "__length_hint__",
    func: str_iter_length_hint,
    kind: MethodKind::Instance,
    doc: "Private method returning an estimate of len(list(it)).",
}];

// ----- the __getitem__ sequence iterator -------------------------------------------------

/// `iter(obj)` for objects with `__getitem__` but no `__iter__` (`PySeqIter_Type`).
pub struct GetItemIterData {
    seq: ValueCell,
    index: Cell<i64>,
}

impl Payload for GetItemIterData {
    fn class() -> &'static PyType {
        &GETITEM_ITER_TYPE
    }
}

pub static GETITEM_ITER_TYPE: StaticType = StaticType::new(
    "iterator",
    Some(&crate::objects::object::OBJECT_TYPE),
    flags::HAVE_GC,
    std::mem::size_of::<PyObj<GetItemIterData>>(),
    dealloc_payload::<GetItemIterData>,
    &[],
    &[],
)
.with_slots(SlotDefs {
    traverse: Some(getitem_iter_traverse),
    clear: Some(getitem_iter_clear),
    iter: Some(self_iter),
    iternext: Some(getitem_iter_next),
    ..SlotDefs::EMPTY
});

pub fn new_getitem_iterator(seq: Value) -> Value {
    alloc_object(&GETITEM_ITER_TYPE, GetItemIterData { seq: ValueCell::new(Some(seq)), index: Cell::new(0) })
}

fn getitem_iter_next(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let d = v.downcast::<GetItemIterData>().expect("iterator");
    let Some(seq) = d.seq.get() else { return Ok(None) };
    let i = d.index.get();
    match crate::protocols::object::getitem(vm, &seq, &Value::int(i)) {
        Ok(item) => {
            d.index.set(i.saturating_add(1));
            Ok(Some(item))
        }
        Err(e) if ends_sequence(&e) => {
            d.seq.set(None);
            Ok(None)
        }
        Err(e) => Err(e),
    }
}

fn getitem_iter_traverse(h: &ObjHeader, visit: &mut dyn FnMut(&Value)) {
    // SAFETY: registered for this type only.
    unsafe { payload_of::<GetItemIterData>(h) }.seq.visit(visit);
}

fn getitem_iter_clear(h: &ObjHeader) {
    // SAFETY: registered for this type only.
    unsafe { payload_of::<GetItemIterData>(h) }.seq.set(None);
}

// ----- callable iterator -----------------------------------------------------------------

/// `iter(callable, sentinel)`.
pub struct CallableIterData {
    func: ValueCell,
    sentinel: ValueCell,
}

impl Payload for CallableIterData {
    fn class() -> &'static PyType {
        &CALLABLE_ITER_TYPE
    }
}

pub static CALLABLE_ITER_TYPE: StaticType = StaticType::new(
    "callable_iterator",
    Some(&crate::objects::object::OBJECT_TYPE),
    flags::HAVE_GC,
    std::mem::size_of::<PyObj<CallableIterData>>(),
    dealloc_payload::<CallableIterData>,
    &[],
    &[],
)
.with_slots(SlotDefs {
    traverse: Some(callable_iter_traverse),
    clear: Some(callable_iter_clear),
    iter: Some(self_iter),
    iternext: Some(callable_iter_next),
    ..SlotDefs::EMPTY
});

pub fn new_callable_iterator(func: Value, sentinel: Value) -> Value {
    alloc_object(&CALLABLE_ITER_TYPE, CallableIterData { func: ValueCell::new(Some(func)), sentinel: ValueCell::new(Some(sentinel)) })
}

fn callable_iter_next(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let d = v.downcast::<CallableIterData>().expect("callable_iterator");
    let (Some(func), Some(sentinel)) = (d.func.get(), d.sentinel.get()) else { return Ok(None) };
    let r = match crate::protocols::call::call(vm, &func, &[], None) {
        Ok(r) => r,
        Err(e) if e.matches(exceptions::stop_iteration()) => {
            d.func.set(None);
            d.sentinel.set(None);
            return Ok(None);
        }
        Err(e) => return Err(e),
    };
    if crate::protocols::object::eq(vm, &r, &sentinel)? {
        d.func.set(None);
        d.sentinel.set(None);
        return Ok(None);
    }
    Ok(Some(r))
}

fn callable_iter_traverse(h: &ObjHeader, visit: &mut dyn FnMut(&Value)) {
    // SAFETY: registered for this type only.
    let d = unsafe { payload_of::<CallableIterData>(h) };
    d.func.visit(visit);
    d.sentinel.visit(visit);
}

fn callable_iter_clear(h: &ObjHeader) {
    // SAFETY: registered for this type only.
    let d = unsafe { payload_of::<CallableIterData>(h) };
    d.func.set(None);
    d.sentinel.set(None);
}

// ----- enumerate -------------------------------------------------------------------------

pub struct EnumerateData {
    it: ValueCell,
    count: ValueCell,
    result: tuple::ReusedPair,
}

impl Payload for EnumerateData {
    fn class() -> &'static PyType {
        &ENUMERATE_TYPE
    }
}

pub static ENUMERATE_TYPE: StaticType = StaticType::new(
    "enumerate",
    Some(&crate::objects::object::OBJECT_TYPE),
    flags::HAVE_GC | flags::BASETYPE,
    std::mem::size_of::<PyObj<EnumerateData>>(),
    dealloc_payload::<EnumerateData>,
    &[],
    &[],
)
.with_slots(SlotDefs {
    traverse: Some(enumerate_traverse),
    clear: Some(enumerate_clear),
    iter: Some(self_iter),
    iternext: Some(enumerate_next),
    new: Some(enumerate_new),
    ..SlotDefs::EMPTY
});

fn enumerate_new(vm: &mut Vm, cls: &Value, args: &[Value], kwnames: Option<&Value>) -> PyResult<Value> {
    // CPython's `enumerate_vectorcall` parses by hand, with its own messages.
    let keys: &[Value] = kwnames.map_or(&[], tuple::items);
    let nargs = args.len() - keys.len();
    let check = |vm: &mut Vm, i: usize, want: &str| -> PyResult<()> {
        let k = pystr::as_str(&keys[i]);
        if k == want { Ok(()) } else { Err(vm.type_error(format!("'{k}' is an invalid keyword argument for enumerate()"))) }
    };
    let (iterable, start) = match (args.len(), keys.len()) {
        (2, 1) => {
            check(vm, 0, "start")?;
            (args[0].clone(), Some(args[1].clone()))
        }
        (2, 2) if pystr::as_str(&keys[0]) == "start" => {
            check(vm, 1, "iterable")?;
            (args[1].clone(), Some(args[0].clone()))
        }
        (2, 2) => {
            check(vm, 0, "iterable")?;
            check(vm, 1, "start")?;
            (args[0].clone(), Some(args[1].clone()))
        }
        (2, _) => (args[0].clone(), Some(args[1].clone())),
        (1, 1) => {
            check(vm, 0, "iterable")?;
            (args[0].clone(), None)
        }
        (1, _) => (args[0].clone(), None),
        _ if nargs == 0 => return Err(vm.type_error("enumerate() missing required argument 'iterable'")),
        (n, _) => return Err(vm.type_error(format!("enumerate() takes at most 2 arguments ({n} given)"))),
    };
    let it = crate::protocols::iter::get_iter(vm, &iterable)?;
    let count = match start {
        Some(s) => crate::protocols::number::index(vm, &s)?,
        None => Value::small_int(0),
    };
    Ok(alloc_object(cls_type(cls), EnumerateData { it: ValueCell::new(Some(it)), count: ValueCell::new(Some(count)), result: Default::default() }))
}

fn enumerate_next(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let d = v.downcast::<EnumerateData>().expect("enumerate");
    let (Some(it), Some(count)) = (d.it.get(), d.count.get()) else { return Ok(None) };
    let Some(item) = crate::protocols::iter::next(vm, &it)? else { return Ok(None) };
    let next = match count.as_small_int() {
        Some(i) if i < crate::object::SMALL_INT_MAX => Value::small_int(i + 1),
        _ => crate::protocols::number::binary_op(vm, &count, &Value::small_int(1), pyrite_bytecode::opcode::binop::ADD as _)?,
    };
    d.count.set(Some(next));
    Ok(Some(d.result.make(count, item)))
}

fn enumerate_traverse(h: &ObjHeader, visit: &mut dyn FnMut(&Value)) {
    // SAFETY: registered for enumerate (and subclasses, which share the payload).
    let d = unsafe { payload_of::<EnumerateData>(h) };
    d.it.visit(visit);
    d.count.visit(visit);
    d.result.visit(visit);
    crate::typeobj::traverse_instance_extras(h, visit);
}

fn enumerate_clear(h: &ObjHeader) {
    // SAFETY: as for traverse.
    let d = unsafe { payload_of::<EnumerateData>(h) };
    d.it.set(None);
    d.count.set(None);
    d.result.clear();
    crate::typeobj::clear_instance_extras_gc(h);
}

// ----- zip -------------------------------------------------------------------------------

pub struct ZipData {
    iters: UnsafeCell<Vec<Value>>,
    strict: bool,
    done: Cell<bool>,
    /// The result pair of a zip of two, reused when free.
    pair: tuple::ReusedPair,
}

impl Payload for ZipData {
    fn class() -> &'static PyType {
        &ZIP_TYPE
    }
}

pub static ZIP_TYPE: StaticType = StaticType::new(
    "zip",
    Some(&crate::objects::object::OBJECT_TYPE),
    flags::HAVE_GC | flags::BASETYPE,
    std::mem::size_of::<PyObj<ZipData>>(),
    dealloc_payload::<ZipData>,
    &[],
    &[],
)
.with_slots(SlotDefs {
    traverse: Some(zip_traverse),
    clear: Some(zip_clear),
    iter: Some(self_iter),
    iternext: Some(zip_next),
    new: Some(zip_new),
    ..SlotDefs::EMPTY
});

impl ZipData {
    /// A snapshot of the iterators (cloned so no borrow spans a call into Python).
    fn iters(&self) -> Vec<Value> {
        // SAFETY: single-threaded; the borrow ends here.
        unsafe { (*self.iters.get()).clone() }
    }
    fn clear(&self) {
        // SAFETY: as above; the old vector is dropped after the swap.
        let old = unsafe { std::mem::take(&mut *self.iters.get()) };
        drop(old);
    }
}

fn zip_new(vm: &mut Vm, cls: &Value, args: &[Value], kwnames: Option<&Value>) -> PyResult<Value> {
    // `PyArg_ParseTupleAndKeywords(empty, kwds, "|$p:zip", ...)` on the keywords alone.
    const ZIP: Spec = Spec::keywords("zip", &[Param::kw_opt("strict")]);
    let npos = crate::protocols::args::npositional(args, kwnames);
    let pos = &args[..npos];
    let strict = match kwnames {
        None => false,
        Some(_) => match ZIP.parse(vm, &args[npos..], kwnames)? {
            [Some(s)] => crate::protocols::object::is_true(vm, s)?,
            [None] => false,
        },
    };
    let mut iters = Vec::with_capacity(pos.len());
    for a in pos {
        iters.push(crate::protocols::iter::get_iter(vm, a)?);
    }
    Ok(alloc_object(cls_type(cls), ZipData { iters: UnsafeCell::new(iters), strict, done: Cell::new(false), pair: Default::default() }))
}

fn zip_next(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let d = v.downcast::<ZipData>().expect("zip");
    if d.done.get() {
        return Ok(None);
    }
    let iters = d.iters();
    if iters.is_empty() {
        return Ok(None);
    }
    if iters.len() == 2 && !d.strict {
        // The common `for a, b in zip(xs, ys)`: no vector, and the pair reused.
        let Some(a) = crate::protocols::iter::next(vm, &iters[0])? else { return Ok(None) };
        let Some(b) = crate::protocols::iter::next(vm, &iters[1])? else { return Ok(None) };
        return Ok(Some(d.pair.make(a, b)));
    }
    let mut items = Vec::with_capacity(iters.len());
    for (i, it) in iters.iter().enumerate() {
        match crate::protocols::iter::next(vm, it)? {
            Some(x) => items.push(x),
            None => {
                if !d.strict {
                    return Ok(None);
                }
                d.done.set(true);
                let plural = |i: usize| if i == 1 { " ".to_string() } else { format!("s 1-") };
                if i > 0 {
                    return Err(vm.value_error(format!("zip() argument {} is shorter than argument{}{}", i + 1, plural(i), i)));
                }
                for (j, other) in iters.iter().enumerate().skip(1) {
                    if crate::protocols::iter::next(vm, other)?.is_some() {
                        return Err(vm.value_error(format!("zip() argument {} is longer than argument{}{}", j + 1, plural(j), j)));
                    }
                }
                return Ok(None);
            }
        }
    }
    Ok(Some(tuple::new_tuple(items)))
}

fn zip_traverse(h: &ObjHeader, visit: &mut dyn FnMut(&Value)) {
    // SAFETY: registered for zip and subclasses; traversal runs no Python code.
    let d = unsafe { payload_of::<ZipData>(h) };
    // SAFETY: the collector's visit runs no Python code, so the iterator vector is not replaced
    // while borrowed.
    for it in unsafe { &*d.iters.get() } {
        visit(it);
    }
    d.pair.visit(visit);
    crate::typeobj::traverse_instance_extras(h, visit);
}

fn zip_clear(h: &ObjHeader) {
    // SAFETY: as for traverse.
    let d = unsafe { payload_of::<ZipData>(h) };
    d.clear();
    d.pair.clear();
    crate::typeobj::clear_instance_extras_gc(h);
}

// ----- map -------------------------------------------------------------------------------

pub struct MapData {
    func: ValueCell,
    iters: UnsafeCell<Vec<Value>>,
}

impl Payload for MapData {
    fn class() -> &'static PyType {
        &MAP_TYPE
    }
}

pub static MAP_TYPE: StaticType = StaticType::new(
    "map",
    Some(&crate::objects::object::OBJECT_TYPE),
    flags::HAVE_GC | flags::BASETYPE,
    std::mem::size_of::<PyObj<MapData>>(),
    dealloc_payload::<MapData>,
    &[],
    &[],
)
.with_slots(SlotDefs {
    traverse: Some(map_traverse),
    clear: Some(map_clear),
    iter: Some(self_iter),
    iternext: Some(map_next),
    new: Some(map_new),
    ..SlotDefs::EMPTY
});

fn map_new(vm: &mut Vm, cls: &Value, args: &[Value], kwnames: Option<&Value>) -> PyResult<Value> {
    if std::ptr::eq(cls_type(cls), &MAP_TYPE.0) {
        crate::protocols::args::no_kwargs(vm, "map", kwnames)?;
    }
    let pos = &args[..crate::protocols::args::npositional(args, kwnames)];
    if pos.len() < 2 {
        return Err(vm.type_error("map() must have at least two arguments."));
    }
    let mut iters = Vec::with_capacity(pos.len() - 1);
    for a in &pos[1..] {
        iters.push(crate::protocols::iter::get_iter(vm, a)?);
    }
    Ok(alloc_object(cls_type(cls), MapData { func: ValueCell::new(Some(pos[0].clone())), iters: UnsafeCell::new(iters) }))
}

fn map_next(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let d = v.downcast::<MapData>().expect("map");
    let Some(func) = d.func.get() else { return Ok(None) };
    // SAFETY: single-threaded; the borrow ends with the clone.
    let iters = unsafe { (*d.iters.get()).clone() };
    let mut items = Vec::with_capacity(iters.len());
    for it in &iters {
        match crate::protocols::iter::next(vm, it)? {
            Some(x) => items.push(x),
            None => return Ok(None),
        }
    }
    crate::protocols::call::call(vm, &func, &items, None).map(Some)
}

fn map_traverse(h: &ObjHeader, visit: &mut dyn FnMut(&Value)) {
    // SAFETY: registered for map and subclasses; traversal runs no Python code.
    let d = unsafe { payload_of::<MapData>(h) };
    d.func.visit(visit);
    // SAFETY: the collector's visit runs no Python code, so the iterator vector is not replaced
    // while borrowed.
    for it in unsafe { &*d.iters.get() } {
        visit(it);
    }
    crate::typeobj::traverse_instance_extras(h, visit);
}

fn map_clear(h: &ObjHeader) {
    // SAFETY: as for traverse; the old vector is dropped after the swap.
    let d = unsafe { payload_of::<MapData>(h) };
    d.func.set(None);
    // SAFETY: no other borrow of the vector is alive; the old iterators are dropped after the swap.
    let old = unsafe { std::mem::take(&mut *d.iters.get()) };
    drop(old);
    crate::typeobj::clear_instance_extras_gc(h);
}

// ----- filter ----------------------------------------------------------------------------

pub struct FilterData {
    func: ValueCell,
    it: ValueCell,
}

impl Payload for FilterData {
    fn class() -> &'static PyType {
        &FILTER_TYPE
    }
}

pub static FILTER_TYPE: StaticType = StaticType::new(
    "filter",
    Some(&crate::objects::object::OBJECT_TYPE),
    flags::HAVE_GC | flags::BASETYPE,
    std::mem::size_of::<PyObj<FilterData>>(),
    dealloc_payload::<FilterData>,
    &[],
    &[],
)
.with_slots(SlotDefs {
    traverse: Some(filter_traverse),
    clear: Some(filter_clear),
    iter: Some(self_iter),
    iternext: Some(filter_next),
    new: Some(filter_new),
    ..SlotDefs::EMPTY
});

fn filter_new(vm: &mut Vm, cls: &Value, args: &[Value], kwnames: Option<&Value>) -> PyResult<Value> {
    if std::ptr::eq(cls_type(cls), &FILTER_TYPE.0) {
        crate::protocols::args::no_kwargs(vm, "filter", kwnames)?;
    }
    let pos = &args[..crate::protocols::args::npositional(args, kwnames)];
    // Subclasses may take keywords; the base's positional check applies to all.
    const FILTER: Spec = Spec::positional("filter", &[Param::pos("function"), Param::pos("iterable")]);
    let [func, seq] = FILTER.check(vm, pos, None)? else { unreachable!("checked") };
    let it = crate::protocols::iter::get_iter(vm, seq)?;
    Ok(alloc_object(cls_type(cls), FilterData { func: ValueCell::new(Some(func.clone())), it: ValueCell::new(Some(it)) }))
}

fn filter_next(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let d = v.downcast::<FilterData>().expect("filter");
    let (Some(func), Some(it)) = (d.func.get(), d.it.get()) else { return Ok(None) };
    let is_bool_type = std::ptr::eq(func.as_ptr(), &crate::objects::none::BOOL_TYPE.0.header);
    loop {
        let Some(item) = crate::protocols::iter::next(vm, &it)? else { return Ok(None) };
        let keep = if none::is_none(&func) || is_bool_type {
            crate::protocols::object::is_true(vm, &item)?
        } else {
            let r = crate::protocols::call::call(vm, &func, std::slice::from_ref(&item), None)?;
            crate::protocols::object::is_true(vm, &r)?
        };
        if keep {
            return Ok(Some(item));
        }
    }
}

fn filter_traverse(h: &ObjHeader, visit: &mut dyn FnMut(&Value)) {
    // SAFETY: registered for filter and subclasses.
    let d = unsafe { payload_of::<FilterData>(h) };
    d.func.visit(visit);
    d.it.visit(visit);
    crate::typeobj::traverse_instance_extras(h, visit);
}

fn filter_clear(h: &ObjHeader) {
    // SAFETY: as for traverse.
    let d = unsafe { payload_of::<FilterData>(h) };
    d.func.set(None);
    d.it.set(None);
    crate::typeobj::clear_instance_extras_gc(h);
}

// ----- reversed --------------------------------------------------------------------------

pub struct ReversedData {
    seq: ValueCell,
    index: Cell<isize>,
}

impl Payload for ReversedData {
    fn class() -> &'static PyType {
        &REVERSED_TYPE
    }
}

pub static REVERSED_TYPE: StaticType = StaticType::new(
    "reversed",
    Some(&crate::objects::object::OBJECT_TYPE),
    flags::HAVE_GC | flags::BASETYPE,
    std::mem::size_of::<PyObj<ReversedData>>(),
    dealloc_payload::<ReversedData>,
    REVERSED_METHODS,
    &[],
)
.with_slots(SlotDefs {
    traverse: Some(reversed_traverse),
    clear: Some(reversed_clear),
    iter: Some(self_iter),
    iternext: Some(reversed_next),
    new: Some(reversed_new),
    ..SlotDefs::EMPTY
});

/// Is `v` a sequence for `reversed()` (`PySequence_Check`: has item access, not a dict)?
fn is_sequence(v: &Value) -> bool {
    let ty = v.ty();
    ty.slots.getitem.get().is_some() && !ty.has_flag(flags::DICT_SUBCLASS)
}

fn reversed_new(vm: &mut Vm, cls: &Value, args: &[Value], kwnames: Option<&Value>) -> PyResult<Value> {
    if std::ptr::eq(cls_type(cls), &REVERSED_TYPE.0) {
        crate::protocols::args::no_kwargs(vm, "reversed", kwnames)?;
    }
    let pos = &args[..crate::protocols::args::npositional(args, kwnames)];
    const REVERSED: Spec = Spec::positional("reversed", &[Param::pos("sequence")]);
    let [seq] = REVERSED.check(vm, pos, None)? else { unreachable!("checked") };
    match seq.ty().lookup_str(vm, "__reversed__") {
        Some(m) if none::is_none(&m) => {
            return Err(vm.type_error(format!("'{}' object is not reversible", seq.ty().name())));
        }
        Some(m) => return crate::protocols::call::call_method_value(vm, &m, seq, &[]),
        None => {}
    }
    if !is_sequence(seq) {
        return Err(vm.type_error(format!("'{}' object is not reversible", seq.ty().name())));
    }
    let n = crate::protocols::object::len(vm, seq)? as isize;
    Ok(alloc_object(cls_type(cls), ReversedData { seq: ValueCell::new(Some(seq.clone())), index: Cell::new(n - 1) }))
}

fn reversed_next(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let d = v.downcast::<ReversedData>().expect("reversed");
    let Some(seq) = d.seq.get() else { return Ok(None) };
    let i = d.index.get();
    if i >= 0 {
        match crate::protocols::object::getitem(vm, &seq, &Value::int(i as i64)) {
            Ok(item) => {
                d.index.set(i - 1);
                return Ok(Some(item));
            }
            Err(e) if ends_sequence(&e) => {}
            Err(e) => return Err(e),
        }
    }
    d.index.set(-1);
    d.seq.set(None);
    Ok(None)
}

fn reversed_length_hint(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    crate::protocols::args::Spec::noargs("__length_hint__").check_in(vm, args[0].ty().name(), &args[1..], kw)?;
    let d = args[0].downcast::<ReversedData>().expect("reversed");
    let Some(seq) = d.seq.get() else { return Ok(Value::int(0)) };
    let n = crate::protocols::object::len(vm, &seq)? as isize;
    let i = d.index.get();
    Ok(Value::int(if n < i + 1 { 0 } else { (i + 1) as i64 }))
}

static REVERSED_METHODS: &[MethodDef] = &[MethodDef {
    name: "__length_hint__",
    func: reversed_length_hint,
    kind: MethodKind::Instance,
    doc: "Private method returning an estimate of len(list(it)).",
}];

fn reversed_traverse(h: &ObjHeader, visit: &mut dyn FnMut(&Value)) {
    // SAFETY: registered for reversed and subclasses.
    unsafe { payload_of::<ReversedData>(h) }.seq.visit(visit);
    crate::typeobj::traverse_instance_extras(h, visit);
}

fn reversed_clear(h: &ObjHeader) {
    // SAFETY: as for traverse.
    unsafe { payload_of::<ReversedData>(h) }.seq.set(None);
    crate::typeobj::clear_instance_extras_gc(h);
}

// ----- registration ----------------------------------------------------------------------
