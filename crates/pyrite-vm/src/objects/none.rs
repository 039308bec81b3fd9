//! The singletons `None`, `NotImplemented`, `Ellipsis` and the `bool` type with `True`/`False`
//! (CPython: `Objects/object.c` (None, NotImplemented), `Objects/sliceobject.c` (Ellipsis),
//! `Objects/boolobject.c`).

use std::cell::Cell;

use num_bigint::BigInt;

use crate::object::{ObjHeader, PyObj, Payload, Value, IMMORTAL_REFCNT};
use crate::objects::int::IntData;
use crate::objects::str as pystr;
use crate::typeobj::{flags, StaticType, PyType, CompareOp};
use crate::vm::{PyResult, Vm};
use pyrite_bytecode::opcode::binop;

/// Payload of the data-less singletons.
pub struct Singleton;

unsafe fn never_dealloc(_obj: *mut ObjHeader) {}

pub static NONE_TYPE: StaticType = StaticType::new("NoneType", Some(&crate::objects::object::OBJECT_TYPE), 0, 16, never_dealloc, &[], &[]);
pub static NOT_IMPLEMENTED_TYPE: StaticType = StaticType::new("NotImplementedType", Some(&crate::objects::object::OBJECT_TYPE), 0, 16, never_dealloc, &[], &[]);
pub static ELLIPSIS_TYPE: StaticType = StaticType::new("ellipsis", Some(&crate::objects::object::OBJECT_TYPE), 0, 16, never_dealloc, &[], &[]);
pub static BOOL_TYPE: StaticType = StaticType::new("bool", Some(&crate::objects::int::INT_TYPE), flags::LONG_SUBCLASS | flags::IMMUTABLE, std::mem::size_of::<PyObj<IntData>>(), never_dealloc, &[], &[]);

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

/// `True` and `False`: immortal heap ints of type `bool`, created once per process.
struct Bools {
    true_: *const ObjHeader,
    false_: *const ObjHeader,
}
// SAFETY: immortal objects, never written after creation.
unsafe impl Sync for Bools {}
unsafe impl Send for Bools {}
static BOOLS: std::sync::OnceLock<Bools> = std::sync::OnceLock::new();

pub(crate) fn init_bools() {
    BOOLS.get_or_init(|| {
        let make = |b: i64| {
            let v = crate::object::alloc_object(&BOOL_TYPE, IntData(BigInt::from(b)));
            crate::object::make_immortal(&v);
            v.into_raw()
        };
        Bools { true_: make(1), false_: make(0) }
    });
}

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

#[inline(always)]
fn bools() -> &'static Bools {
    // SAFETY of unwrap-free access: `init_bools` runs in `init_static_types` before any VM.
    match BOOLS.get() {
        Some(b) => b,
        None => {
            init_bools();
            BOOLS.get().expect("bools")
        }
    }
}

#[inline(always)]
pub fn bool_value(b: bool) -> Value {
    let p = if b { bools().true_ } else { bools().false_ };
    // SAFETY: immortal.
    unsafe { Value::from_header(std::ptr::NonNull::new_unchecked(p as *mut ObjHeader)) }
}
#[inline(always)]
pub fn true_ptr() -> *const ObjHeader {
    bools().true_
}
#[inline(always)]
pub fn false_ptr() -> *const ObjHeader {
    bools().false_
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
fn bool_repr(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(pystr::new_str(if v.as_ptr() == true_ptr() { "True" } else { "False" }))
}
fn bool_new(vm: &mut Vm, _cls: &Value, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    if kw.is_some() {
        return Err(vm.type_error("bool() takes no keyword arguments"));
    }
    match args {
        [] => Ok(bool_value(false)),
        [x] => Ok(bool_value(crate::protocols::object::is_true(vm, x)?)),
        _ => Err(vm.type_error(format!("bool expected at most 1 argument, got {}", args.len()))),
    }
}

macro_rules! bool_logic {
    ($name:ident, $op:tt, $nb:expr) => {
        fn $name(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
            if std::ptr::eq(a.ty(), &BOOL_TYPE.0) && std::ptr::eq(b.ty(), &BOOL_TYPE.0) {
                let x = a.as_ptr() == true_ptr();
                let y = b.as_ptr() == true_ptr();
                return Ok(bool_value(x $op y));
            }
            let f = crate::objects::int::INT_TYPE.slots.nb[$nb as usize].get().expect("int slot");
            f(vm, a, b)
        }
    };
}
bool_logic!(bool_and, &, binop::AND);
bool_logic!(bool_or, |, binop::OR);
bool_logic!(bool_xor, ^, binop::XOR);

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

pub(crate) fn init_type() {
    NONE_TYPE.slots.repr.set(Some(none_repr));
    NONE_TYPE.slots.nb_bool.set(Some(none_bool));
    NONE_TYPE.slots.new.set(Some(none_new));
    NONE_TYPE.slots.richcompare.set(Some(singleton_richcompare));
    NONE_TYPE.slots.hash.set(Some(singleton_hash));
    NOT_IMPLEMENTED_TYPE.slots.hash.set(Some(singleton_hash));
    ELLIPSIS_TYPE.slots.hash.set(Some(singleton_hash));
    NOT_IMPLEMENTED_TYPE.slots.repr.set(Some(not_implemented_repr));
    ELLIPSIS_TYPE.slots.repr.set(Some(ellipsis_repr));
    let s = &BOOL_TYPE.slots;
    s.repr.set(Some(bool_repr));
    s.new.set(Some(bool_new));
    s.nb[binop::AND as usize].set(Some(bool_and));
    s.nb[binop::OR as usize].set(Some(bool_or));
    s.nb[binop::XOR as usize].set(Some(bool_xor));
}

impl Payload for Singleton {
    fn class() -> &'static PyType {
        &NONE_TYPE
    }
}
