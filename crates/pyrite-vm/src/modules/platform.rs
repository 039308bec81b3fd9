//! The `platform` module's few functions Pyrite provides natively (CPython: `Lib/platform.py`).

use crate::object::Value;
use crate::objects::{module, str as pystr, tuple};
use crate::vm::{PyResult, Vm};

fn p_impl(_vm: &mut Vm, _a: &[Value], _k: Option<&Value>) -> PyResult<Value> {
    Ok(pystr::new_str("Pyrite"))
}
fn p_version(_vm: &mut Vm, _a: &[Value], _k: Option<&Value>) -> PyResult<Value> {
    Ok(pystr::new_str("3.12.0"))
}
fn p_version_tuple(_vm: &mut Vm, _a: &[Value], _k: Option<&Value>) -> PyResult<Value> {
    Ok(tuple::new_tuple(vec![pystr::new_str("3"), pystr::new_str("12"), pystr::new_str("0")]))
}
fn p_system(_vm: &mut Vm, _a: &[Value], _k: Option<&Value>) -> PyResult<Value> {
    Ok(pystr::new_str(match std::env::consts::OS {
        "linux" => "Linux",
        "macos" => "Darwin",
        "windows" => "Windows",
        other => other,
    }))
}
fn p_machine(_vm: &mut Vm, _a: &[Value], _k: Option<&Value>) -> PyResult<Value> {
    Ok(pystr::new_str(std::env::consts::ARCH))
}

pub fn create(vm: &mut Vm) -> Value {
    let m = module::new_module(vm, "platform");
    module::add_function(vm, &m, "python_implementation", p_impl);
    module::add_function(vm, &m, "python_version", p_version);
    module::add_function(vm, &m, "python_version_tuple", p_version_tuple);
    module::add_function(vm, &m, "system", p_system);
    module::add_function(vm, &m, "machine", p_machine);
    m
}
