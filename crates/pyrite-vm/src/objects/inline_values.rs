//! Instance attributes stored inline (CPython 3.12's managed dicts with inline values and
//! PEP 412 key sharing).
//!
//! A heap class whose instances get a `__dict__` (and that is flagged `INLINE_VALUES`) keeps
//! the *names* of its instances' attributes once, in the class (`PyType::inline_keys`, append
//! only, at most [`CAPACITY`]), and each instance keeps only the *values*, in a fixed block right
//! after its `__dict__` cell:
//!
//! ```text
//! dictoffset:      Option<Value>   the __dict__, None until someone asks for it
//! dictoffset + 8:  order: u64      key indices in insertion order, 4 bits each
//!                  count: u8       number of attributes set
//! dictoffset + 24: [Option<Value>; CAPACITY]   values, by key index
//! ```
//!
//! While the `__dict__` cell is empty the block is authoritative. Asking for `__dict__`
//! (`vars()`, `obj.__dict__`, pickling, `__class__` assignment, or a seventeenth attribute name)
//! *materialises* a real dict from the block, in the instance's insertion order, and empties the
//! block; from then on the dict is authoritative, as for any other object. Specialised
//! LOAD_ATTR/STORE_ATTR forms read and write the block by key index, guarded by the class's
//! version tag (the index of a name in a class's keys never changes).

use std::cell::{Cell, UnsafeCell};

use crate::object::Value;
use crate::objects::{dict, str as pystr};
use crate::typeobj::{flags, PyType};

/// Attributes an instance can hold inline; a class's keys never grow beyond this. (CPython
/// 3.12 sizes its inline values by the class's shared keys, about 30; 16 covers the classes
/// that ordinary code writes, at 144 bytes per instance.)
pub const CAPACITY: usize = 16;

/// Bytes the block takes after the `__dict__` cell.
pub const BLOCK_SIZE: usize = std::mem::size_of::<InlineValues>();

#[repr(C)]
pub struct InlineValues {
    order: Cell<u64>,
    count: Cell<u8>,
    slots: [UnsafeCell<Option<Value>>; CAPACITY],
}

const _: () = assert!(std::mem::size_of::<InlineValues>() == 16 + 8 * CAPACITY);

impl InlineValues {
    /// The value at key index `i` (a new reference), if set.
    #[inline(always)]
    pub fn get(&self, i: usize) -> Option<Value> {
        // SAFETY: read of an owned cell; nobody holds a borrow of it.
        unsafe { (*self.slots[i].get()).clone() }
    }

    /// Borrow the value at key index `i`.
    #[inline(always)]
    pub fn peek(&self, i: usize) -> Option<&Value> {
        // SAFETY: as above; the borrow ends before the cell is written (single-threaded, and
        // callers never hold it across Python code).
        unsafe { (*self.slots[i].get()).as_ref() }
    }

    /// Store at key index `i`, recording the insertion order of a new attribute.
    #[inline]
    pub fn set(&self, i: usize, v: Value) {
        // SAFETY: single-threaded write of an owned cell; the old value is dropped after.
        let old = unsafe { std::mem::replace(&mut *self.slots[i].get(), Some(v)) };
        match old {
            Some(old) => drop(old),
            None => {
                let n = self.count.get();
                self.order.set(self.order.get() | (i as u64) << (4 * n as u32));
                self.count.set(n + 1);
            }
        }
    }

    /// Remove the value at key index `i`; false if it was not set.
    pub fn delete(&self, i: usize) -> bool {
        // SAFETY: as in `set`.
        let Some(old) = (unsafe { (*self.slots[i].get()).take() }) else { return false };
        let kept: Vec<u32> = self.indices().filter(|&j| j as usize != i).collect();
        self.order.set(pack(&kept));
        self.count.set(kept.len() as u8);
        drop(old);
        true
    }

    /// Key indices of the set attributes, in insertion order.
    fn indices(&self) -> impl Iterator<Item = u32> {
        let order = self.order.get();
        (0..self.count.get() as u32).map(move |k| ((order >> (4 * k)) & 0xf) as u32)
    }

    pub fn is_empty(&self) -> bool {
        self.count.get() == 0
    }

    /// Take every value out, in insertion order, with its key index.
    fn drain(&self) -> Vec<(usize, Value)> {
        let out = self
            .indices()
            // SAFETY: as in `set`.
            .filter_map(|i| unsafe { (*self.slots[i as usize].get()).take() }.map(|v| (i as usize, v)))
            .collect();
        self.order.set(0);
        self.count.set(0);
        out
    }

    /// Drop every value, by key index (the order in which CPython's instance deallocation
    /// releases its inline values), without the insertion-order bookkeeping of [`drain`].
    fn clear_all(&self) {
        let n = self.count.get();
        if n == 0 {
            return;
        }
        self.order.set(0);
        self.count.set(0);
        let mut left = n;
        for s in &self.slots {
            // SAFETY: single-threaded take of an owned cell; the drop may run code that looks
            // at the object, which then finds the block empty up to here.
            if let Some(v) = unsafe { (*s.get()).take() } {
                drop(v);
                left -= 1;
                if left == 0 {
                    break;
                }
            }
        }
    }

    pub fn visit(&self, visit: &mut dyn FnMut(&Value)) {
        for s in &self.slots {
            // SAFETY: read.
            if let Some(v) = unsafe { &*s.get() } {
                visit(v);
            }
        }
    }
}

fn pack(indices: &[u32]) -> u64 {
    indices.iter().enumerate().fold(0, |acc, (k, &i)| acc | (i as u64) << (4 * k as u32))
}

/// The block of `obj`, if its class stores attributes inline (whether or not the `__dict__`
/// has been materialised).
#[inline(always)]
pub fn block(obj: &Value) -> Option<&InlineValues> {
    let h = obj.header()?;
    let ty = h.ty();
    if ty.flags.get() & flags::INLINE_VALUES == 0 {
        return None;
    }
    // SAFETY: classes with the flag have the block right after the `__dict__` cell.
    Some(unsafe { &*((obj.as_ptr() as *const u8).add(ty.dictoffset.get() + 8) as *const InlineValues) })
}

/// [`active`] for an object whose class is known to keep a block (the specialised attribute
/// forms' type-version guard vouches for it): no flag or offset checks.
///
/// # Safety
/// `obj` must be a heap instance of a class flagged `INLINE_VALUES`.
#[inline(always)]
pub unsafe fn active_in_flagged_class(obj: &Value) -> Option<&InlineValues> {
    // SAFETY: by the caller's contract (`# Safety` above) `obj` is a heap instance of a class
    // flagged `INLINE_VALUES`, so its layout has the inline values block right after the dict cell
    // at `dictoffset`.
    unsafe {
        let ty = obj.header().unwrap_unchecked().ty();
        let dict_cell = (obj.as_ptr() as *const u8).add(ty.dictoffset.get());
        let cell = &*(dict_cell as *const UnsafeCell<Option<Value>>);
        if (*cell.get()).is_some() {
            return None;
        }
        Some(&*(dict_cell.add(8) as *const InlineValues))
    }
}

/// The block of `obj` while it is authoritative (the `__dict__` not materialised).
#[inline(always)]
pub fn active(obj: &Value) -> Option<&InlineValues> {
    let b = block(obj)?;
    let cell = crate::typeobj::instance_dict_cell(obj)?;
    // SAFETY: read of the dict cell.
    if unsafe { (*cell.get()).is_some() } {
        return None;
    }
    Some(b)
}

/// Run `f` with the class's attribute names (append only), the one way to reach them.
///
/// Rule: `f` must not run Python code, nor anything that can, and must not reach this class's
/// keys again: the `&mut` is the only live borrow of the vector while `f` runs. Nothing here
/// drops a key (they live as long as the class).
#[inline(always)]
fn with_keys<R>(ty: &PyType, f: impl FnOnce(&mut Vec<Value>) -> R) -> R {
    // SAFETY: the interpreter is single-threaded (a heap type is reachable only from the
    // thread its interpreter is attached to; static types never get keys), and by the rule
    // above no other borrow of the vector is created while `f` runs, so this `&mut` is
    // unique for its lifetime, which ends with `f`.
    f(unsafe { &mut *ty.inline_keys.get() })
}

/// How many attribute names the class has given slots (the inline caches' keys guard).
#[inline(always)]
pub fn keys_len(ty: &PyType) -> usize {
    with_keys(ty, |ks| ks.len())
}

/// The attribute name of slot `i`, if assigned.
#[inline]
pub fn key_at(ty: &PyType, i: usize) -> Option<Value> {
    with_keys(ty, |ks| ks.get(i).cloned())
}

/// Index of `name` in the class's keys. Keys are interned strs, so an interned `name` (attribute
/// names in code always are) is found, or ruled out, by identity alone.
#[inline]
pub fn key_index(ty: &PyType, name: &Value) -> Option<usize> {
    // Comparing strs runs no Python code.
    with_keys(ty, |ks| {
        if let Some(i) = ks.iter().position(|k| k.is(name)) {
            return Some(i);
        }
        let d = pystr::str_data(name)?;
        if d.interned.get() {
            return None;
        }
        ks.iter().position(|k| pystr::str_eq(k, name))
    })
}

/// Index of `name`, adding it to the class's keys if there is room.
fn key_index_or_add(ty: &PyType, name: &Value) -> Option<usize> {
    if let Some(i) = key_index(ty, name) {
        return Some(i);
    }
    // Only interned names become keys (see `key_index`); others go to a real dict.
    if !pystr::str_data(name)?.interned.get() {
        return None;
    }
    with_keys(ty, |ks| {
        if ks.len() >= CAPACITY {
            return None;
        }
        ks.push(name.clone());
        Some(ks.len() - 1)
    })
}

/// `obj.name` from the inline block: `None` if the block does not apply (dict materialised or
/// no such layout), `Some(None)` if the attribute is not set.
#[inline]
pub fn get(obj: &Value, name: &Value) -> Option<Option<Value>> {
    let b = active(obj)?;
    Some(key_index(obj.ty(), name).and_then(|i| b.get(i)))
}

/// `obj.name = value` (or `del obj.name` for `None`) in the inline block. `None` if the block
/// does not apply; otherwise whether the attribute existed (for deletion).
pub fn set(obj: &Value, name: &Value, value: Option<&Value>) -> Option<bool> {
    let b = active(obj)?;
    if !pystr::is_str(name) || !std::ptr::eq(name.ty(), &pystr::STR_TYPE.0) {
        return None;
    }
    let ty = obj.ty();
    match value {
        Some(v) => {
            let i = key_index_or_add(ty, name)?;
            b.set(i, v.clone());
            Some(true)
        }
        None => Some(key_index(ty, name).map(|i| b.delete(i)).unwrap_or(false)),
    }
}

/// Give `obj` a real `__dict__` holding its inline attributes (insertion order kept); the
/// block is emptied. Returns the dict, or `None` if `obj` has no `__dict__` slot.
pub fn materialize(obj: &Value) -> Option<Value> {
    let cell = crate::typeobj::instance_dict_cell(obj)?;
    // SAFETY: single-threaded access to the dict cell.
    if let Some(d) = unsafe { (*cell.get()).clone() } {
        return Some(d);
    }
    let d = dict::new_dict();
    if let Some(b) = block(obj) {
        let dd = dict::dict_data(&d).expect("dict");
        for (i, v) in b.drain() {
            dd.set_str(key_at(obj.ty(), i).expect("a key for each set value"), v);
        }
    }
    // SAFETY: as above; the cell was empty.
    unsafe { *cell.get() = Some(d.clone()) };
    Some(d)
}

/// Drop the block's values (dealloc, GC clear, `__dict__` replaced).
///
/// # Safety
/// `obj_base` is the start of a live instance of `ty`.
pub unsafe fn clear(obj_base: *const u8, ty: &PyType) {
    if ty.flags.get() & flags::INLINE_VALUES == 0 {
        return;
    }
    // SAFETY: `obj_base` starts an instance of `ty` (the caller's contract), and the flag
    // guarantees the block's place in its layout, right after the dict cell.
    let b = unsafe { &*(obj_base.add(ty.dictoffset.get() + 8) as *const InlineValues) };
    b.clear_all();
}

/// Visit the block's values (GC traversal).
///
/// # Safety
/// As for [`clear`].
pub unsafe fn traverse(obj_base: *const u8, ty: &PyType, visit: &mut dyn FnMut(&Value)) {
    if ty.flags.get() & flags::INLINE_VALUES == 0 {
        return;
    }
    // SAFETY: as in `clear`; visiting runs no Python code, so the block is not changed meanwhile.
    let b = unsafe { &*(obj_base.add(ty.dictoffset.get() + 8) as *const InlineValues) };
    b.visit(visit);
}
