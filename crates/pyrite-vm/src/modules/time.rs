//! The `time` module (CPython: `Modules/timemodule.c`).

use crate::object::Value;
use crate::objects::{float, module, none};
use crate::vm::{PyResult, Vm};

fn time_time(vm: &mut Vm, a: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    crate::protocols::args::Spec::noargs("time.time").check(vm, a, kw)?;
    let d = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
    Ok(float::new_float(d.as_secs_f64()))
}
fn time_perf_counter(vm: &mut Vm, a: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    crate::protocols::args::Spec::noargs("time.perf_counter").check(vm, a, kw)?;
    Ok(float::new_float(vm.start_instant.elapsed().as_secs_f64()))
}
fn time_perf_counter_ns(vm: &mut Vm, a: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    crate::protocols::args::Spec::noargs("time.perf_counter_ns").check(vm, a, kw)?;
    Ok(Value::int(vm.start_instant.elapsed().as_nanos() as i64))
}
fn time_time_ns(vm: &mut Vm, a: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    crate::protocols::args::Spec::noargs("time.time_ns").check(vm, a, kw)?;
    let d = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
    Ok(crate::objects::int::from_i128(d.as_nanos() as i128))
}
fn time_sleep(vm: &mut Vm, a: &[Value], k: Option<&Value>) -> PyResult<Value> {
    let s = crate::protocols::args::Spec::one("time.sleep").arg(vm, a, k)?;
    let secs = crate::protocols::number::to_f64(vm, s)?;
    if secs < 0.0 {
        return Err(vm.value_error("sleep length must be non-negative"));
    }
    vm.flush_stdout();
    std::thread::sleep(std::time::Duration::from_secs_f64(secs));
    Ok(none::none())
}

pub fn create(vm: &mut Vm) -> Value {
    let m = module::new_module(vm, "time");
    module::add_function(vm, &m, "time", time_time);
    module::add_function(vm, &m, "time_ns", time_time_ns);
    module::add_function(vm, &m, "perf_counter", time_perf_counter);
    module::add_function(vm, &m, "perf_counter_ns", time_perf_counter_ns);
    module::add_function(vm, &m, "monotonic", time_perf_counter);
    module::add_function(vm, &m, "process_time", time_perf_counter);
    module::add_function(vm, &m, "sleep", time_sleep);
    m
}
