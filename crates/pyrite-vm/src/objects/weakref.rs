//! Weak references: the `weakref.ReferenceType` type (CPython: `Objects/weakrefobject.c`).
//!
//! Objects carry no weak-reference list of their own. Instead a per-interpreter side table maps
//! the address of each object that has weak references to the weakref objects pointing at
//! it. The object core calls [`clear_on_dealloc`] just before an object is freed (after a
//! possible `__del__` resurrection): the weakrefs go dead at once and their callbacks are
//! queued, to run at the next safe point ([`run_pending_callbacks`], from the eval breaker),
//! never inside a deallocation. A weakref object removes itself from the table when freed.

use std::cell::{Cell, RefCell};
use rustc_hash::FxHashMap as HashMap;

use crate::object::{alloc_object, dealloc_payload, ObjHeader, Payload, PyObj, Value};
use crate::objects::{none, str as pystr};
use crate::typeobj::{flags, payload_of, CompareOp, GetSetDef, PyType, StaticType, SlotDefs};
use crate::vm::{PyResult, Vm};

/// A weak reference: the referent's address (null once it died) and the callback.
pub struct WeakrefData {
    target: Cell<*const ObjHeader>,
    callback: RefCell<Option<Value>>,
    hash: Cell<Option<i64>>,
}

impl Payload for WeakrefData {
    fn class() -> &'static PyType {
        &WEAKREF_TYPE
    }
}

pub static WEAKREF_TYPE: StaticType = StaticType::new(
    "weakref.ReferenceType",
    Some(&crate::objects::object::OBJECT_TYPE),
    flags::BASETYPE,
    std::mem::size_of::<PyObj<WeakrefData>>(),
    weakref_dealloc,
    &[],
    WEAKREF_GETSETS,
)
.with_slots(SlotDefs {
    repr: Some(weakref_repr),
    hash: Some(weakref_hash),
    richcompare: Some(weakref_richcompare),
    call: Some(weakref_call),
    new: Some(weakref_new),
    ..SlotDefs::EMPTY
});

/// An interpreter's weak references.
pub(crate) struct WeakrefTable {
    /// Referent address -> the weakref objects (header addresses) pointing at it.
    table: RefCell<HashMap<usize, Vec<usize>>>,
    /// Number of entries in `table`: the dealloc hook costs one load when no weakrefs exist.
    active: Cell<usize>,
    /// (weakref, callback) pairs whose referent died, waiting for a safe point.
    pending: RefCell<std::collections::VecDeque<(Value, Value)>>,
}

impl WeakrefTable {
    pub(crate) fn new() -> WeakrefTable {
        WeakrefTable { table: RefCell::new(HashMap::with_hasher(rustc_hash::FxBuildHasher)), active: Cell::new(0), pending: RefCell::new(std::collections::VecDeque::new()) }
    }
}

#[inline(always)]
fn weakrefs() -> &'static WeakrefTable {
    &crate::pystate::interp().weakrefs
}

/// Called by `crate::object::dealloc` for every object about to be freed.
#[inline(always)]
pub(crate) fn clear_on_dealloc(obj: *mut ObjHeader) {
    if weakrefs().active.get() != 0 {
        clear_slow(obj as usize);
    }
}

#[cold]
fn clear_slow(addr: usize) {
    let w = weakrefs();
    let Some(refs) = w.table.borrow_mut().remove(&addr) else { return };
    w.active.set(w.active.get() - 1);
    let mut queued = false;
    // Newest first, as CPython runs callbacks.
    for &r in refs.iter().rev() {
        // SAFETY: a weakref in the table is alive (it unregisters itself when freed).
        let data = unsafe { payload_of::<WeakrefData>(&*(r as *const ObjHeader)) };
        data.target.set(std::ptr::null());
        let cb = data.callback.borrow_mut().take();
        if let Some(cb) = cb {
            // SAFETY: `r` is a live weakref; this takes a new reference to it.
            let wr = unsafe { Value::from_header_borrowed(&*(r as *const ObjHeader)) };
            w.pending.borrow_mut().push_back((wr, cb));
            queued = true;
        }
    }
    if queued {
        crate::pystate::interp().request(crate::pystate::breaker::PENDING_CALLS);
    }
}

/// Run the callbacks of weakrefs whose referents died (at a safe point).
pub fn run_pending_callbacks(vm: &mut Vm) {
    loop {
        let next = weakrefs().pending.borrow_mut().pop_front();
        let Some((wr, cb)) = next else { break };
        let saved = vm.handled_exception.clone();
        if let Err(e) = crate::protocols::call::call(vm, &cb, std::slice::from_ref(&wr), None) {
            let where_ = crate::protocols::object::repr_string(vm, &cb).unwrap_or_default();
            vm.print_unraisable(&format!("Exception ignored in: {where_}"), &e);
        }
        vm.handled_exception = saved;
    }
}

unsafe fn weakref_dealloc(obj: *mut ObjHeader) {
    // SAFETY: called by the object core once, on a dead weakref object (`obj` heads a
    // `PyObj<WeakrefData>`): it leaves the side table before its payload is dropped and its block
    // freed by `dealloc_payload`.
    unsafe {
        let data = payload_of::<WeakrefData>(&*obj);
        let target = data.target.get();
        if !target.is_null() {
            let addr = target as usize;
            let w = weakrefs();
            let mut t = w.table.borrow_mut();
            if let Some(v) = t.get_mut(&addr) {
                v.retain(|&r| r != obj as usize);
                if v.is_empty() {
                    t.remove(&addr);
                    w.active.set(w.active.get() - 1);
                }
            }
        }
        dealloc_payload::<WeakrefData>(obj);
    }
}

fn wr(v: &Value) -> &WeakrefData {
    v.downcast::<WeakrefData>().expect("weakref")
}

/// The referent, if still alive.
pub fn referent(v: &Value) -> Option<Value> {
    let t = wr(v).target.get();
    if t.is_null() {
        None
    } else {
        // SAFETY: a non-null target is alive (cleared before it is freed).
        Some(unsafe { Value::from_header_borrowed(&*t) })
    }
}

/// Whether `obj` can be weakly referenced (CPython: `tp_weaklistoffset != 0`).
fn weakrefable(obj: &Value) -> bool {
    let Some(h) = obj.header() else { return false };
    if h.is_immortal() {
        return obj.as_type().is_some();
    }
    let ty = obj.ty();
    if obj.as_type().is_some() {
        return true;
    }
    if ty.is_heap_type() {
        // A class whose __slots__ leave out __weakref__ opts out.
        return ty.solid_base().name() != "tuple" && ty.solid_base().name() != "int";
    }
    matches!(
        ty.name(),
        "function" | "method" | "set" | "frozenset" | "generator" | "coroutine" | "async_generator" | "code" | "module" | "builtin_function_or_method" | "weakref.ReferenceType" | "property" | "staticmethod" | "classmethod"
    )
}

pub(crate) fn weakref_new(vm: &mut Vm, cls: &Value, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    let cls = cls.as_type().expect("type");
    // `PyArg_UnpackTuple(args, "__new__", 1, 2, ...)`; keywords are left to subclasses.
    const NEW: crate::protocols::args::Spec = crate::protocols::args::Spec::positional("__new__", &[crate::protocols::args::Param::pos("object"), crate::protocols::args::Param::pos_opt("callback")]);
    let npos = crate::protocols::args::npositional(args, kw);
    let [obj, cb] = NEW.parse(vm, &args[..npos], None)?;
    let obj = obj.expect("required");
    let cb = cb.filter(|c| !none::is_none(c)).cloned();
    new_ref(vm, cls, obj, cb)
}

/// `weakref.ref(obj, callback)` for class `cls` (the plain type or a subclass).
pub fn new_ref(vm: &mut Vm, cls: &PyType, obj: &Value, cb: Option<Value>) -> PyResult<Value> {
    if !weakrefable(obj) {
        return Err(vm.type_error(format!("cannot create weak reference to '{}' object", obj.ty().name())));
    }
    let addr = obj.header().expect("heap object") as *const ObjHeader as usize;
    let exact = std::ptr::eq(cls, &*WEAKREF_TYPE);
    // A plain ref without callback is shared (CPython reuses the basic reference).
    if exact && cb.is_none() {
        let existing = weakrefs().table.borrow().get(&addr).and_then(|v| v.iter().copied().find(|&r| {
            // SAFETY: weakrefs in the table are alive.
            let h = unsafe { &*(r as *const ObjHeader) };
            // SAFETY: only weakref objects (of the exact weakref type, checked first) carry
            // `WeakrefData`.
            std::ptr::eq(h.ty(), &*WEAKREF_TYPE) && unsafe { payload_of::<WeakrefData>(h) }.callback.borrow().is_none()
        }));
        if let Some(r) = existing {
            // SAFETY: alive, as above.
            return Ok(unsafe { Value::from_header_borrowed(&*(r as *const ObjHeader)) });
        }
    }
    let r = alloc_object(cls, WeakrefData { target: Cell::new(addr as *const ObjHeader), callback: RefCell::new(cb), hash: Cell::new(None) });
    let raddr = r.header().expect("weakref") as *const ObjHeader as usize;
    let w = weakrefs();
    w.table.borrow_mut()
        .entry(addr)
        .or_insert_with(|| {
            w.active.set(w.active.get() + 1);
            Vec::new()
        })
        .push(raddr);
    Ok(r)
}

fn weakref_call(vm: &mut Vm, this: &Value, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    // `PyArg_UnpackTuple(args, "weakref", 0, 0)`.
    crate::protocols::args::Spec::positional("weakref", &[]).check(vm, args, kw)?;
    Ok(referent(this).unwrap_or_else(none::none))
}

fn weakref_repr(vm: &mut Vm, this: &Value) -> PyResult<Value> {
    let me = this.header().expect("weakref") as *const ObjHeader as usize;
    Ok(pystr::from_string(match referent(this) {
        None => format!("<weakref at {me:#x}; dead>"),
        Some(o) => {
            let addr = o.header().map(|h| h as *const ObjHeader as usize).unwrap_or(0);
            let name = crate::protocols::object::getattr_opt(vm, &o, "__name__").ok().flatten().and_then(|n| pystr::try_str(&n).map(str::to_owned));
            match name {
                Some(n) => format!("<weakref at {me:#x}; to '{}' at {addr:#x} ({n})>", o.ty().name()),
                None => format!("<weakref at {me:#x}; to '{}' at {addr:#x}>", o.ty().name()),
            }
        }
    }))
}

fn weakref_hash(vm: &mut Vm, this: &Value) -> PyResult<i64> {
    let d = wr(this);
    if let Some(h) = d.hash.get() {
        return Ok(h);
    }
    match referent(this) {
        None => Err(vm.type_error("weak object has gone away")),
        Some(o) => {
            let h = crate::protocols::object::hash(vm, &o)?;
            d.hash.set(Some(h));
            Ok(h)
        }
    }
}

fn weakref_richcompare(vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) || b.downcast::<WeakrefData>().is_none() {
        return Ok(none::not_implemented());
    }
    match (referent(a), referent(b)) {
        (Some(x), Some(y)) => crate::protocols::object::richcompare(vm, &x, &y, op),
        _ => {
            let same = a.is(b);
            Ok(none::bool_value(if op == CompareOp::Eq { same } else { !same }))
        }
    }
}

fn get_callback(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(wr(v).callback.borrow().clone().unwrap_or_else(none::none))
}

static WEAKREF_GETSETS: &[GetSetDef] = &[GetSetDef { name: "__callback__", get: get_callback, set: None }];

pub fn static_types() -> Vec<&'static StaticType> {
    vec![&WEAKREF_TYPE]
}

pub(crate) fn refs_of(obj: &Value) -> Vec<Value> {
    let Some(h) = obj.header() else { return vec![] };
    let addr = h as *const ObjHeader as usize;
    let ptrs = weakrefs().table.borrow().get(&addr).cloned().unwrap_or_default();
    // SAFETY: weakrefs in the table are alive.
    ptrs.into_iter().map(|r| unsafe { Value::from_header_borrowed(&*(r as *const ObjHeader)) }).collect()
}
