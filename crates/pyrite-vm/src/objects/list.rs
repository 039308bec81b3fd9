//! `list` (CPython: `Objects/listobject.c`).
//!
//! The items live in an `UnsafeCell<Vec<Value>>`. Rule: never hold a borrow of the vector
//! across a call that can run Python code (comparisons, `__eq__`, key functions); copy the
//! needed items out first, or take the vector out (as `sort` does).

use std::cell::UnsafeCell;

use crate::object::access::AccessFlag;
use crate::object::{alloc_object, dealloc_payload, ObjHeader, Payload, PyObj, Value};
use crate::objects::{none, str as pystr};
use crate::typeobj::{flags, payload_of, CompareOp, PyType, StaticType, SlotDefs, nb_slots};
use crate::vm::{PyResult, Vm};
use pyrite_bytecode::opcode::binop;

pub struct ListData {
    items: UnsafeCell<Vec<Value>>,
    /// Debug builds: `items` is lent to a `with_vec` closure.
    access: AccessFlag,
}

impl Payload for ListData {
    fn class() -> &'static PyType {
        &LIST_TYPE
    }
}

impl ListData {
    pub fn new(items: Vec<Value>) -> ListData {
        ListData { items: UnsafeCell::new(items), access: AccessFlag::new() }
    }
    /// Run `f` with the item vector, the one way to reach it (read or write).
    ///
    /// Rule: `f` must not run Python code, nor anything that can (a call that re-enters the
    /// interpreter: `eq`, `hash` of a non-str, `repr`, a call, a safe point of the eval loop
    /// or the collector), and must not reach this list again through another reference: the
    /// `&mut` is the only live borrow of the vector while `f` runs. Dropping a `Value` inside
    /// `f` is allowed: deallocation never runs Python code (`__del__` and weakref callbacks
    /// are queued for the next safe point, see `gc::run_finalizer_on_dealloc`) and never
    /// reads another list's items.
    #[inline(always)]
    pub fn with_vec<R>(&self, f: impl FnOnce(&mut Vec<Value>) -> R) -> R {
        let _scope = self.access.enter();
        // SAFETY: the interpreter is single-threaded (the payload is reachable only from the
        // thread its interpreter is attached to), and by the rule above no other borrow of
        // the vector is created while `f` runs, so this `&mut` is unique for its lifetime,
        // which ends with `f`.
        f(unsafe { &mut *self.items.get() })
    }
    #[inline(always)]
    pub fn len(&self) -> usize {
        self.with_vec(|v| v.len())
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// The item at `i` (a new reference), if in range.
    #[inline(always)]
    pub fn get(&self, i: usize) -> Option<Value> {
        self.with_vec(|v| v.get(i).cloned())
    }
    #[inline(always)]
    pub fn push(&self, v: Value) {
        self.with_vec(|items| items.push(v))
    }
    /// Replace the item at `i` (in range) and return the old one, for the caller to drop.
    #[inline]
    pub fn set(&self, i: usize, v: Value) -> Value {
        self.with_vec(|items| std::mem::replace(&mut items[i], v))
    }
    /// The address of item `i`, if in range, for STORE_SUBSCR_LIST_INT. Writing through it is
    /// sound only while the list is alive and nothing has changed its length or buffer since
    /// (no Python code ran).
    #[inline(always)]
    pub fn item_ptr(&self, i: usize) -> Option<*mut Value> {
        self.with_vec(|v| v.get_mut(i).map(|c| c as *mut Value))
    }
    /// Borrow the items without copying them.
    ///
    /// # Safety
    /// While the slice lives, no Python code may run and nothing may change this list (no
    /// `with_vec` or other mutating call on it, no drop of the last reference to it).
    #[inline(always)]
    pub unsafe fn items_unchecked(&self) -> &[Value] {
        // SAFETY: the caller guarantees that no `&mut` to the vector is created while the
        // slice lives, so this shared borrow does not alias a unique one.
        unsafe { (*self.items.get()).as_slice() }
    }
    /// A snapshot of the items (for iteration that calls into Python).
    pub fn snapshot(&self) -> Vec<Value> {
        self.with_vec(|v| v.clone())
    }
    /// A copy of the items `lo..hi` (a valid range).
    pub fn copy_range(&self, lo: usize, hi: usize) -> Vec<Value> {
        self.with_vec(|v| v[lo..hi].to_vec())
    }
    /// Replace the contents; the old items are dropped after the swap (their `__del__`
    /// may see the list, which is already consistent).
    pub fn replace(&self, items: Vec<Value>) {
        let old = self.take_replace(items);
        drop(old);
    }
    /// Replace the contents and hand back the old items.
    #[inline]
    pub fn take_replace(&self, items: Vec<Value>) -> Vec<Value> {
        self.with_vec(|v| std::mem::replace(v, items))
    }
    /// Append `items`.
    pub fn extend(&self, items: Vec<Value>) {
        self.with_vec(|v| v.extend(items))
    }
}

pub static LIST_TYPE: StaticType = StaticType::new(
    "list",
    Some(&crate::objects::object::OBJECT_TYPE),
    flags::BASETYPE | flags::LIST_SUBCLASS | flags::HAVE_GC,
    std::mem::size_of::<PyObj<ListData>>(),
    dealloc_payload::<ListData>,
    crate::objects::list_methods::LIST_METHODS,
    &[],
)
.with_slots(SlotDefs {
    traverse: Some(list_traverse),
    clear: Some(list_clear),
    repr: Some(list_repr),
    // Lists are unhashable.
    hash: Some(crate::objects::object::hash_not_implemented),
    richcompare: Some(list_richcompare),
    iter: Some(list_iter),
    new: Some(list_new),
    init: Some(list_init),
    nb: nb_slots(&[(binop::ADD, list_add), (binop::MULTIPLY, list_mul)]),
    nb_inplace: nb_slots(&[(binop::ADD, list_iadd), (binop::MULTIPLY, list_imul)]),
    len: Some(list_len),
    getitem: Some(list_getitem),
    setitem: Some(list_setitem),
    contains: Some(list_contains),
    ..SlotDefs::EMPTY
});

pub fn new_list(items: Vec<Value>) -> Value {
    alloc_object(&LIST_TYPE, ListData::new(items))
}

#[inline]
pub fn list_data(v: &Value) -> Option<&ListData> {
    v.downcast::<ListData>()
}

fn list_traverse(h: &ObjHeader, visit: &mut dyn FnMut(&Value)) {
    // SAFETY: called for lists only.
    let d = unsafe { payload_of::<ListData>(h) };
    // Visiting only counts references (the collector's `visit` runs no Python code).
    d.with_vec(|items| items.iter().for_each(|v| visit(v)));
    crate::typeobj::traverse_instance_extras(h, visit);
}

fn list_clear(h: &ObjHeader) {
    // SAFETY: called for lists only.
    let d = unsafe { payload_of::<ListData>(h) };
    d.replace(Vec::new());
    crate::typeobj::clear_instance_extras_gc(h);
}

fn list_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let d = list_data(v).expect("list");
    if d.is_empty() {
        return Ok(pystr::new_str("[]"));
    }
    if !vm.repr_enter(v) {
        return Ok(pystr::new_str("[...]"));
    }
    let mut out = String::from("[");
    let mut i = 0;
    let mut res = Ok(());
    while let Some(it) = d.get(i) {
        if i > 0 {
            out.push_str(", ");
        }
        match crate::protocols::object::repr(vm, &it) {
            Ok(r) => out.push_str(pystr::as_str(&r)),
            Err(e) => {
                res = Err(e);
                break;
            }
        }
        i += 1;
    }
    vm.repr_leave(v);
    res?;
    out.push(']');
    Ok(pystr::from_string(out))
}

fn list_richcompare(vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
    let (Some(x), Some(y)) = (list_data(a), list_data(b)) else {
        return Ok(none::not_implemented());
    };
    let (x, y) = (x.snapshot(), y.snapshot());
    crate::protocols::object::compare_sequences(vm, &x, &y, op)
}

fn list_len(_vm: &mut Vm, v: &Value) -> PyResult<usize> {
    Ok(list_data(v).expect("list").len())
}

fn list_contains(vm: &mut Vm, v: &Value, item: &Value) -> PyResult<bool> {
    let d = list_data(v).expect("list");
    let mut i = 0;
    while let Some(it) = d.get(i) {
        if crate::protocols::object::eq(vm, &it, item)? {
            return Ok(true);
        }
        i += 1;
    }
    Ok(false)
}

/// Normalise an index for item access with CPython's IndexError message.
#[inline]
pub fn normalize_index(vm: &mut Vm, index: &Value, len: usize, what: &str) -> PyResult<usize> {
    let i = match index.as_small_int() {
        Some(i) => i as isize,
        None => crate::objects::int::index_to_isize(vm, index)?,
    };
    let n = len as isize;
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(vm.index_error(format!("{what} index out of range")));
    }
    Ok(j as usize)
}

pub fn list_getitem(vm: &mut Vm, v: &Value, index: &Value) -> PyResult<Value> {
    let d = list_data(v).expect("list");
    if let Some(slice) = index.downcast::<crate::objects::slice::SliceData>() {
        let items = d.snapshot();
        let picked = slice.pick(vm, &items)?;
        return Ok(new_list(picked));
    }
    if !crate::protocols::number::has_index(index) {
        return Err(vm.type_error(format!("list indices must be integers or slices, not {}", index.ty().name())));
    }
    let i = normalize_index(vm, index, d.len(), "list")?;
    Ok(d.get(i).expect("in range"))
}

pub fn list_setitem(vm: &mut Vm, v: &Value, index: &Value, value: Option<&Value>) -> PyResult<()> {
    let d = list_data(v).expect("list");
    if let Some(slice) = index.downcast::<crate::objects::slice::SliceData>() {
        return crate::objects::list_methods::set_slice(vm, v, slice, value);
    }
    if !crate::protocols::number::has_index(index) {
        return Err(vm.type_error(format!("list indices must be integers or slices, not {}", index.ty().name())));
    }
    let i = normalize_index(vm, index, d.len(), "list assignment")?;
    match value {
        Some(x) => {
            let old = d.set(i, x.clone());
            drop(old);
        }
        None => {
            let old = d.with_vec(|v| v.remove(i));
            drop(old);
        }
    }
    Ok(())
}

fn list_add(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    let _ = vm;
    match (list_data(a), list_data(b)) {
        (Some(x), Some(y)) => {
            let mut v = x.snapshot();
            v.extend(y.snapshot());
            Ok(new_list(v))
        }
        _ => Ok(none::not_implemented()),
    }
}

fn list_iadd(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    if list_data(a).is_none() {
        return Ok(none::not_implemented());
    }
    let items = crate::protocols::iter::collect(vm, b)?;
    list_data(a).expect("list").extend(items);
    Ok(a.clone())
}

fn list_mul(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    let (d, n) = match (list_data(a), list_data(b)) {
        (Some(s), None) => (s, b),
        (None, Some(s)) => (s, a),
        _ => return Ok(none::not_implemented()),
    };
    if !crate::protocols::number::has_index(n) {
        return Ok(none::not_implemented());
    }
    let items = d.snapshot();
    let count = crate::objects::int::repeat_count(vm, n)?;
    if count <= 0 || items.is_empty() {
        return Ok(new_list(Vec::new()));
    }
    if (items.len() as u128) * (count as u128) > (1u128 << 40) {
        return Err(vm.memory_error());
    }
    let mut v = Vec::with_capacity(items.len() * count as usize);
    for _ in 0..count {
        v.extend_from_slice(&items);
    }
    Ok(new_list(v))
}

fn list_imul(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    let Some(d) = list_data(a) else { return Ok(none::not_implemented()) };
    if !crate::protocols::number::has_index(b) {
        return Ok(none::not_implemented());
    }
    let count = crate::objects::int::repeat_count(vm, b)?;
    let items = d.snapshot();
    if count <= 0 {
        d.replace(Vec::new());
    } else {
        if (items.len() as u128) * (count as u128) > (1u128 << 40) {
            return Err(vm.memory_error());
        }
        let mut v = Vec::with_capacity(items.len() * count as usize);
        for _ in 0..count {
            v.extend_from_slice(&items);
        }
        d.replace(v);
    }
    Ok(a.clone())
}

fn list_iter(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(crate::objects::iter::new_seq_iterator(v.clone(), false))
}

fn list_new(_vm: &mut Vm, cls: &Value, _args: &[Value], _kw: Option<&Value>) -> PyResult<Value> {
    // SAFETY: `cls` is a type.
    let cls_ty = unsafe { cls.as_type_unchecked() };
    Ok(alloc_object(cls_ty, ListData::new(Vec::new())))
}

fn list_init(vm: &mut Vm, this: &Value, args: &[Value], kwnames: Option<&Value>) -> PyResult<()> {
    const INIT: crate::protocols::args::Spec = crate::protocols::args::Spec::positional("list", &[crate::protocols::args::Param::pos_opt("iterable")]);
    let items = match INIT.parse(vm, args, kwnames)? {
        [None] => Vec::new(),
        [Some(it)] => crate::protocols::iter::collect(vm, it)?,
    };
    list_data(this).expect("list").replace(items);
    Ok(())
}

/// Parse optional `start, stop` arguments of `index()`-style methods.
pub fn start_stop_args(vm: &mut Vm, rest: &[Value], len: usize) -> PyResult<(usize, usize)> {
    let clamp = |i: isize| -> usize {
        if i < 0 { (i + len as isize).max(0) as usize } else { (i as usize).min(len) }
    };
    let start = match rest.first() {
        Some(v) => clamp(crate::objects::slice::index_value(vm, v)?),
        None => 0,
    };
    let stop = match rest.get(1) {
        Some(v) => clamp(crate::objects::slice::index_value(vm, v)?),
        None => len,
    };
    Ok((start, stop))
}
