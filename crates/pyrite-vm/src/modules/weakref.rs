//! The `_weakref` module (CPython: `Modules/_weakref.c`); the type is `objects::weakref`.

use crate::object::Value;
use crate::objects::weakref::{refs_of, weakref_new, WEAKREF_TYPE};
use crate::objects::{list, module};
use crate::vm::{PyResult, Vm};

fn getweakrefcount(vm: &mut Vm, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    let o = crate::protocols::args::Spec::one("_weakref.getweakrefcount").arg(vm, a, k)?;
    Ok(Value::int(refs_of(o).len() as i64))
}
fn getweakrefs(vm: &mut Vm, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    let o = crate::protocols::args::Spec::one("_weakref.getweakrefs").arg(vm, a, k)?;
    Ok(list::new_list(refs_of(o)))
}
fn ref_fn(vm: &mut Vm, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    let t = WEAKREF_TYPE.to_value();
    weakref_new(vm, &t, a, k)
}

pub fn create(vm: &mut Vm) -> Value {
    let m = module::new_module(vm, "_weakref");
    let t = WEAKREF_TYPE.to_value();
    module::add_value(vm, &m, "ref", t.clone());
    module::add_value(vm, &m, "ReferenceType", t);
    module::add_function(vm, &m, "getweakrefcount", getweakrefcount);
    module::add_function(vm, &m, "getweakrefs", getweakrefs);
    module::add_function(vm, &m, "_new_ref", ref_fn);
    m
}
