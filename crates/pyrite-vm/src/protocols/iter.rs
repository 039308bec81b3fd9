//! The iterator protocol (CPython: `PyObject_GetIter`, `PyIter_Next`).

use crate::object::Value;
use crate::objects::exceptions;
use crate::vm::{PyResult, Vm};

/// `iter(v)`.
pub fn get_iter(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let ty = v.ty();
    if let Some(f) = ty.slots.iter.get() {
        let it = f(vm, v)?;
        if it.ty().slots.iternext.get().is_none() {
            return Err(vm.type_error(format!("iter() returned non-iterator of type '{}'", it.ty().name())));
        }
        return Ok(it);
    }
    if ty.slots.getitem.get().is_some() {
        return Ok(crate::objects::iter::new_getitem_iterator(v.clone()));
    }
    Err(vm.type_error(format!("'{}' object is not iterable", ty.name())))
}

/// `next(it)`: `None` when exhausted (a StopIteration raised by the iterator is swallowed).
#[inline]
pub fn next(vm: &mut Vm, it: &Value) -> PyResult<Option<Value>> {
    match it.ty().slots.iternext.get() {
        Some(f) => match f(vm, it) {
            Err(e) if e.matches(exceptions::stop_iteration()) => Ok(None),
            r => r,
        },
        None => Err(vm.type_error(format!("'{}' object is not an iterator", it.ty().name()))),
    }
}

/// Collect an iterable into a vector (fast paths for lists and tuples).
pub fn collect(vm: &mut Vm, iterable: &Value) -> PyResult<Vec<Value>> {
    if let Some(items) = crate::objects::tuple::try_items(iterable) {
        if std::ptr::eq(iterable.ty(), &crate::objects::tuple::TUPLE_TYPE.0) {
            return Ok(items.to_vec());
        }
    }
    if let Some(l) = crate::objects::list::list_data(iterable) {
        if std::ptr::eq(iterable.ty(), &crate::objects::list::LIST_TYPE.0) {
            return Ok(l.snapshot());
        }
    }
    let it = get_iter(vm, iterable)?;
    let mut out = Vec::new();
    while let Some(x) = next(vm, &it)? {
        out.push(x);
    }
    Ok(out)
}

/// Turn a `StopIteration` error into exhaustion (for slot implementations in Python).
pub fn stop_iteration_to_none(r: PyResult<Value>) -> PyResult<Option<Value>> {
    match r {
        Ok(v) => Ok(Some(v)),
        Err(e) if e.matches(exceptions::stop_iteration()) => Ok(None),
        Err(e) => Err(e),
    }
}
