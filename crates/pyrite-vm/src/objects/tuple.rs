//! `tuple` (CPython: `Objects/tupleobject.c`).

use std::cell::UnsafeCell;
use std::cell::Cell;

use crate::object::free_list::FreeList;
use crate::object::{alloc_object_with_tail, dealloc_payload, ObjHeader, Payload, PyObj, Value};
use crate::objects::{none, str as pystr};
use crate::typeobj::{flags, payload_of, CompareOp, MethodDef, MethodKind, PyType, StaticType, SlotDefs, nb_slots};
use crate::vm::{PyResult, Vm};
use pyrite_bytecode::opcode::binop;

/// A tuple's items live in its own block, after the fixed part (one allocation per tuple,
/// as CPython's `ob_item`); `ptr` points at them (after a subclass's dict and slot cells too).
pub struct TupleData {
    ptr: *mut Value,
    len: usize,
}

impl TupleData {
    #[inline(always)]
    pub fn items(&self) -> &[Value] {
        // SAFETY: `ptr` addresses `len` initialised values in this object's block, which
        // lives at least as long as the borrow of its payload; tuples are never mutated.
        unsafe { std::slice::from_raw_parts(self.ptr, self.len) }
    }
}

impl Drop for TupleData {
    fn drop(&mut self) {
        // SAFETY: the items are owned by the dying tuple and dropped exactly once, here.
        unsafe { std::ptr::drop_in_place(std::ptr::slice_from_raw_parts_mut(self.ptr, self.len)) }
    }
}

impl Payload for TupleData {
    fn class() -> &'static PyType {
        &TUPLE_TYPE
    }
    #[inline(always)]
    fn tail_len(&self) -> usize {
        self.len * std::mem::size_of::<Value>()
    }
}

pub static TUPLE_TYPE: StaticType = StaticType::new(
    "tuple",
    Some(&crate::objects::object::OBJECT_TYPE),
    flags::BASETYPE | flags::TUPLE_SUBCLASS | flags::HAVE_GC | flags::IMMUTABLE,
    std::mem::size_of::<PyObj<TupleData>>(),
    tuple_dealloc,
    TUPLE_METHODS,
    &[],
)
.with_slots(SlotDefs {
    traverse: Some(tuple_traverse),
    clear: Some(tuple_clear),
    repr: Some(tuple_repr),
    hash: Some(tuple_hash),
    richcompare: Some(tuple_richcompare),
    iter: Some(tuple_iter),
    new: Some(tuple_new),
    nb: nb_slots(&[(binop::ADD, tuple_add), (binop::MULTIPLY, tuple_mul)]),
    len: Some(tuple_len),
    getitem: Some(tuple_getitem),
    contains: Some(tuple_contains),
    ..SlotDefs::EMPTY
});

// Free lists of dead exact tuples, one per length 1..=FREE_MAX_LEN (CPython keeps them for
// lengths below 20): a block is reused whole (GC head, header, payload and items) for the
// next tuple of its length.

use crate::object::free_list::TUPLE_FREE_MAX_LEN as FREE_MAX_LEN;
const FREE_PER_LEN: usize = 64;

/// `dealloc` for tuples: small exact tuples keep their block on a free list.
///
/// # Safety
/// Called by the object core on a tuple (or subclass instance) whose count reached zero.
unsafe fn tuple_dealloc(obj: *mut ObjHeader) {
    // SAFETY: the object core calls this once, on a tuple whose count reached zero: its items are
    // dropped once and the block (allocated for this type and length) is freed or kept on the free
    // list of its length.
    unsafe {
        let n = (*(obj as *mut PyObj<TupleData>)).data.len;
        if !std::ptr::eq((*obj).ob_type.get(), &TUPLE_TYPE.0) || !(1..=FREE_MAX_LEN).contains(&n) {
            return dealloc_payload::<TupleData>(obj);
        }
        crate::gc::untrack(obj);
        // The items go first: their deallocation may put other tuples on the lists.
        std::ptr::drop_in_place(&mut (*(obj as *mut PyObj<TupleData>)).data);
        // SAFETY: the block is dead, untracked, its payload dropped.
        let kept = crate::pystate::interp().free_lists.tuples[n].push(obj, FREE_PER_LEN);
        if !kept {
            crate::object::free_with_tail::<TupleData>(obj, &TUPLE_TYPE, n * std::mem::size_of::<Value>());
        }
    }
}

/// A block of a dead exact tuple of length `n` from the free list, if any.
#[inline]
fn pop_free(n: usize) -> Option<*mut ObjHeader> {
    crate::pystate::interp().free_lists.tuples[n].pop()
}

/// Free the blocks kept by the free list of tuples of length `n` (interpreter teardown).
pub(crate) fn drain_free_list(list: &FreeList, n: usize) {
    // SAFETY: blocks on the list are dead, untracked exact tuples of length `n`.
    list.drain(|obj| unsafe { crate::object::free_with_tail::<TupleData>(obj, &TUPLE_TYPE, n * std::mem::size_of::<Value>()) });
}

/// A tuple of class `ty` (tuple or a subclass) of `n` items that `fill` writes, in order, to
/// the `n` slots it is given (uninitialised). Every tuple is made here.
///
/// # Safety
/// `fill` must initialise all `n` slots with owned values.
unsafe fn alloc_tuple(ty: &PyType, n: usize, fill: impl FnOnce(*mut Value)) -> Value {
    // SAFETY: the block is allocated for `n` item slots and `fill` initialises all of them (the
    // caller's contract (`# Safety` above)) before the tuple is published; the payload pointer and
    // length describe exactly that tail.
    unsafe {
        if std::ptr::eq(ty, &TUPLE_TYPE.0) && (1..=FREE_MAX_LEN).contains(&n) {
            if let Some(obj) = pop_free(n) {
                // A whole block of an exact tuple of this length: header, payload, items.
                let ptr = (obj as *mut u8).add(crate::object::tail_offset::<TupleData>(ty)) as *mut Value;
                fill(ptr);
                std::ptr::write(
                    obj as *mut PyObj<TupleData>,
                    PyObj { header: ObjHeader { refcnt: Cell::new(1), ob_type: Cell::new(ty) }, data: TupleData { ptr, len: n } },
                );
                crate::gc::track_new(obj);
                return Value::from_header(std::ptr::NonNull::new_unchecked(obj));
            }
        }
        alloc_object_with_tail(ty, n * std::mem::size_of::<Value>(), |tail| {
            let ptr = tail as *mut Value;
            fill(ptr);
            TupleData { ptr, len: n }
        })
    }
}

fn tuple_of(ty: &PyType, items: Vec<Value>) -> Value {
    let mut items = std::mem::ManuallyDrop::new(items);
    let n = items.len();
    // SAFETY: the `n` values move from the vector's buffer into the tuple; the buffer is then
    // freed without dropping them (length set to 0).
    unsafe {
        let t = alloc_tuple(ty, n, |dst| std::ptr::copy_nonoverlapping(items.as_ptr(), dst, n));
        items.set_len(0);
        std::mem::ManuallyDrop::drop(&mut items);
        t
    }
}

pub fn new_tuple(items: Vec<Value>) -> Value {
    tuple_of(&TUPLE_TYPE, items)
}

/// CPython's result-tuple reuse for iterators that yield fresh pairs (enumerate, zip of two,
/// dict items): the iterator keeps the last pair it returned, and when nobody else holds it any
/// more (the loop unpacked it and let it go), the next pair is written into it instead of a new
/// tuple being allocated. Nothing else can see the change: the tuple's only reference is this
/// one. As in CPython, the kept pair holds its items until the next step or the iterator's end.
pub struct ReusedPair(UnsafeCell<Option<Value>>);

impl Default for ReusedPair {
    fn default() -> Self {
        ReusedPair(UnsafeCell::new(None))
    }
}

impl ReusedPair {
    /// `(a, b)`, in the kept tuple when it is free.
    #[inline]
    pub fn make(&self, a: Value, b: Value) -> Value {
        // SAFETY: single-threaded; no borrow of the cell is held across this call.
        let cell = unsafe { &mut *self.0.get() };
        if let Some(t) = cell.as_ref() {
            if t.refcount() == 1 {
                // SAFETY: an exact 2-tuple (only `make` fills the cell) that nobody else
                // references; its items are replaced, the old ones dropped after.
                let (old_a, old_b) = unsafe {
                    let d = t.payload_unchecked::<TupleData>();
                    (std::ptr::replace(d.ptr, a), std::ptr::replace(d.ptr.add(1), b))
                };
                let t = t.clone();
                drop(old_a);
                drop(old_b);
                return t;
            }
        }
        let t = pair(a, b);
        let old = cell.replace(t.clone());
        drop(old);
        t
    }

    /// Visit the kept tuple (the owner's GC traversal).
    pub fn visit(&self, visit: &mut dyn FnMut(&Value)) {
        // SAFETY: traversal runs no Python code.
        if let Some(t) = unsafe { &*self.0.get() } {
            visit(t);
        }
    }

    /// Let the kept tuple go (the owner's GC clear).
    pub fn clear(&self) {
        // SAFETY: as in `make`; the tuple is dropped after the cell is emptied.
        let old = unsafe { (*self.0.get()).take() };
        drop(old);
    }
}

/// `(a, b)`: dict items, enumerate, zip, divmod...: no intermediate vector.
pub fn pair(a: Value, b: Value) -> Value {
    // SAFETY: both slots are written.
    unsafe {
        alloc_tuple(&TUPLE_TYPE, 2, |dst| {
            std::ptr::write(dst, a);
            std::ptr::write(dst.add(1), b);
        })
    }
}

/// A tuple of the `n` values in the stack slots at `slots` (BUILD_TUPLE), which are left
/// empty.
///
/// # Safety
/// The `n` slots are live and all hold a value.
// Out of line: inlined into the eval loop it disturbs the loop's register allocation.
#[inline(never)]
pub unsafe fn take_from_slots(slots: *mut Option<Value>, n: usize) -> Value {
    // SAFETY: by the caller's contract (`# Safety` above) the `n` slots are live and hold values,
    // which are moved (read once, then the slots are set to `None`) into the new tuple.
    unsafe {
        alloc_tuple(&TUPLE_TYPE, n, |dst| {
            for i in 0..n {
                std::ptr::write(dst.add(i), (*slots.add(i)).take().unwrap_unchecked());
            }
        })
    }
}

pub fn new_subclass_instance(cls: &PyType, items: Vec<Value>) -> Value {
    tuple_of(cls, items)
}

pub fn empty_tuple() -> Value {
    new_tuple(Vec::new())
}

/// The items of a value known to be a tuple (empty slice otherwise).
#[inline]
pub fn items(v: &Value) -> &[Value] {
    match v.downcast::<TupleData>() {
        Some(t) => t.items(),
        None => &[],
    }
}

/// The items of the tuple (or tuple subclass instance) with header `h`.
///
/// # Safety
/// `h` must be the header of a live tuple.
#[inline]
pub(crate) unsafe fn items_of_header(h: &ObjHeader) -> &[Value] {
    // SAFETY: by the caller's contract (`# Safety` above) `h` heads a live tuple, whose payload
    // describes `len` initialised items in its block; the borrow is tied to `h`.
    unsafe { payload_of::<TupleData>(h).items() }
}

/// The items if `v` is exactly a tuple (not a subclass instance).
#[inline]
pub fn exact_items(v: &Value) -> Option<&[Value]> {
    v.downcast_exact::<TupleData>().map(|t| t.items())
}

#[inline]
pub fn try_items(v: &Value) -> Option<&[Value]> {
    v.downcast::<TupleData>().map(|t| t.items())
}

fn tuple_traverse(h: &ObjHeader, visit: &mut dyn FnMut(&Value)) {
    // SAFETY: called for tuples only.
    let d = unsafe { payload_of::<TupleData>(h) };
    for v in d.items().iter() {
        visit(v);
    }
    crate::typeobj::traverse_instance_extras(h, visit);
}

fn tuple_clear(h: &ObjHeader) {
    // Nothing to clear: this object is immutable, so any cycle through it also passes through
    // a mutable container whose own `clear` breaks it (CPython's tuple has no tp_clear either).
    let _ = h;
}

fn tuple_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let items = items(v).to_vec();
    if items.is_empty() {
        return Ok(pystr::new_str("()"));
    }
    if !vm.repr_enter(v) {
        return Ok(pystr::new_str("(...)"));
    }
    let mut out = String::from("(");
    let mut res = Ok(());
    for (i, it) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        match crate::protocols::object::repr(vm, it) {
            Ok(r) => out.push_str(pystr::as_str(&r)),
            Err(e) => {
                res = Err(e);
                break;
            }
        }
    }
    vm.repr_leave(v);
    res?;
    if items.len() == 1 {
        out.push(',');
    }
    out.push(')');
    Ok(pystr::from_string(out))
}

/// CPython's tuple hash (xxHash-based, 3.8+).
pub fn hash_items(vm: &mut Vm, items: &[Value]) -> PyResult<i64> {
    const P1: u64 = 11400714785074694791;
    const P2: u64 = 14029467366897019727;
    const P5: u64 = 2870177450012600261;
    let mut acc: u64 = P5;
    for it in items {
        let lane = crate::protocols::object::hash(vm, it)? as u64;
        acc = acc.wrapping_add(lane.wrapping_mul(P2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(P1);
    }
    acc = acc.wrapping_add((items.len() as u64) ^ (P5 ^ 3527539));
    if acc == u64::MAX {
        return Ok(1546275796);
    }
    Ok(acc as i64)
}

fn tuple_hash(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    // Immutable items, kept alive by `v`: hash them in place.
    hash_items(vm, items(v))
}

fn tuple_richcompare(vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
    let (Some(x), Some(y)) = (try_items(a), try_items(b)) else {
        return Ok(none::not_implemented());
    };
    // Tuples are immutable and `a`, `b` are kept alive by the caller, so the item slices stay
    // valid across the element comparisons (which may run Python code): no copies needed.
    crate::protocols::object::compare_sequences(vm, x, y, op)
}

fn tuple_len(_vm: &mut Vm, v: &Value) -> PyResult<usize> {
    Ok(items(v).len())
}

fn tuple_contains(vm: &mut Vm, v: &Value, item: &Value) -> PyResult<bool> {
    for it in items(v) {
        if crate::protocols::object::eq(vm, it, item)? {
            return Ok(true);
        }
    }
    Ok(false)
}

fn tuple_getitem(vm: &mut Vm, v: &Value, index: &Value) -> PyResult<Value> {
    let items = items(v);
    if let Some(slice) = index.downcast::<crate::objects::slice::SliceData>() {
        let picked = slice.pick(vm, items)?;
        return Ok(new_tuple(picked));
    }
    if !crate::protocols::number::has_index(index) {
        return Err(vm.type_error(format!("tuple indices must be integers or slices, not {}", index.ty().name())));
    }
    let i = crate::objects::int::index_to_isize(vm, index)?;
    let n = items.len() as isize;
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(vm.index_error("tuple index out of range"));
    }
    Ok(items[j as usize].clone())
}

fn tuple_add(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    let _ = vm;
    match (try_items(a), try_items(b)) {
        (Some(x), Some(y)) => {
            let mut v = Vec::with_capacity(x.len() + y.len());
            v.extend_from_slice(x);
            v.extend_from_slice(y);
            Ok(new_tuple(v))
        }
        _ => Ok(none::not_implemented()),
    }
}

fn tuple_mul(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    let (items, n) = match (try_items(a), try_items(b)) {
        (Some(s), None) => (s, b),
        (None, Some(s)) => (s, a),
        _ => return Ok(none::not_implemented()),
    };
    if !crate::protocols::number::has_index(n) {
        return Ok(none::not_implemented());
    }
    let items = items.to_vec();
    let count = crate::objects::int::repeat_count(vm, n)?;
    if count <= 0 {
        return Ok(empty_tuple());
    }
    if (items.len() as u128) * (count as u128) > (1u128 << 40) {
        return Err(vm.memory_error());
    }
    let mut v = Vec::with_capacity(items.len() * count as usize);
    for _ in 0..count {
        v.extend_from_slice(&items);
    }
    Ok(new_tuple(v))
}

fn tuple_iter(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(crate::objects::iter::new_seq_iterator(v.clone(), true))
}

fn tuple_new(vm: &mut Vm, cls: &Value, args: &[Value], kwnames: Option<&Value>) -> PyResult<Value> {
    // Subclasses may take keywords (for their `__init__`); only the positional part is checked.
    const NEW: crate::protocols::args::Spec = crate::protocols::args::Spec::positional("tuple", &[crate::protocols::args::Param::pos_opt("iterable")]);
    if std::ptr::eq(cls.as_ptr(), &TUPLE_TYPE.0.header) {
        crate::protocols::args::no_kwargs(vm, "tuple", kwnames)?;
    }
    let npos = crate::protocols::args::npositional(args, kwnames);
    let items = match NEW.parse(vm, &args[..npos], None)? {
        [None] => Vec::new(),
        [Some(it)] => crate::protocols::iter::collect(vm, it)?,
    };
    // SAFETY: `cls` is a type.
    let cls_ty = unsafe { cls.as_type_unchecked() };
    if std::ptr::eq(cls_ty, &TUPLE_TYPE.0) {
        Ok(new_tuple(items))
    } else {
        Ok(new_subclass_instance(cls_ty, items))
    }
}

fn tuple_index(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    const INDEX: crate::protocols::args::Spec = crate::protocols::args::Spec::positional("tuple.index", &[crate::protocols::args::Param::pos("value"), crate::protocols::args::Param::pos_opt("start"), crate::protocols::args::Param::pos_opt("stop")]);
    let [x, rest @ ..] = INDEX.check(vm, &args[1..], kw)? else { unreachable!("checked") };
    let this = &args[0];
    let items = items(this).to_vec();
    let (start, stop) = crate::objects::list::start_stop_args(vm, rest, items.len())?;
    for (i, it) in items.iter().enumerate().take(stop).skip(start) {
        if crate::protocols::object::eq(vm, it, x)? {
            return Ok(Value::int(i as i64));
        }
    }
    Err(vm.value_error("tuple.index(x): x not in tuple"))
}

fn tuple_count(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    let x = crate::protocols::args::Spec::one("tuple.count").arg(vm, &args[1..], kw)?;
    let this = &args[0];
    let items = items(this).to_vec();
    let mut n = 0;
    for it in &items {
        if crate::protocols::object::eq(vm, it, x)? {
            n += 1;
        }
    }
    Ok(Value::int(n))
}

fn tuple_getnewargs(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    crate::protocols::args::Spec::noargs("tuple.__getnewargs__").check(vm, &args[1..], kw)?;
    Ok(new_tuple(vec![new_tuple(items(&args[0]).to_vec())]))
}

pub static TUPLE_METHODS: &[MethodDef] = &[
    MethodDef { name: "index", func: tuple_index, kind: MethodKind::Instance, doc: "Return first index of value." },
    MethodDef { name: "count", func: tuple_count, kind: MethodKind::Instance, doc: "Return number of occurrences of value." },
    MethodDef { name: "__getnewargs__", func: tuple_getnewargs, kind: MethodKind::Instance, doc: "" },
];
