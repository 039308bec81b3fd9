//! Resource accounting for embedders' limits (memory ceiling), checked at allocation.

use std::cell::Cell;

thread_local! {
    static ALLOCATED: Cell<usize> = const { Cell::new(0) };
}

#[inline(always)]
pub fn note_allocation(size: usize) {
    ALLOCATED.with(|a| a.set(a.get().wrapping_add(size)));
}

#[inline(always)]
pub fn note_free(size: usize) {
    ALLOCATED.with(|a| a.set(a.get().wrapping_sub(size)));
}

/// Bytes currently held by Python objects on this thread.
pub fn allocated() -> usize {
    ALLOCATED.with(|a| a.get())
}
