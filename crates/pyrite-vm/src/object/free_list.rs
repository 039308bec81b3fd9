//! Free lists of dead objects' blocks (CPython's per-type free lists): the block of a dead
//! object of a fixed-size kind is kept, whole, for the next object of that kind, so the
//! commonest short-lived objects (floats, small tuples, bound methods) skip the allocator.
//!
//! A list is a head pointer and a count in `Cell`s (meant for a const-initialised
//! thread-local, so both ends cost a few instructions); blocks are chained through the first
//! word of their payload. What a block holds besides the link is the owning type's business:
//! it puts a block on the list only once the payload is dropped (and the object untracked
//! if it is a GC type) and re-initialises header and payload when it takes one.

use std::cell::Cell;

use super::ObjHeader;

pub struct FreeList {
    head: Cell<*mut ObjHeader>,
    count: Cell<usize>,
}

impl FreeList {
    pub const fn new() -> FreeList {
        FreeList { head: Cell::new(std::ptr::null_mut()), count: Cell::new(0) }
    }

    /// The word after the header, where the link to the next block is kept.
    #[inline(always)]
    unsafe fn link(obj: *mut ObjHeader) -> *mut *mut ObjHeader {
        // SAFETY: `obj` is a block on (or going onto) this list, which holds only blocks with at
        // least one word of payload after the header, so the word after the header is in bounds.
        unsafe { obj.add(1) as *mut *mut ObjHeader }
    }

    /// Keep the block of `obj` unless `max` blocks are kept already (then false: the caller
    /// frees it).
    ///
    /// # Safety
    /// `obj` is the block of a dead object whose payload was dropped (and which is untracked),
    /// with at least one word of payload, of the kind this list holds.
    #[inline]
    pub unsafe fn push(&self, obj: *mut ObjHeader, max: usize) -> bool {
        // SAFETY: by the caller's contract (`# Safety` above) `obj` is a dead, untracked block of
        // this list's kind with a payload word free to hold the link, and it is owned by no one
        // else once pushed.
        unsafe {
            let n = self.count.get();
            if n >= max {
                return false;
            }
            *Self::link(obj) = self.head.get();
            self.head.set(obj);
            self.count.set(n + 1);
            true
        }
    }

    /// A kept block, if any (its header and payload are garbage: the caller writes them).
    #[inline]
    pub fn pop(&self) -> Option<*mut ObjHeader> {
        let head = self.head.get();
        if head.is_null() {
            return None;
        }
        // SAFETY: `head` is a kept block; `push` wrote its link.
        self.head.set(unsafe { *Self::link(head) });
        self.count.set(self.count.get() - 1);
        Some(head)
    }

    /// Hand every kept block to `free` (interpreter teardown).
    pub fn drain(&self, mut free: impl FnMut(*mut ObjHeader)) {
        while let Some(obj) = self.pop() {
            free(obj);
        }
    }
}

/// Lengths of exact tuples that get free lists (1 to this).
pub const TUPLE_FREE_MAX_LEN: usize = 8;

/// An interpreter's free lists (CPython keeps them in the interpreter state too).
pub struct FreeLists {
    pub floats: FreeList,
    /// One list per tuple length (index 0 unused).
    pub tuples: [FreeList; TUPLE_FREE_MAX_LEN + 1],
    pub methods: FreeList,
}

impl FreeLists {
    pub(crate) const fn new() -> FreeLists {
        FreeLists { floats: FreeList::new(), tuples: [const { FreeList::new() }; TUPLE_FREE_MAX_LEN + 1], methods: FreeList::new() }
    }

    /// Free every kept block (interpreter teardown).
    pub(crate) fn drain(&self) {
        crate::objects::float::drain_free_list(&self.floats);
        for (n, list) in self.tuples.iter().enumerate() {
            crate::objects::tuple::drain_free_list(list, n);
        }
        crate::objects::function::drain_free_methods(&self.methods);
    }
}
