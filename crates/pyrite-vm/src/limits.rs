//! Resource accounting for embedders' limits (memory ceiling), checked at allocation.

#[inline(always)]
pub fn note_allocation(size: usize) {
    let a = &crate::pystate::interp().allocated;
    a.set(a.get().wrapping_add(size));
}

#[inline(always)]
pub fn note_free(size: usize) {
    let a = &crate::pystate::interp().allocated;
    a.set(a.get().wrapping_sub(size));
}

/// Bytes currently held by the attached interpreter's objects.
pub fn allocated() -> usize {
    crate::pystate::interp().allocated.get()
}
