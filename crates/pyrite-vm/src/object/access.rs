//! A debug-build check for the scoped accessors of interior storage (`ListData::with_vec`,
//! `DictData::with_table`, `SetData::with_t`). Their rule (the closure runs no Python code
//! and does not reach the same storage again) is what makes the `&mut` they lend unique; in
//! debug builds a nested access to the same storage panics instead of aliasing. In release
//! builds both types are zero-sized and the check compiles to nothing.

use std::marker::PhantomData;

/// Whether the storage it sits beside is lent out (debug builds only).
#[derive(Default)]
pub struct AccessFlag {
    #[cfg(debug_assertions)]
    busy: std::cell::Cell<bool>,
}

impl AccessFlag {
    pub const fn new() -> AccessFlag {
        AccessFlag {
            #[cfg(debug_assertions)]
            busy: std::cell::Cell::new(false),
        }
    }

    /// Mark the storage lent out until the returned scope ends; panics (debug builds) if it
    /// already is.
    #[inline(always)]
    pub fn enter(&self) -> AccessScope<'_> {
        #[cfg(debug_assertions)]
        {
            assert!(!self.busy.replace(true), "nested access to a container's storage (an accessor closure reached it again)");
        }
        AccessScope { flag: self, _not_send: PhantomData }
    }
}

/// The storage is lent out while this lives.
pub struct AccessScope<'a> {
    #[cfg_attr(not(debug_assertions), allow(dead_code))]
    flag: &'a AccessFlag,
    _not_send: PhantomData<*const ()>,
}

impl Drop for AccessScope<'_> {
    #[inline(always)]
    fn drop(&mut self) {
        #[cfg(debug_assertions)]
        self.flag.busy.set(false);
    }
}
