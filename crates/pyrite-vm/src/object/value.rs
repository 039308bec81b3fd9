//! `Value`: one machine word, either a tagged small int or an owned reference to a heap object.

use std::fmt;
use std::marker::PhantomData;
use std::mem::ManuallyDrop;
use std::ptr::NonNull;

use super::{ObjHeader, Payload, PyObj};
use crate::typeobj::PyType;

/// Largest integer stored inline in a `Value` (63-bit two's complement payload).
pub const SMALL_INT_MAX: i64 = (1i64 << 62) - 1;
/// Smallest integer stored inline in a `Value`.
pub const SMALL_INT_MIN: i64 = -(1i64 << 62);

/// An owned Python value. See the module invariants in `object/mod.rs`.
#[repr(transparent)]
pub struct Value {
    bits: NonNull<ObjHeader>,
    _not_send: PhantomData<*const ObjHeader>,
}

impl Value {
    /// Wrap a header pointer that already carries one reference for the new `Value`.
    ///
    /// # Safety
    /// `ptr` must point at a live object and the caller transfers one reference.
    #[inline(always)]
    pub unsafe fn from_header(ptr: NonNull<ObjHeader>) -> Value {
        Value { bits: ptr, _not_send: PhantomData }
    }

    /// Borrow a header pointer as a new owned reference (increments the count).
    ///
    /// # Safety
    /// `ptr` must point at a live object.
    #[inline(always)]
    pub unsafe fn from_header_borrowed(ptr: *const ObjHeader) -> Value {
        // SAFETY: by the caller's contract (`# Safety` above) `ptr` points at a live object; the
        // temporary `Value` is never dropped (`ManuallyDrop`), and the clone takes the new
        // reference returned.
        unsafe {
            let v = ManuallyDrop::new(Value::from_header(NonNull::new_unchecked(ptr as *mut _)));
            (*v).clone()
        }
    }

    /// A small int known to be in range.
    #[inline(always)]
    pub const fn small_int(i: i64) -> Value {
        debug_assert!(i >= SMALL_INT_MIN && i <= SMALL_INT_MAX);
        let bits = ((i << 1) | 1) as usize;
        // SAFETY: bit 0 is set, so `bits` is non-zero.
        Value { bits: unsafe { NonNull::new_unchecked(bits as *mut ObjHeader) }, _not_send: PhantomData }
    }

    /// The int `i`, tagged when it fits, otherwise a heap big int.
    #[inline(always)]
    pub fn int(i: i64) -> Value {
        // `i` is a small int exactly when `2 * i` does not overflow, and then the tagged word
        // is `2 * i + 1`: one add and one overflow branch.
        match i.checked_add(i) {
            Some(twice) => {
                let bits = (twice | 1) as usize;
                // SAFETY: bit 0 is set, so `bits` is non-zero.
                Value { bits: unsafe { NonNull::new_unchecked(bits as *mut ObjHeader) }, _not_send: PhantomData }
            }
            None => Value::big_from_i64(i),
        }
    }

    #[cold]
    #[inline(never)]
    fn big_from_i64(i: i64) -> Value {
        crate::objects::int::new_big(num_bigint::BigInt::from(i))
    }

    /// The raw word (for identity comparisons and hashing of identity).
    #[inline(always)]
    pub fn bits(&self) -> usize {
        self.bits.as_ptr() as usize
    }

    #[inline(always)]
    pub fn is_small_int(&self) -> bool {
        self.bits() & 1 != 0
    }

    /// The payload of a tagged small int.
    #[inline(always)]
    pub fn as_small_int(&self) -> Option<i64> {
        if self.is_small_int() {
            Some((self.bits() as i64) >> 1)
        } else {
            None
        }
    }

    /// The payload of a value known to be a tagged small int.
    #[inline(always)]
    pub fn small_int_unchecked(&self) -> i64 {
        (self.bits() as i64) >> 1
    }

    /// The header, for heap objects.
    #[inline(always)]
    pub fn header(&self) -> Option<&ObjHeader> {
        if self.is_small_int() {
            None
        } else {
            // SAFETY: a non-tagged value points at a live header while `self` is alive.
            Some(unsafe { self.bits.as_ref() })
        }
    }

    /// The header pointer of a heap object (null-free); tagged ints have none.
    #[inline(always)]
    pub fn as_ptr(&self) -> *const ObjHeader {
        self.bits.as_ptr()
    }

    /// The type of the value.
    #[inline(always)]
    pub fn ty(&self) -> &PyType {
        match self.header() {
            Some(h) => h.ty(),
            None => crate::objects::int::int_type(),
        }
    }

    /// Identity (`is`).
    #[inline(always)]
    pub fn is(&self, other: &Value) -> bool {
        self.bits == other.bits
    }

    /// Borrow the payload if the value's type is `T`'s type or a subtype of it.
    #[inline(always)]
    pub fn downcast<T: Payload>(&self) -> Option<&T> {
        let h = self.header()?;
        let ty = h.ty();
        if std::ptr::eq(ty, T::class()) || ty.is_subtype(T::class()) {
            // SAFETY: instances of `T::class()` and its subtypes start with `PyObj<T>`.
            Some(unsafe { &(*(self.as_ptr() as *const PyObj<T>)).data })
        } else {
            None
        }
    }

    /// Borrow the payload if the value's type is exactly `T`'s type.
    #[inline(always)]
    pub fn downcast_exact<T: Payload>(&self) -> Option<&T> {
        let h = self.header()?;
        if std::ptr::eq(h.ty(), T::class()) {
            // SAFETY: as in `downcast`.
            Some(unsafe { &(*(self.as_ptr() as *const PyObj<T>)).data })
        } else {
            None
        }
    }

    /// Borrow the payload without checking the type.
    ///
    /// # Safety
    /// The value must be a heap object whose layout starts with `PyObj<T>`.
    #[inline(always)]
    pub unsafe fn payload_unchecked<T: Payload>(&self) -> &T {
        // SAFETY: by the caller's contract (`# Safety` above) the value is a heap object laid out
        // as `PyObj<T>` (`repr(C)`, header first); the borrow is tied to `self`, which keeps it
        // alive.
        unsafe { &(*(self.as_ptr() as *const PyObj<T>)).data }
    }

    /// Give up ownership without decrementing: returns the raw word.
    #[inline(always)]
    pub fn into_raw(self) -> *const ObjHeader {
        let v = ManuallyDrop::new(self);
        v.bits.as_ptr()
    }

    /// Re-own a word produced by [`Value::into_raw`].
    ///
    /// # Safety
    /// `raw` must come from `into_raw` and be re-owned at most once.
    #[inline(always)]
    pub unsafe fn from_raw(raw: *const ObjHeader) -> Value {
        // SAFETY: by the caller's contract (`# Safety` above) `raw` came from `into_raw` and is
        // re-owned once, so the reference it stands for is taken over exactly once.
        unsafe { Value { bits: NonNull::new_unchecked(raw as *mut ObjHeader), _not_send: PhantomData } }
    }

    /// The reference count as `sys.getrefcount` reports it (before its own argument).
    pub fn refcount(&self) -> isize {
        match self.header() {
            Some(h) if !h.is_immortal() => h.refcnt(),
            _ => u32::MAX as isize,
        }
    }
}

impl Clone for Value {
    #[inline(always)]
    fn clone(&self) -> Value {
        if !self.is_small_int() {
            // SAFETY: heap value, alive while `self` is.
            let h = unsafe { self.bits.as_ref() };
            let rc = h.refcnt.get();
            if rc >= 0 {
                h.refcnt.set(rc + 1);
            }
        }
        Value { bits: self.bits, _not_send: PhantomData }
    }
}

impl Drop for Value {
    #[inline(always)]
    fn drop(&mut self) {
        self.release();
    }
}

impl Value {
    /// Give up the reference `self` owns (the body of `drop`).
    #[inline(always)]
    fn release(&self) {
        if !self.is_small_int() {
            // SAFETY: heap value with a reference owned by `self`.
            let h = unsafe { self.bits.as_ref() };
            let rc = h.refcnt.get();
            if rc > 1 {
                h.refcnt.set(rc - 1);
            } else if rc == 1 {
                h.refcnt.set(0);
                // SAFETY: the count reached zero; nobody else refers to the object.
                unsafe { super::dealloc(self.bits) };
            }
        }
    }

    /// Drop `v` with the reference-count decrement at the call site. The compiler's drop glue
    /// for `Option<Value>` is a function of its own that LLVM may leave out of line in a
    /// function as big as the eval loop; the loop's local stores use this instead.
    #[inline(always)]
    pub fn drop_inline(v: Option<Value>) {
        if let Some(v) = v {
            let v = std::mem::ManuallyDrop::new(v);
            v.release();
        }
    }
}

impl PartialEq for Value {
    /// Identity, never Python equality (use `protocols::richcompare` for `==`).
    fn eq(&self, other: &Value) -> bool {
        self.is(other)
    }
}
impl Eq for Value {}

impl fmt::Debug for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(i) = self.as_small_int() {
            write!(f, "{i}")
        } else {
            write!(f, "<{} object at {:p}>", self.ty().name(), self.as_ptr())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn int_is_tagged_exactly_in_the_small_range() {
        for i in [0, 1, -1, SMALL_INT_MAX, SMALL_INT_MIN, SMALL_INT_MAX - 1, SMALL_INT_MIN + 1] {
            let v = Value::int(i);
            assert!(v.is_small_int(), "{i} should be tagged");
            assert_eq!(v.as_small_int(), Some(i));
        }
    }
}
