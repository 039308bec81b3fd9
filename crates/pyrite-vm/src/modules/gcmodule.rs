//! The `gc` module (CPython: `Modules/gcmodule.c`).

use crate::gc;
use crate::object::Value;
use crate::objects::{list, module, none, tuple};
use crate::vm::{PyResult, Vm};

fn collect(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    const COLLECT: crate::protocols::args::Spec = crate::protocols::args::Spec::keywords("collect", &[crate::protocols::args::Param::arg_opt("generation")]);
    COLLECT.parse::<1>(vm, args, kw)?;
    Ok(Value::int(gc::collect(vm) as i64))
}
fn enable(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    crate::protocols::args::Spec::noargs("gc.enable").check(vm, args, kw)?;
    gc::set_enabled(true);
    Ok(none::none())
}
fn disable(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    crate::protocols::args::Spec::noargs("gc.disable").check(vm, args, kw)?;
    gc::set_enabled(false);
    Ok(none::none())
}
fn isenabled(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    crate::protocols::args::Spec::noargs("gc.isenabled").check(vm, args, kw)?;
    Ok(none::bool_value(gc::is_enabled()))
}
fn get_count(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    crate::protocols::args::Spec::noargs("gc.get_count").check(vm, args, kw)?;
    Ok(tuple::new_tuple(vec![Value::int(gc::get_count() as i64), Value::small_int(0), Value::small_int(0)]))
}
fn get_threshold(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    crate::protocols::args::Spec::noargs("gc.get_threshold").check(vm, args, kw)?;
    Ok(tuple::new_tuple(vec![Value::int(gc::threshold() as i64), Value::small_int(10), Value::small_int(10)]))
}
fn set_threshold(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    // `PyArg_ParseTuple(args, "i|ii:set_threshold", ...)`.
    const SET_THRESHOLD: crate::protocols::args::Spec = crate::protocols::args::Spec::tuple("set_threshold", &[crate::protocols::args::Param::pos("threshold0"), crate::protocols::args::Param::pos_opt("threshold1"), crate::protocols::args::Param::pos_opt("threshold2")]);
    let [t0, _, _] = SET_THRESHOLD.parse(vm, args, kw)?;
    let t0 = t0.expect("required");
    let t = crate::objects::int::to_i64(vm, t0)?;
    gc::set_threshold(t.max(0) as usize);
    Ok(none::none())
}
fn is_tracked(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    let v = crate::protocols::args::Spec::one("gc.is_tracked").arg(vm, args, kw)?;
    Ok(none::bool_value(gc::is_tracked(v)))
}
fn get_referents(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    crate::protocols::args::Spec::varargs("get_referents").check(vm, args, kw)?;
    let mut out = Vec::new();
    for a in args {
        out.extend(gc::referents(a));
    }
    Ok(list::new_list(out))
}

pub fn create(vm: &mut Vm) -> Value {
    let m = module::new_module(vm, "gc");
    module::add_function(vm, &m, "collect", collect);
    module::add_function(vm, &m, "enable", enable);
    module::add_function(vm, &m, "disable", disable);
    module::add_function(vm, &m, "isenabled", isenabled);
    module::add_function(vm, &m, "get_count", get_count);
    module::add_function(vm, &m, "get_threshold", get_threshold);
    module::add_function(vm, &m, "set_threshold", set_threshold);
    module::add_function(vm, &m, "is_tracked", is_tracked);
    module::add_function(vm, &m, "get_referents", get_referents);
    module::add_value(vm, &m, "garbage", list::new_list(vec![]));
    m
}
