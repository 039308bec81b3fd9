//! The object core: headers, one-word values, reference counting, allocation and
//! deallocation (CPython: `Include/object.h`, `Objects/object.c`).
//!
//! All raw-pointer and reference-count arithmetic of the VM lives in this module tree.
//!
//! # Invariants
//! * Every heap object is a `#[repr(C)] PyObj<T>` whose first field is an [`ObjHeader`]
//!   (reference count, type pointer). Objects of GC types are preceded in memory by a
//!   [`crate::gc::GcHead`]; the value always points at the header, never at the GC head.
//! * A [`Value`] is one machine word: a pointer to a header (low bit 0) or a tagged small int
//!   (low bit 1, 63-bit signed payload). An owned `Value` holds one reference: `Clone`
//!   increments, `Drop` decrements. `&Value` is a borrow and costs nothing.
//! * Immortal objects (static types, `None`, `True`, `False`, interned constants of static
//!   types) have a negative reference count and are never written to by `incref`/`decref`,
//!   which makes them safe to share between interpreters on different threads.
//! * When a count reaches zero the type's `dealloc` runs at once. Deallocation that nests too
//!   deeply is deferred to a per-thread queue drained by the outermost deallocation
//!   (CPython's trashcan), so freeing a million-long chain never overflows the Rust stack.
//! * Instance layout of a heap type: the payload of its solid built-in base, then (at
//!   `PyType::dictoffset`) an optional `__dict__` slot, then its `__slots__` slots.

pub mod access;
pub mod free_list;
pub mod block_cache;
pub mod lazy_table;
pub mod value;

pub use value::{Value, SMALL_INT_MAX, SMALL_INT_MIN};

use std::alloc::Layout;
use std::cell::Cell;
use std::ptr::NonNull;

use crate::gc;
use crate::typeobj::PyType;

/// Reference counts at or below this value mark an immortal object.
pub const IMMORTAL_REFCNT: isize = isize::MIN / 2;

/// The header every heap object starts with (CPython's `PyObject`).
#[repr(C)]
pub struct ObjHeader {
    pub(crate) refcnt: Cell<isize>,
    pub(crate) ob_type: Cell<*const PyType>,
}

impl ObjHeader {
    #[inline(always)]
    pub fn ty(&self) -> &PyType {
        // SAFETY: every live object holds a reference to its type (static types are immortal).
        unsafe { &*self.ob_type.get() }
    }

    #[inline(always)]
    pub fn is_immortal(&self) -> bool {
        self.refcnt.get() < 0
    }

    #[inline(always)]
    pub fn refcnt(&self) -> isize {
        self.refcnt.get()
    }
}

/// A heap object with payload `T` (`T` is the Rust data of one built-in type).
#[repr(C)]
pub struct PyObj<T> {
    pub header: ObjHeader,
    pub data: T,
}

/// Implemented by the payload of every built-in type: links the Rust type to its type object.
pub trait Payload: Sized + 'static {
    /// The built-in type object whose instances carry this payload.
    fn class() -> &'static PyType;

    /// Bytes of variable-size data that follow the object's fixed part (objects allocated by
    /// [`alloc_object_with_tail`]); read by [`dealloc_payload`] to free the whole block.
    #[inline(always)]
    fn tail_len(&self) -> usize {
        0
    }
}

/// Allocate a new object of type `ty` whose layout starts with `PyObj<T>`. `ty` may be a
/// heap subtype whose `basicsize` is larger (dict and slots follow, zero-initialised).
/// The new object has refcount 1 and is tracked by the cycle collector if `ty` is a GC type.
pub fn alloc_object<T: Payload>(ty: &PyType, data: T) -> Value {
    let size = ty.basicsize.get().max(std::mem::size_of::<PyObj<T>>());
    let ptr = raw_alloc(ty, size, std::mem::size_of::<PyObj<T>>(), size);
    // SAFETY: `ptr` is a fresh allocation of at least `size_of::<PyObj<T>>()` bytes aligned to
    // 8, with the trailing bytes zeroed (`None` for the dict and slot cells).
    unsafe {
        std::ptr::write(
            ptr.as_ptr() as *mut PyObj<T>,
            PyObj { header: ObjHeader { refcnt: Cell::new(1), ob_type: Cell::new(ty) }, data },
        );
        ty.incref_as_type();
        Value::from_header(ptr)
    }
}

/// Allocate an object of type `ty` laid out as `PyObj<T>` (then, for a heap subtype, its
/// dict and slot cells) followed by `tail` bytes of variable-size data (CPython's var-sized
/// objects: the characters of a compact str live in the same block as its header). `init`
/// receives the tail's address (uninitialised) and returns the payload, which must remember
/// how long the tail is: the type's `dealloc` frees the block with [`free_with_tail`].
pub fn alloc_object_with_tail<T: Payload>(ty: &PyType, tail: usize, init: impl FnOnce(*mut u8) -> T) -> Value {
    let fixed = ty.basicsize.get().max(std::mem::size_of::<PyObj<T>>());
    let ptr = raw_alloc(ty, fixed + tail, std::mem::size_of::<PyObj<T>>(), fixed);
    // SAFETY: fresh allocation of `fixed + tail` bytes; the header and payload are written
    // here, the cells up to `fixed` are zeroed, and `init` fills the tail.
    unsafe {
        let data = init((ptr.as_ptr() as *mut u8).add(fixed));
        std::ptr::write(
            ptr.as_ptr() as *mut PyObj<T>,
            PyObj { header: ObjHeader { refcnt: Cell::new(1), ob_type: Cell::new(ty) }, data },
        );
        ty.incref_as_type();
        Value::from_header(ptr)
    }
}

/// Where the tail of an object allocated by [`alloc_object_with_tail`] starts.
#[inline(always)]
pub fn tail_offset<T: Payload>(ty: &PyType) -> usize {
    ty.basicsize.get().max(std::mem::size_of::<PyObj<T>>())
}

/// Grow or shrink the tail of the only reference to a non-GC object allocated by
/// [`alloc_object_with_tail`]; the object may move, so the old value is consumed and the new
/// one returned. The first `min(old_tail, new_tail)` tail bytes are kept.
///
/// # Safety
/// `v` must be the sole reference to such an object (refcount 1, no borrows of it or of its
/// payload alive, not weakly referenced) whose current tail is `old_tail` bytes, and its type
/// must not be a GC type. The caller updates any payload field that points into the tail.
pub unsafe fn realloc_tail<T: Payload>(v: Value, old_tail: usize, new_tail: usize) -> Value {
    // SAFETY: by the caller's contract (`# Safety` above) `v` is the only reference to a non-GC
    // object with an `old_tail`-byte tail: the block can be moved by the allocator, the old address
    // is used by no one else, and the returned value owns the moved block.
    unsafe {
        let ty = v.ty();
        debug_assert!(!ty.has_gc() && v.refcount() == 1);
        let fixed = tail_offset::<T>(ty);
        let raw = v.into_raw() as *mut u8;
        let moved = block_cache::realloc(raw, fixed + old_tail, fixed + new_tail);
        if moved.is_null() {
            std::alloc::handle_alloc_error(Layout::from_size_align(fixed + new_tail, 8).expect("object layout"));
        }
        crate::limits::note_free(old_tail);
        crate::limits::note_allocation(new_tail);
        Value::from_header(NonNull::new_unchecked(moved as *mut ObjHeader))
    }
}

/// Allocate `size` bytes (plus the GC head for GC types) and return the header address. The
/// first `init_len` bytes are left for the caller to initialise; the bytes from there up to
/// `zero_end` (dict and slot cells of heap-type instances) are zeroed, i.e. `None`; any bytes
/// after `zero_end` (a tail) are left for the caller too.
fn raw_alloc(ty: &PyType, size: usize, init_len: usize, zero_end: usize) -> NonNull<ObjHeader> {
    crate::limits::note_allocation(size);
    let has_gc = ty.has_gc();
    let pre = if has_gc { std::mem::size_of::<gc::GcHead>() } else { 0 };
    let base = block_cache::alloc(pre + size);
    if base.is_null() {
        std::alloc::handle_alloc_error(Layout::from_size_align(pre + size, 8).expect("object layout"));
    }
    if zero_end > init_len {
        // SAFETY: within the allocation (`zero_end <= size`).
        unsafe { std::ptr::write_bytes(base.add(pre + init_len), 0, zero_end - init_len) };
    }
    // SAFETY: `pre` bytes precede the object within the same allocation.
    let obj = unsafe { base.add(pre) } as *mut ObjHeader;
    if has_gc {
        // SAFETY: the GC head sits right before the object.
        unsafe { gc::track_new(obj) };
    }
    // SAFETY: non-null since base is non-null.
    unsafe { NonNull::new_unchecked(obj) }
}

/// Free the memory of an object whose payload has already been dropped.
///
/// # Safety
/// `obj` must be an object allocated by [`alloc_object`] for type `ty`, already untracked,
/// and never used again.
pub(crate) unsafe fn raw_free(obj: *mut ObjHeader, ty: &PyType, payload_size: usize) {
    // SAFETY: by the caller's contract (`# Safety` above) `obj` was allocated by `alloc_object` for
    // `ty` (so its block size and GC-head offset follow from `ty` and `payload_size`), is untracked
    // and never used again.
    unsafe { free_sized(obj, ty, ty.basicsize.get().max(payload_size)) };
}

/// Free the memory of an object allocated by [`alloc_object_with_tail`] with a `tail`-byte
/// tail, whose payload has already been dropped.
///
/// # Safety
/// As [`raw_free`]; `tail` is the tail length the object has now.
pub(crate) unsafe fn free_with_tail<T: Payload>(obj: *mut ObjHeader, ty: &PyType, tail: usize) {
    // SAFETY: as in `raw_free` (the caller's contract, `# Safety` above), with the block's
    // size including the `tail` bytes it has now.
    unsafe { free_sized(obj, ty, tail_offset::<T>(ty) + tail) };
}

unsafe fn free_sized(obj: *mut ObjHeader, ty: &PyType, size: usize) {
    // SAFETY: the callers (`raw_free`, `free_with_tail`, under their contracts) pass a dead,
    // untracked object whose block is `size` bytes (plus the GC head in front for GC types, so
    // stepping back over it stays in the block) and which is never used again.
    unsafe {
        let has_gc = ty.has_gc();
        let pre = if has_gc { std::mem::size_of::<gc::GcHead>() } else { 0 };
        crate::limits::note_free(size);
        block_cache::free((obj as *mut u8).sub(pre), pre + size);
    }
}

/// The standard `dealloc` for a built-in type with payload `T`: untrack, drop the payload,
/// drop a heap subtype's dict and slots, free the memory, release the type.
///
/// # Safety
/// Called only by [`dealloc`] on an object of a type whose payload is `T`.
pub(crate) unsafe fn dealloc_payload<T: Payload>(obj: *mut ObjHeader) {
    // SAFETY: called only by `dealloc` on a dead object whose type's payload is `T`: the payload is
    // dropped once, the instance's extras cleared, the block freed with `T`'s size, and the type
    // reference released last.
    unsafe {
        let ty_ptr = (*obj).ob_type.get();
        let ty = &*ty_ptr;
        if ty.has_gc() {
            gc::untrack(obj);
        }
        // A heap subtype's dict and slots, and the instance dict of a static type that has one
        // (exceptions, staticmethod/classmethod).
        if ty.is_heap_type() || ty.dictoffset.get() != 0 {
            crate::typeobj::clear_instance_extras(obj, ty);
        }
        let data = &mut (*(obj as *mut PyObj<T>)).data;
        let tail = data.tail_len();
        std::ptr::drop_in_place(data);
        free_with_tail::<T>(obj, ty, tail);
        // Release the reference the instance held to a heap type (after freeing: the type may go).
        PyType::decref_as_type(ty_ptr);
    }
}

/// The deallocation path's part of an interpreter's state (CPython's trashcan).
pub(crate) struct DeallocState {
    depth: Cell<u32>,
    deferred: std::cell::RefCell<Vec<NonNull<ObjHeader>>>,
}

impl DeallocState {
    pub(crate) fn new() -> DeallocState {
        DeallocState { depth: Cell::new(0), deferred: std::cell::RefCell::new(Vec::new()) }
    }
}

/// How deep deallocations may nest before further ones are queued (CPython's trashcan).
const TRASHCAN_DEPTH: u32 = 64;

/// Called when a reference count reaches zero.
///
/// # Safety
/// `obj` must be a live object whose count just dropped to zero.
#[cold]
#[inline(never)]
pub(crate) unsafe fn dealloc(obj: NonNull<ObjHeader>) {
    // SAFETY: by the caller's contract (`# Safety` above) `obj` is a live object whose count just
    // reached zero, so the finalizer check, weakref clearing and the type's dealloc slot each see
    // it once; deferred objects are handled the same way later.
    unsafe {
        // Fast path for leaf objects (no GC, no finalizer: floats, strs, big ints...): they
        // cannot start a deep chain of deallocations, so skip the trashcan bookkeeping.
        let ty = obj.as_ref().ty();
        // The commonest deaths skip the general path's checks (neither floats nor strs have a
        // finalizer, a GC head or weak references). First an exact float (arithmetic temporaries,
        // overwritten locals and list items): back on the free list.
        if std::ptr::eq(ty, &crate::objects::float::FLOAT_TYPE.0) {
            crate::objects::float::free_exact(obj.as_ptr());
            return;
        }
        // The next commonest, an exact str: one block, nothing inside to release.
        if std::ptr::eq(ty, &crate::objects::str::STR_TYPE.0) {
            crate::objects::str::free_exact(obj.as_ptr());
            return;
        }
        if ty.flags.get() & (crate::typeobj::flags::HAVE_GC | crate::typeobj::flags::HAS_FINALIZER) == 0 {
            crate::objects::weakref::clear_on_dealloc(obj.as_ptr());
            let f = ty.slots.dealloc.get();
            f(obj.as_ptr());
            return;
        }
        let state = &crate::pystate::interp().dealloc;
        let depth = state.depth.get();
        if depth >= TRASHCAN_DEPTH {
            state.deferred.borrow_mut().push(obj);
            return;
        }
        state.depth.set(depth + 1);
        let header = obj.as_ref();
        if header.ty().finalize_on_dealloc(obj) {
            // `__del__` resurrected the object: it lives on.
        } else {
            // Weak references to the object go dead now (side table in `objects::weakref`).
            crate::objects::weakref::clear_on_dealloc(obj.as_ptr());
            let f = header.ty().slots.dealloc.get();
            f(obj.as_ptr());
        }
        state.depth.set(depth);
        if depth == 0 {
            drain_deferred(state);
        }
    }
}

/// Deallocate the objects queued by the trashcan, one at a time at depth 1.
unsafe fn drain_deferred(state: &DeallocState) {
    // SAFETY: the queue holds only objects whose count reached zero and which were not deallocated
    // yet (pushed by `dealloc`), each popped and handled once.
    unsafe {
        loop {
            let next = state.deferred.borrow_mut().pop();
            let Some(obj) = next else { break };
            state.depth.set(1);
            let header = obj.as_ref();
            if !header.ty().finalize_on_dealloc(obj) {
                crate::objects::weakref::clear_on_dealloc(obj.as_ptr());
                let f = header.ty().slots.dealloc.get();
                f(obj.as_ptr());
            }
            state.depth.set(0);
        }
    }
}

/// Mark an object immortal: its count is never changed again and it is never freed.
/// Immortal objects are shared by every interpreter, on any thread, and never written
/// again: a str's hash, which other strs compute lazily, is computed now.
pub fn make_immortal(v: &Value) {
    if let Some(h) = v.header() {
        if h.ty().has_gc() {
            // SAFETY: a GC object; immortal objects are never collected.
            unsafe { gc::untrack(h as *const ObjHeader as *mut ObjHeader) };
        }
        if let Some(s) = v.downcast::<crate::objects::str::StrData>() {
            s.freeze();
        }
        h.refcnt.set(IMMORTAL_REFCNT);
    }
}

/// Allocate a type object (a `PyType`, possibly followed by a metaclass's dict/slots).
pub(crate) fn alloc_type_object(meta: &PyType, t: PyType) -> Value {
    let size = meta.basicsize.get().max(std::mem::size_of::<PyType>());
    let ptr = raw_alloc(meta, size, std::mem::size_of::<PyType>(), size);
    // SAFETY: fresh allocation large enough for a `PyType` (header first).
    unsafe {
        std::ptr::write(ptr.as_ptr() as *mut PyType, t);
        meta.incref_as_type();
        Value::from_header(ptr)
    }
}
