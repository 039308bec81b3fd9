//! A per-thread table of plain entries, allocated on first use: the storage of the caches
//! keyed by (type, version tag, name) (the type method cache, the polymorphic attribute shape
//! cache). The thread-local that holds it is one pointer: a large thread-local block would cost
//! every thread of an embedding program its size, and moves the other thread-locals (the eval
//! loop's breaker flag among them) about.

use std::cell::Cell;

pub struct LazyTable<E: Copy + 'static, const N: usize> {
    entries: Cell<*mut [E; N]>,
    empty: E,
}

impl<E: Copy + 'static, const N: usize> LazyTable<E, N> {
    /// A table whose entries all start as `empty` (for a `const` thread-local initialiser).
    pub const fn new(empty: E) -> Self {
        LazyTable { entries: Cell::new(std::ptr::null_mut()), empty }
    }

    /// The entries (allocated now if this is the first use). The caller holds no reference
    /// into them across anything that could use the table again.
    #[inline(always)]
    pub fn entries(&self) -> *mut [E; N] {
        let p = self.entries.get();
        if p.is_null() {
            return self.allocate();
        }
        p
    }

    #[cold]
    #[inline(never)]
    fn allocate(&self) -> *mut [E; N] {
        let p = Box::into_raw(Box::new([self.empty; N]));
        self.entries.set(p);
        p
    }

    /// Reset every entry to empty (an interpreter's interned names are about to be freed).
    pub fn clear(&self) {
        let p = self.entries.get();
        if !p.is_null() {
            // SAFETY: allocated by `entries`; no reference into it is held.
            unsafe { *p = [self.empty; N] };
        }
    }
}

impl<E: Copy + 'static, const N: usize> Drop for LazyTable<E, N> {
    fn drop(&mut self) {
        let p = self.entries.get();
        if !p.is_null() {
            // SAFETY: allocated by `entries` with `Box::into_raw`, freed once, here.
            drop(unsafe { Box::from_raw(p) });
        }
    }
}

/// The slot of a (type, version tag, interned name) key in a table of `size` entries (a power
/// of two).
#[inline(always)]
pub fn type_name_slot(ty: usize, tag: u32, name: usize, size: usize) -> usize {
    ((name >> 4) ^ (ty >> 6) ^ tag as usize) & (size - 1)
}
