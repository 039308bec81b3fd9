//! The `bool` type and its two instances, `True` and `False` (CPython: `Objects/boolobject.c`).

use num_bigint::BigInt;

use crate::object::{ObjHeader, PyObj, Value};
use crate::objects::int::IntData;
use crate::objects::none::never_dealloc;
use crate::objects::str as pystr;
use crate::typeobj::{flags, StaticType, SlotDefs, nb_slots};
use crate::vm::{PyResult, Vm};
use pyrite_bytecode::opcode::binop;

pub static BOOL_TYPE: StaticType = StaticType::new("bool", Some(&crate::objects::int::INT_TYPE), flags::LONG_SUBCLASS | flags::IMMUTABLE, std::mem::size_of::<PyObj<IntData>>(), never_dealloc, &[], &[])
.with_slots(SlotDefs {
    repr: Some(bool_repr),
    new: Some(bool_new),
    nb: nb_slots(&[(binop::AND, bool_and), (binop::OR, bool_or), (binop::XOR, bool_xor)]),
    ..SlotDefs::EMPTY
});

/// `True` and `False`: immortal heap ints of type `bool`, created once per process.
struct Bools {
    true_: *const ObjHeader,
    false_: *const ObjHeader,
}
// SAFETY: immortal objects, never written after creation.
unsafe impl Sync for Bools {}
// SAFETY: as for `Sync`: the pointers name immortal objects that no thread ever writes, so
// moving the pair to another thread hands over nothing that could race.
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

fn bool_repr(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(pystr::new_str(if v.as_ptr() == true_ptr() { "True" } else { "False" }))
}
fn bool_new(vm: &mut Vm, _cls: &Value, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    const NEW: crate::protocols::args::Spec = crate::protocols::args::Spec::positional("bool", &[crate::protocols::args::Param::pos_opt("x")]);
    match NEW.parse(vm, args, kw)? {
        [None] => Ok(bool_value(false)),
        [Some(x)] => Ok(bool_value(crate::protocols::object::is_true(vm, x)?)),
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
