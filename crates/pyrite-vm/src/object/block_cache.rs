//! Last-in-first-out caches of small object blocks, in front of the allocator (CPython's
//! pymalloc keeps each pool's freed blocks on a LIFO list for the same reason).
//!
//! mimalloc hands a page's freed blocks out again only once the page's free list has run dry,
//! so the block of an object that dies and the one the next object of that size gets are
//! different, usually cold, cache lines: string and dict churn then spends its time waiting
//! for memory. Here the last freed blocks of each size class are handed out first, still in
//! the L1 cache.
//!
//! Blocks of up to [`MAX_SIZE`] bytes are allocated with their size rounded up to the class
//! size (a multiple of [`GRANULE`]), so any cached block of a class fits any request of it;
//! larger ones go straight to the allocator. Each class keeps at most [`KEEP`] blocks, which
//! bounds what the caches hold (about 130 KiB per interpreter). The first word of a cached block
//! links it to the next one.
//!
//! With the `plain-alloc` feature (memory checkers) every request goes to the allocator, so
//! that use-after-free of an object block is reported.

use std::alloc::Layout;
use std::cell::Cell;

/// Size classes are multiples of this (and blocks are aligned to 8, as every object).
pub const GRANULE: usize = 16;
const CLASSES: usize = 16;
/// The largest block kept: 256 bytes covers short strs, ints, lists, dicts and instances
/// with their GC head.
pub const MAX_SIZE: usize = GRANULE * CLASSES;
/// Blocks kept per class.
const KEEP: u32 = 64;

struct Class {
    head: Cell<*mut u8>,
    count: Cell<u32>,
}

#[allow(clippy::declare_interior_mutable_const)]
const EMPTY: Class = Class { head: Cell::new(std::ptr::null_mut()), count: Cell::new(0) };

/// An interpreter's block caches, one per size class.
pub struct BlockCache {
    classes: [Class; CLASSES],
}

impl BlockCache {
    pub(crate) const fn new() -> BlockCache {
        BlockCache { classes: [EMPTY; CLASSES] }
    }

    /// Hand every cached block back to the allocator (interpreter teardown).
    pub(crate) fn drain(&self) {
        for (i, class) in self.classes.iter().enumerate() {
            let mut p = class.head.replace(std::ptr::null_mut());
            class.count.set(0);
            while !p.is_null() {
                // SAFETY: cached blocks are linked through their first word and were
                // allocated with their class's layout.
                unsafe {
                    let next = *(p as *mut *mut u8);
                    std::alloc::dealloc(p, layout((i + 1) * GRANULE));
                    p = next;
                }
            }
        }
    }
}

#[inline(always)]
fn cache() -> &'static BlockCache {
    &crate::pystate::interp().blocks
}

/// The layout a block of `size` bytes is allocated (and freed) with.
#[inline(always)]
fn layout(size: usize) -> Layout {
    let rounded = if size <= MAX_SIZE { size.max(1).div_ceil(GRANULE) * GRANULE } else { size };
    // SAFETY: 8 is a power of two and `rounded` does not overflow when rounded to it (object
    // sizes are far below isize::MAX).
    unsafe { Layout::from_size_align_unchecked(rounded, 8) }
}

#[inline(always)]
fn class_of(size: usize) -> usize {
    (size.max(1) - 1) / GRANULE
}

/// A block of at least `size` bytes, aligned to 8 (null if the allocator refuses).
#[inline(always)]
pub fn alloc(size: usize) -> *mut u8 {
    if !cfg!(feature = "plain-alloc") && size <= MAX_SIZE {
        let class = &cache().classes[class_of(size)];
        let head = class.head.get();
        if !head.is_null() {
            // SAFETY: a cached block's first word links to the next one.
            class.head.set(unsafe { *(head as *mut *mut u8) });
            class.count.set(class.count.get() - 1);
            return head;
        }
    }
    // SAFETY: the layout has a non-zero size.
    unsafe { std::alloc::alloc(layout(size)) }
}

/// Give back a block that [`alloc`] returned for `size` bytes.
///
/// # Safety
/// `block` came from [`alloc`] with the same `size`, and nothing uses it any more.
#[inline(always)]
pub unsafe fn free(block: *mut u8, size: usize) {
    // SAFETY: by the caller's contract (`# Safety` above) `block` came from `alloc` with this
    // `size` and is no longer used, so it may go back to its size class's cache or to the
    // allocator.
    unsafe {
        if !cfg!(feature = "plain-alloc") && size <= MAX_SIZE {
            let class = &cache().classes[class_of(size)];
            let n = class.count.get();
            if n < KEEP {
                *(block as *mut *mut u8) = class.head.get();
                class.head.set(block);
                class.count.set(n + 1);
                return;
            }
        }
        std::alloc::dealloc(block, layout(size));
    }
}

/// Move a block to a new size (the first `min(old, new)` bytes are kept); null if the
/// allocator refuses (the old block is then still valid).
///
/// # Safety
/// As [`free`] for `block` and `old_size`.
pub unsafe fn realloc(block: *mut u8, old_size: usize, new_size: usize) -> *mut u8 {
    // SAFETY: by the caller's contract (`# Safety` above) `block` came from `alloc` with `old_size`
    // and nothing else uses it; the allocator's realloc (or alloc + copy + free of a cached block)
    // keeps the first `min(old, new)` bytes.
    unsafe {
        if old_size > MAX_SIZE && new_size > MAX_SIZE {
            return std::alloc::realloc(block, layout(old_size), new_size);
        }
        // A class block must be freed with its class layout: move it by hand.
        let moved = alloc(new_size);
        if !moved.is_null() {
            std::ptr::copy_nonoverlapping(block, moved, old_size.min(new_size));
            free(block, old_size);
        }
        moved
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn freed_blocks_come_back_first_and_fit_their_class() {
        let state = crate::pystate::InterpreterState::new(crate::Config::default());
        // SAFETY: `state` outlives the guard.
        let _attached = unsafe { crate::pystate::Attached::new(&*state) };
        let a = alloc(40);
        let b = alloc(48);
        // SAFETY: `a` came from `alloc(40)` and is not used again.
        unsafe { free(a, 40) };
        // Same class (33..=48 bytes): the block just freed is handed out again.
        let c = alloc(33);
        if !cfg!(feature = "plain-alloc") {
            assert_eq!(a, c);
        }
        // SAFETY: `c` has 48 bytes (a request of 33 is rounded up to its 16-byte class, cached
        // or not), so writing 48 bytes stays inside it; `b` and `c` came from `alloc` with these sizes
        // and are not used again.
        unsafe {
            std::ptr::write_bytes(c, 0xab, 48);
            free(b, 48);
            free(c, 33);
        }
        let big = alloc(1000);
        // SAFETY: the block came from `alloc(24)` and is moved once.
        let grown = unsafe { realloc(alloc(24), 24, 300) };
        // SAFETY: `big` and `grown` came from `alloc(1000)` and `realloc(.., 300)`, each freed
        // once with its size.
        unsafe {
            free(big, 1000);
            free(grown, 300);
        }
        state.blocks.drain();
    }
}
