//! The process allocator: mimalloc, called directly.
//!
//! The `mimalloc` crate's `GlobalAlloc` sends every request through `mi_malloc_aligned`, whose
//! small-alignment case still takes mimalloc's generic path. Objects, strings and vectors only
//! need the 8-byte alignment `mi_malloc` always gives, so those go to the plain fast path and
//! only larger alignments use the aligned entry points.

use std::alloc::{GlobalAlloc, Layout};
use std::ffi::c_void;

use libmimalloc_sys as mi;

extern "C" {
    // Part of mimalloc's stable C API (`mimalloc.h`); the sys crate only binds it with its
    // `extended` feature.
    fn mi_option_set(option: std::ffi::c_int, value: std::ffi::c_long);
}

/// `mi_option_arena_eager_commit` in `mimalloc.h`'s `mi_option_e`.
const MI_OPTION_ARENA_EAGER_COMMIT: std::ffi::c_int = 4;

/// Commit arena memory as it is used rather than up front: a short script's resident set is
/// then what it allocates (about half of the eager default), at no measurable speed cost.
/// Runs as an ELF constructor, before the Rust runtime's first allocation creates an arena.
extern "C" fn configure() {
    // SAFETY: setting an option is allowed at any time; it affects arenas made afterwards.
    unsafe { mi_option_set(MI_OPTION_ARENA_EAGER_COMMIT, 0) };
}

#[used]
#[link_section = ".init_array"]
static CONFIGURE: extern "C" fn() = configure;

/// Alignment every `mi_malloc` block has (a pointer's).
#[cfg_attr(feature = "system-alloc", allow(dead_code))]
const PLAIN_ALIGN: usize = std::mem::size_of::<usize>();

#[cfg_attr(feature = "system-alloc", allow(dead_code))]
pub struct MiMalloc;

// SAFETY: each method forwards to the mimalloc function with the same contract; blocks from
// either entry point are freed by `mi_free`.
unsafe impl GlobalAlloc for MiMalloc {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if layout.align() <= PLAIN_ALIGN {
            // SAFETY: `mi_malloc` accepts any size (0 included) and returns null or a block
            // aligned to at least `PLAIN_ALIGN` >= `layout.align()`.
            unsafe { mi::mi_malloc(layout.size()) as *mut u8 }
        } else {
            // SAFETY: `layout.align()` is a power of two (a `Layout` invariant), as
            // `mi_malloc_aligned` requires.
            unsafe { mi::mi_malloc_aligned(layout.size(), layout.align()) as *mut u8 }
        }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        if layout.align() <= PLAIN_ALIGN {
            // SAFETY: as `mi_malloc` in `alloc`, zeroed.
            unsafe { mi::mi_zalloc(layout.size()) as *mut u8 }
        } else {
            // SAFETY: as `mi_malloc_aligned` in `alloc`, zeroed.
            unsafe { mi::mi_zalloc_aligned(layout.size(), layout.align()) as *mut u8 }
        }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, _layout: Layout) {
        // SAFETY: `GlobalAlloc` guarantees `ptr` came from this allocator (so from one of the
        // mimalloc entry points above) and is freed once; `mi_free` frees aligned blocks too.
        unsafe { mi::mi_free(ptr as *mut c_void) };
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if layout.align() <= PLAIN_ALIGN {
            // SAFETY: `ptr` is a live block of this allocator (the `GlobalAlloc` contract), and
            // every mimalloc block keeps `PLAIN_ALIGN` alignment when resized.
            unsafe { mi::mi_realloc(ptr as *mut c_void, new_size) as *mut u8 }
        } else {
            // SAFETY: `ptr` is a live block allocated with `layout.align()`, a power of two.
            unsafe { mi::mi_realloc_aligned(ptr as *mut c_void, new_size, layout.align()) as *mut u8 }
        }
    }
}
