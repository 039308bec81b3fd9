//! The number protocol (CPython: `Objects/abstract.c`, `binary_op1` and friends).

use crate::object::Value;
use crate::objects::{int, none};
use crate::typeobj::NB_BINARY;
use crate::vm::{PyResult, Vm};
use pyrite_bytecode::opcode::binop;

/// `a OP b` for a `BINARY_OP` argument (`op >= 13` selects the in-place form).
pub fn binary_op(vm: &mut Vm, a: &Value, b: &Value, op: u32) -> PyResult<Value> {
    let (base, inplace) = if op as usize >= NB_BINARY { (op - binop::INPLACE, true) } else { (op, false) };
    if inplace {
        if let Some(f) = a.ty().slots.nb_inplace[base as usize].get() {
            let r = f(vm, a, b)?;
            if !none::is_not_implemented(&r) {
                return Ok(r);
            }
        }
    }
    let r = binary_op1(vm, a, b, base)?;
    if !none::is_not_implemented(&r) {
        return Ok(r);
    }
    Err(binop_type_error(vm, a, b, op))
}

/// Try `a`'s slot then `b`'s (the right operand first if its type is a proper subclass that
/// overrides the slot). Returns `NotImplemented` when neither applies.
pub fn binary_op1(vm: &mut Vm, a: &Value, b: &Value, op: u32) -> PyResult<Value> {
    let ta = a.ty();
    let tb = b.ty();
    let slota = ta.slots.nb[op as usize].get();
    let mut slotb = if std::ptr::eq(ta, tb) { None } else { tb.slots.nb[op as usize].get() };
    if let (Some(fa), Some(fb)) = (slota, slotb) {
        if fa as usize == fb as usize {
            slotb = None;
        }
    }
    vm.enter_native_call()?;
    let r = (|| {
        if let Some(fa) = slota {
            if let Some(fb) = slotb {
                if tb.is_subtype(ta) {
                    let r = fb(vm, a, b)?;
                    if !none::is_not_implemented(&r) {
                        return Ok(r);
                    }
                    slotb = None;
                }
            }
            let r = fa(vm, a, b)?;
            if !none::is_not_implemented(&r) {
                return Ok(r);
            }
        }
        if let Some(fb) = slotb {
            return fb(vm, a, b);
        }
        Ok(none::not_implemented())
    })();
    vm.leave_native_call();
    r
}

#[cold]
fn binop_type_error(vm: &mut Vm, a: &Value, b: &Value, op: u32) -> crate::vm::PyErr {
    let base = binop::base(op);
    let (an, bn) = (a.ty().name().to_owned(), b.ty().name().to_owned());
    use crate::objects::{list, str as pystr, tuple};
    if base == binop::ADD {
        if pystr::is_str(a) {
            return vm.type_error(format!("can only concatenate str (not \"{bn}\") to str"));
        }
        if list::list_data(a).is_some() {
            return vm.type_error(format!("can only concatenate list (not \"{bn}\") to list"));
        }
        if tuple::try_items(a).is_some() {
            return vm.type_error(format!("can only concatenate tuple (not \"{bn}\") to tuple"));
        }
    }
    if base == binop::MULTIPLY {
        let is_seq = |v: &Value| {
            pystr::is_str(v) || list::list_data(v).is_some() || tuple::try_items(v).is_some() || crate::objects::bytes::is_bytes_like(v)
        };
        if (is_seq(a) && !has_index(b)) || (is_seq(b) && !has_index(a)) {
            let other = if is_seq(a) { bn } else { an };
            return vm.type_error(format!("can't multiply sequence by non-int of type '{other}'"));
        }
    }
    if base == binop::POWER && op < binop::INPLACE {
        return vm.type_error(format!("unsupported operand type(s) for ** or pow(): '{an}' and '{bn}'"));
    }
    let sym = pyrite_bytecode::opcode::binop::SYMBOLS[op as usize];
    vm.type_error(format!("unsupported operand type(s) for {sym}: '{an}' and '{bn}'"))
}

/// Does `v` support `__index__`?
#[inline]
pub fn has_index(v: &Value) -> bool {
    v.is_small_int() || v.ty().slots.nb_index.get().is_some()
}

/// `operator.index(v)`: an exact int.
pub fn index(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    if v.is_small_int() {
        return Ok(v.clone());
    }
    if int::is_int(v) {
        return Ok(int::exact_int(v));
    }
    match v.ty().slots.nb_index.get() {
        Some(f) => {
            let r = f(vm, v)?;
            if !int::is_int(&r) {
                return Err(vm.type_error(format!("__index__ returned non-int (type {})", r.ty().name())));
            }
            Ok(int::exact_int(&r))
        }
        None => Err(vm.type_error(format!("'{}' object cannot be interpreted as an integer", v.ty().name()))),
    }
}

fn unary(vm: &mut Vm, v: &Value, slot: Option<crate::typeobj::UnaryFn>, sym: &str) -> PyResult<Value> {
    match slot {
        Some(f) => f(vm, v),
        None => Err(vm.type_error(format!("bad operand type for {sym}: '{}'", v.ty().name()))),
    }
}

pub fn negative(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    if let Some(i) = v.as_small_int() {
        return Ok(Value::int(-i));
    }
    unary(vm, v, v.ty().slots.nb_negative.get(), "unary -")
}
pub fn positive(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    unary(vm, v, v.ty().slots.nb_positive.get(), "unary +")
}
pub fn invert(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    if let Some(i) = v.as_small_int() {
        return Ok(Value::int(!i));
    }
    unary(vm, v, v.ty().slots.nb_invert.get(), "unary ~")
}
pub fn absolute(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    unary(vm, v, v.ty().slots.nb_absolute.get(), "abs()")
}

/// A float from `v` via `__float__` or `__index__` (CPython's `PyFloat_AsDouble`).
pub fn to_f64(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    if let Some(i) = v.as_small_int() {
        return Ok(i as f64);
    }
    if let Some(f) = crate::objects::float::as_float(v) {
        return Ok(f);
    }
    if let Some(f) = v.ty().slots.nb_float.get() {
        let r = f(vm, v)?;
        return match crate::objects::float::as_float(&r) {
            Some(x) => Ok(x),
            None => Err(vm.type_error(format!("{}.__float__ returned non-float (type {})", v.ty().name(), r.ty().name()))),
        };
    }
    if v.ty().slots.nb_index.get().is_some() {
        let i = index(vm, v)?;
        let r = int::as_int(&i).expect("int");
        return int::int_ref_to_f64(vm, &r);
    }
    Err(vm.type_error(format!("must be real number, not {}", v.ty().name())))
}
