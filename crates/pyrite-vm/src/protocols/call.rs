//! The call protocol (CPython: `Objects/call.c`): vectorcall-style `args` + `kwnames`.

use crate::object::Value;
use crate::objects::function::{BoundMethodData, FunctionData};
use crate::vm::{PyResult, Vm};

/// `callable(*args, **kw)` where the trailing `len(kwnames)` args are keyword values.
pub fn call(vm: &mut Vm, callable: &Value, args: &[Value], kwnames: Option<&Value>) -> PyResult<Value> {
    if let Some(_f) = callable.downcast_exact::<FunctionData>() {
        return crate::eval::call_function(vm, callable, args, kwnames);
    }
    if let Some(m) = callable.downcast_exact::<BoundMethodData>() {
        let (func, self_) = (m.func.clone(), m.self_.clone());
        let mut full = Vec::with_capacity(args.len() + 1);
        full.push(self_);
        full.extend_from_slice(args);
        return call(vm, &func, &full, kwnames);
    }
    match callable.ty().slots.call.get() {
        Some(f) => {
            vm.enter_native_call()?;
            let r = f(vm, callable, args, kwnames);
            vm.leave_native_call();
            r
        }
        None => Err(vm.type_error(format!("'{}' object is not callable", callable.ty().name()))),
    }
}

/// Call `func(self_, *args)` (a function found on a type, called as a method).
pub fn call_method_value(vm: &mut Vm, func: &Value, self_: &Value, args: &[Value]) -> PyResult<Value> {
    if func.downcast_exact::<FunctionData>().is_some() || crate::objects::descr::is_method_descriptor(func) {
        // `self` and the arguments side by side; on the stack for the dunders' few arguments
        // (`__hash__`, `__eq__`, `__add__`... run from native code on every use).
        return match args {
            [] => call(vm, func, std::slice::from_ref(self_), None),
            [a] => call(vm, func, &[self_.clone(), a.clone()], None),
            [a, b] => call(vm, func, &[self_.clone(), a.clone(), b.clone()], None),
            _ => {
                let mut full = Vec::with_capacity(args.len() + 1);
                full.push(self_.clone());
                full.extend_from_slice(args);
                call(vm, func, &full, None)
            }
        };
    }
    // Not a plain function: bind through the descriptor protocol first.
    let ty = self_.ty().to_value();
    let bound = crate::objects::descr::bind(vm, func, Some(self_), &ty)?;
    call(vm, &bound, args, None)
}

/// `obj.name(*args)`.
pub fn call_method(vm: &mut Vm, obj: &Value, name: &str, args: &[Value]) -> PyResult<Value> {
    let m = crate::protocols::object::getattr_str(vm, obj, name)?;
    call(vm, &m, args, None)
}

/// Look a special method up on the type (not the instance) and call it, as CPython's
/// `_PyObject_LookupSpecial`; `Ok(None)` if the type lacks it.
pub fn call_special(vm: &mut Vm, obj: &Value, name: &'static str, args: &[Value]) -> PyResult<Option<Value>> {
    let Some(f) = obj.ty().lookup_str(vm, name) else { return Ok(None) };
    call_method_value(vm, &f, obj, args).map(Some)
}
