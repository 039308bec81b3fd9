//! The cycle collector (CPython: `Modules/gcmodule.c`).
//!
//! Every object of a GC type is preceded by a [`GcHead`] linking it into its interpreter's list
//! of tracked objects. A collection copies each count into `gc_refs`, subtracts the
//! references tracked objects hold to each other (found with each type's `traverse`), treats
//! what is still positive as reachable from outside, propagates reachability, and frees the
//! rest: finalizers (`__del__`, once per object, PEP 442) run first, then each type's `clear`
//! breaks the cycles. Collections happen only at safe points (the eval breaker or
//! `gc.collect()`), never inside an allocation.

use std::cell::{Cell, RefCell};
use std::ptr::{self, NonNull};

use crate::object::{ObjHeader, Value};
use crate::vm::Vm;

/// Links before every GC-tracked object.
#[repr(C)]
pub struct GcHead {
    next: Cell<*mut GcHead>,
    prev: Cell<*mut GcHead>,
    gc_refs: Cell<isize>,
    flags: Cell<usize>,
}

const FINALIZED: usize = 1;
const TRACKED: usize = 2;
const REACHABLE: usize = 4;

/// The collector's part of an interpreter's state.
pub(crate) struct GcState {
    /// The root of the list of tracked objects (boxed: objects link to its address).
    list: Box<GcHead>,
    count: Cell<usize>,
    threshold: Cell<usize>,
    enabled: Cell<bool>,
    collecting: Cell<bool>,
    collections: Cell<usize>,
    /// References the last collection followed: its cost, which the next threshold spreads
    /// over allocations (untracked tuples and big containers make it exceed the count).
    last_edges: Cell<usize>,
    /// Objects whose `__del__` is due, in the order they died.
    pending_finalizers: RefCell<std::collections::VecDeque<Value>>,
}

impl GcState {
    pub(crate) fn new() -> GcState {
        let list = Box::new(GcHead { next: Cell::new(ptr::null_mut()), prev: Cell::new(ptr::null_mut()), gc_refs: Cell::new(0), flags: Cell::new(0) });
        let p = &*list as *const GcHead as *mut GcHead;
        list.next.set(p);
        list.prev.set(p);
        GcState {
            list,
            count: Cell::new(0),
            threshold: Cell::new(700),
            enabled: Cell::new(true),
            collecting: Cell::new(false),
            collections: Cell::new(0),
            last_edges: Cell::new(0),
            pending_finalizers: RefCell::new(std::collections::VecDeque::new()),
        }
    }

    #[inline(always)]
    fn root(&self) -> *mut GcHead {
        &*self.list as *const GcHead as *mut GcHead
    }
}

#[inline(always)]
fn state() -> &'static GcState {
    &crate::pystate::interp().gc
}

#[inline(always)]
unsafe fn head_of(obj: *const ObjHeader) -> *mut GcHead {
    // SAFETY: callers pass an object of a GC type, allocated with its `GcHead` immediately before
    // the header, so stepping back one `GcHead` stays in its block.
    unsafe { (obj as *mut u8).sub(std::mem::size_of::<GcHead>()) as *mut GcHead }
}

#[inline(always)]
unsafe fn obj_of(h: *const GcHead) -> *mut ObjHeader {
    // SAFETY: callers pass the `GcHead` of a tracked object (never the list root), whose header
    // follows it in the same block.
    unsafe { (h as *mut u8).add(std::mem::size_of::<GcHead>()) as *mut ObjHeader }
}

/// Link a freshly allocated GC object into the tracked list.
///
/// # Safety
/// `obj` is a new object of a GC type, allocated with room for a `GcHead` before it.
pub(crate) unsafe fn track_new(obj: *mut ObjHeader) {
    // SAFETY: by the caller's contract (`# Safety` above) `obj` is a new GC object allocated with
    // room for its `GcHead`, not yet linked: linking it before the root touches only that head and
    // the live list neighbours.
    unsafe {
        let h = head_of(obj);
        let interp = crate::pystate::interp();
        let s = &interp.gc;
        let root = s.root();
        let last = (*root).prev.get();
        ptr::write(h, GcHead { next: Cell::new(root), prev: Cell::new(last), gc_refs: Cell::new(0), flags: Cell::new(TRACKED) });
        (*last).next.set(h);
        (*root).prev.set(h);
        let c = s.count.get() + 1;
        s.count.set(c);
        if c > s.threshold.get() && s.enabled.get() && !s.collecting.get() {
            interp.request(crate::pystate::breaker::GC_DUE);
        }
    }
}

/// Unlink an object (idempotent).
///
/// # Safety
/// `obj` is an object of a GC type.
pub(crate) unsafe fn untrack(obj: *mut ObjHeader) {
    // SAFETY: by the caller's contract (`# Safety` above) `obj` is an object of a GC type, so its
    // `GcHead` exists; unlinking is skipped for an untracked head and otherwise touches only it and
    // its live neighbours.
    unsafe {
        let h = head_of(obj);
        if (*h).flags.get() & TRACKED == 0 {
            return;
        }
        let (p, n) = ((*h).prev.get(), (*h).next.get());
        (*p).next.set(n);
        (*n).prev.set(p);
        (*h).flags.set((*h).flags.get() & !TRACKED);
        let s = state();
        s.count.set(s.count.get().saturating_sub(1));
    }
}

/// Called when the count of an object whose type has `__del__` reaches zero: keep it alive
/// and queue the finalizer, unless it already ran. Returns true if the object was kept.
///
/// # Safety
/// `obj` is the object whose count just reached zero.
pub(crate) unsafe fn run_finalizer_on_dealloc(obj: NonNull<ObjHeader>) -> bool {
    // SAFETY: by the caller's contract (`# Safety` above) `obj` is the object whose count just
    // reached zero and whose type has the GC head the `FINALIZED` flag lives in; resurrecting it
    // (count 1) hands that reference to the finalizer queue.
    unsafe {
        let ty = obj.as_ref().ty();
        if !ty.has_gc() {
            return false;
        }
        // Generators need finalizing (close()) only while suspended inside their body.
        if std::ptr::eq(ty, &crate::objects::generator::GENERATOR_TYPE.0) || std::ptr::eq(ty, &crate::objects::coroutine::COROUTINE_TYPE.0) {
            let v = std::mem::ManuallyDrop::new(Value::from_header(obj));
            if !crate::objects::generator::needs_finalize(&v) {
                return false;
            }
        }
        let h = head_of(obj.as_ptr());
        if (*h).flags.get() & FINALIZED != 0 {
            return false;
        }
        (*h).flags.set((*h).flags.get() | FINALIZED);
        obj.as_ref().refcnt.set(1);
        let v = Value::from_header(obj);
        let interp = crate::pystate::interp();
        interp.gc.pending_finalizers.borrow_mut().push_back(v);
        interp.request(crate::pystate::breaker::PENDING_CALLS);
        true
    }
}

/// Run queued `__del__` methods (at a safe point).
pub fn run_pending_finalizers(vm: &mut Vm) {
    loop {
        // In the order the objects died, as CPython runs them (at the deallocation).
        let next = state().pending_finalizers.borrow_mut().pop_front();
        let Some(obj) = next else { break };
        call_del(vm, &obj);
        drop(obj);
    }
}

fn call_del(vm: &mut Vm, obj: &Value) {
    if crate::objects::generator::is_native(obj) {
        let saved = vm.handled_exception.clone();
        if let Err(e) = crate::objects::generator::close(vm, obj) {
            let where_ = crate::protocols::object::repr_string(vm, obj).unwrap_or_default();
            vm.print_unraisable_for(&format!("Exception ignored in: {where_}"), obj, &e);
        }
        vm.handled_exception = saved;
        return;
    }
    if let Some(del) = obj.ty().lookup_str(vm, "__del__") {
        let saved = vm.handled_exception.clone();
        if let Err(e) = crate::protocols::call::call_method_value(vm, &del, obj, &[]) {
            let where_ = crate::protocols::object::repr_string(vm, &del).unwrap_or_default();
            vm.print_unraisable_for(&format!("Exception ignored in: {where_}"), &del, &e);
        }
        vm.handled_exception = saved;
    }
}

pub fn is_enabled() -> bool {
    state().enabled.get()
}
pub fn set_enabled(on: bool) {
    state().enabled.set(on);
}
pub fn get_count() -> usize {
    state().count.get()
}
pub fn threshold() -> usize {
    state().threshold.get()
}
pub fn set_threshold(t: usize) {
    state().threshold.set(t.max(1));
}
pub fn collections() -> usize {
    state().collections.get()
}

/// Automatic collection triggered by the allocation count.
pub fn maybe_collect(vm: &mut Vm) {
    let s = state();
    let due = s.enabled.get() && !s.collecting.get() && s.count.get() > s.threshold.get();
    if due {
        collect(vm);
        let s = state();
        // Grow the threshold with the live population, like CPython's older generations.
        let live = s.count.get();
        let by_work = s.last_edges.get() / 4;
        s.threshold.set(s.threshold.get().max(700).max(live / 4 * 5).max(by_work).min(live.max(by_work) + 700_000).max(700));
    }
}

/// Snapshot of all tracked objects.
fn tracked() -> Vec<*mut GcHead> {
    let root = state().root();
    let mut out = Vec::new();
    // SAFETY: walking the intrusive list of live objects.
    unsafe {
        let mut h = (*root).next.get();
        while h != root {
            out.push(h);
            h = (*h).next.get();
        }
    }
    out
}

#[inline]
fn gc_head_if_tracked(v: &Value) -> Option<*mut GcHead> {
    let h = v.header()?;
    if !h.ty().has_gc() || h.is_immortal() {
        return None;
    }
    // SAFETY: objects of GC types have a head before them.
    let gh = unsafe { head_of(h) };
    // SAFETY: `gh` is the live head of the GC object `h` (just above).
    if unsafe { (*gh).flags.get() } & TRACKED != 0 { Some(gh) } else { None }
}

/// Stop tracking tuples whose items can never lead back to them (CPython's
/// `_PyTuple_MaybeUntrack`): no item is a tracked GC object. Such a tuple cannot be part of a
/// cycle, and since tuples are immutable it never will be. The list is in allocation order,
/// so inner tuples are looked at (and perhaps untracked) before the tuples that hold them.
/// Returns the heads still tracked.
///
/// # Safety
/// Every head in `all` belongs to a live object.
unsafe fn untrack_atomic_tuples(all: Vec<*mut GcHead>) -> Vec<*mut GcHead> {
    // SAFETY: by the caller's contract (`# Safety` above) every head in `all` belongs to a live
    // object, so each is read (and possibly unlinked) while still valid.
    unsafe {
        let tuple_type = &crate::objects::tuple::TUPLE_TYPE.0 as *const crate::typeobj::PyType;
        let mut kept = Vec::with_capacity(all.len());
        for h in all {
            let o = &*obj_of(h);
            if std::ptr::eq(o.ty(), tuple_type) {
                let items = crate::objects::tuple::items_of_header(o);
                if items.iter().all(|v| gc_head_if_tracked(v).is_none()) {
                    untrack(obj_of(h));
                    continue;
                }
            }
            kept.push(h);
        }
        kept
    }
}

/// Untrack `v` if it is a tuple that [`untrack_atomic_tuples`] would untrack.
pub(crate) fn untrack_if_atomic_tuple(v: &Value) {
    if let Some(t) = v.downcast_exact::<crate::objects::tuple::TupleData>() {
        if t.items().iter().all(|x| gc_head_if_tracked(x).is_none()) {
            // SAFETY: a live tuple (a GC type).
            unsafe { untrack(v.as_ptr() as *mut ObjHeader) };
        }
    }
}

/// The unreachable tracked objects.
fn find_unreachable() -> Vec<*mut GcHead> {
    // SAFETY: every head in the tracked list belongs to a live object.
    let all = unsafe { untrack_atomic_tuples(tracked()) };
    // SAFETY: every head in `all` belongs to a live object.
    unsafe {
        for &h in &all {
            (*h).gc_refs.set((*obj_of(h)).refcnt.get());
            (*h).flags.set((*h).flags.get() & !REACHABLE);
        }
        let mut edges = 0usize;
        for &h in &all {
            let o = &*obj_of(h);
            if let Some(tr) = o.ty().slots.traverse.get() {
                tr(o, &mut |v: &Value| {
                    edges += 1;
                    if let Some(gh) = gc_head_if_tracked(v) {
                        (*gh).gc_refs.set((*gh).gc_refs.get() - 1);
                    }
                });
            }
        }
        state().last_edges.set(edges);
        let mut work: Vec<*mut GcHead> = Vec::new();
        for &h in &all {
            if (*h).gc_refs.get() > 0 {
                (*h).flags.set((*h).flags.get() | REACHABLE);
                work.push(h);
            }
        }
        while let Some(h) = work.pop() {
            let o = &*obj_of(h);
            if let Some(tr) = o.ty().slots.traverse.get() {
                tr(o, &mut |v: &Value| {
                    if let Some(gh) = gc_head_if_tracked(v) {
                        if (*gh).flags.get() & REACHABLE == 0 {
                            (*gh).flags.set((*gh).flags.get() | REACHABLE);
                            work.push(gh);
                        }
                    }
                });
            }
        }
        all.into_iter().filter(|&h| (*h).flags.get() & REACHABLE == 0).collect()
    }
}

/// Run a full collection; returns the number of unreachable objects found.
pub fn collect(vm: &mut Vm) -> usize {
    if state().collecting.replace(true) {
        return 0;
    }
    run_pending_finalizers(vm);
    let unreachable = find_unreachable();
    let found = unreachable.len();
    // Hold a reference to each so nothing is freed while we work.
    // SAFETY: heads in `unreachable` are live tracked objects.
    let held: Vec<Value> = unreachable.iter().map(|&h| unsafe { Value::from_header_borrowed(obj_of(h)) }).collect();
    // Finalizers first (once per object).
    let mut ran_finalizer = false;
    for (v, &h) in held.iter().zip(&unreachable) {
        if v.ty().has_flag(crate::typeobj::flags::HAS_FINALIZER) {
            // SAFETY: live head.
            unsafe {
                if (*h).flags.get() & FINALIZED == 0 {
                    (*h).flags.set((*h).flags.get() | FINALIZED);
                    call_del(vm, v);
                    ran_finalizer = true;
                }
            }
        }
    }
    // Finalizers may have resurrected objects: clear only what is still unreachable.
    let to_clear: Vec<Value> = if ran_finalizer {
        let still: Vec<*mut GcHead> = find_unreachable();
        held.iter()
            .filter(|v| {
                let h = v.header().expect("heap");
                // SAFETY: GC object.
                let gh = unsafe { head_of(h) };
                still.contains(&gh)
            })
            .cloned()
            .collect()
    } else {
        held.clone()
    };
    for v in &to_clear {
        if let Some(clear) = v.ty().slots.clear.get() {
            clear(v.header().expect("heap"));
        }
    }
    drop(to_clear);
    drop(held);
    let s = state();
    s.collecting.set(false);
    s.collections.set(s.collections.get() + 1);
    run_pending_finalizers(vm);
    found
}

/// Objects referred to by `v` (for `gc.get_referents`).
pub fn referents(v: &Value) -> Vec<Value> {
    let mut out = Vec::new();
    if let Some(h) = v.header() {
        if let Some(tr) = h.ty().slots.traverse.get() {
            tr(h, &mut |x: &Value| out.push(x.clone()));
        }
    }
    out
}

/// Is `v` tracked by the collector?
pub fn is_tracked(v: &Value) -> bool {
    gc_head_if_tracked(v).is_some()
}

/// The type names of the objects still tracked (teardown's check, see `Vm::drop`).
pub(crate) fn survivors() -> Vec<String> {
    // SAFETY: every head in the tracked list belongs to a live object.
    unsafe { tracked().iter().map(|&h| (*obj_of(h)).ty().name().to_string()).collect() }
}
