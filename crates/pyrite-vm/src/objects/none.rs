//! The singletons `None`, `NotImplemented` and `Ellipsis` (CPython: `Objects/object.c`,
//! `Objects/sliceobject.c`). `True` and `False` are in `boolobject.rs`; their accessors are
//! re-exported here, beside `none()`, for the code that makes Python constants.

use std::cell::Cell;

use crate::object::{ObjHeader, Payload, Value, IMMORTAL_REFCNT};
use crate::objects::str as pystr;
use crate::typeobj::{StaticType, PyType, CompareOp, SlotDefs, nb_slots};
use crate::vm::{PyResult, Vm};
use pyrite_bytecode::opcode::binop;
pub use crate::objects::boolobject::{bool_value, false_ptr, true_ptr, BOOL_TYPE};
pub(crate) use crate::objects::boolobject::init_bools;

/// Payload of the data-less singletons.
pub struct Singleton;

pub(crate) unsafe fn never_dealloc(_obj: *mut ObjHeader) {}

pub static NONE_TYPE: StaticType = StaticType::new("NoneType", Some(&crate::objects::object::OBJECT_TYPE), 0, 16, never_dealloc, &[], &[])
.with_slots(SlotDefs {
    repr: Some(none_repr),
    hash: Some(singleton_hash),
    richcompare: Some(singleton_richcompare),
    new: Some(none_new),
    nb_bool: Some(none_bool),
    // PEP 604: `None | int`.
    nb: nb_slots(&[(binop::OR, crate::objects::genericalias::type_or)]),
    ..SlotDefs::EMPTY
});
pub static NOT_IMPLEMENTED_TYPE: StaticType = StaticType::new("NotImplementedType", Some(&crate::objects::object::OBJECT_TYPE), 0, 16, never_dealloc, &[], &[])
.with_slots(SlotDefs {
    repr: Some(not_implemented_repr),
    hash: Some(singleton_hash),
    ..SlotDefs::EMPTY
});
pub static ELLIPSIS_TYPE: StaticType = StaticType::new("ellipsis", Some(&crate::objects::object::OBJECT_TYPE), 0, 16, never_dealloc, &[], &[])
.with_slots(SlotDefs {
    repr: Some(ellipsis_repr),
    hash: Some(singleton_hash),
    ..SlotDefs::EMPTY
});

/// A static immortal object with no payload.
#[repr(transparent)]
pub struct StaticObject(ObjHeader);
// SAFETY: immortal, never written after construction.
unsafe impl Sync for StaticObject {}

impl StaticObject {
    const fn new(ty: &'static StaticType) -> StaticObject {
        StaticObject(ObjHeader { refcnt: Cell::new(IMMORTAL_REFCNT), ob_type: Cell::new(&ty.0) })
    }
    #[inline(always)]
    pub fn value(&'static self) -> Value {
        // SAFETY: immortal static object; cloning never writes its count.
        unsafe { Value::from_header(std::ptr::NonNull::new_unchecked(&self.0 as *const ObjHeader as *mut ObjHeader)) }
    }
    #[inline(always)]
    pub fn ptr(&'static self) -> *const ObjHeader {
        &self.0
    }
}

pub static NONE: StaticObject = StaticObject::new(&NONE_TYPE);
pub static NOT_IMPLEMENTED: StaticObject = StaticObject::new(&NOT_IMPLEMENTED_TYPE);
pub static ELLIPSIS: StaticObject = StaticObject::new(&ELLIPSIS_TYPE);

#[inline(always)]
pub fn none() -> Value {
    NONE.value()
}
#[inline(always)]
pub fn is_none(v: &Value) -> bool {
    v.as_ptr() == NONE.ptr()
}
#[inline(always)]
pub fn not_implemented() -> Value {
    NOT_IMPLEMENTED.value()
}
#[inline(always)]
pub fn is_not_implemented(v: &Value) -> bool {
    v.as_ptr() == NOT_IMPLEMENTED.ptr()
}
#[inline(always)]
pub fn ellipsis() -> Value {
    ELLIPSIS.value()
}

fn none_repr(_vm: &mut Vm, _v: &Value) -> PyResult<Value> {
    Ok(pystr::new_str("None"))
}
fn none_bool(_vm: &mut Vm, _v: &Value) -> PyResult<bool> {
    Ok(false)
}
fn none_new(vm: &mut Vm, _cls: &Value, args: &[Value], _kw: Option<&Value>) -> PyResult<Value> {
    if !args.is_empty() {
        return Err(vm.type_error("NoneType takes no arguments"));
    }
    Ok(none())
}
fn not_implemented_repr(_vm: &mut Vm, _v: &Value) -> PyResult<Value> {
    Ok(pystr::new_str("NotImplemented"))
}
fn ellipsis_repr(_vm: &mut Vm, _v: &Value) -> PyResult<Value> {
    Ok(pystr::new_str("Ellipsis"))
}
fn singleton_hash(_vm: &mut Vm, v: &Value) -> PyResult<i64> {
    // CPython hashes these by address (`_Py_HashPointer`).
    Ok((v.bits() as u64).rotate_right(4) as i64)
}

fn singleton_richcompare(_vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
    match op {
        CompareOp::Eq => Ok(bool_value(a.is(b))),
        CompareOp::Ne => Ok(bool_value(!a.is(b))),
        _ => Ok(not_implemented()),
    }
}

impl Payload for Singleton {
    fn class() -> &'static PyType {
        &NONE_TYPE
    }
}
