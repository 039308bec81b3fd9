//! Built-in modules: `builtins` and `sys` are created at start-up, the others on first import.

pub mod builtins;
pub mod frozen;
pub mod gcmodule;
pub mod linecache;
pub mod math;
pub mod dis;
pub mod platform;
pub mod sys;
pub mod time;
pub mod weakref;

use crate::object::Value;
use crate::objects::{dict, module};
use crate::vm::{PyResult, Vm};

/// Create `builtins` and `sys` and register them in `sys.modules`.
pub fn init_core_modules(vm: &mut Vm) {
    let b = module::new_module(vm, "builtins");
    builtins::init(vm, &b);
    let s = module::new_module(vm, "sys");
    vm.set_core_modules(b.clone(), module::module_dict(&b), s.clone());
    sys::init(vm, &s);
    sys::init_hooks(vm, &s);
    let mods = vm.modules().clone();
    let md = dict::dict_data(&mods).expect("modules");
    md.set_str(vm.intern("builtins"), b);
    md.set_str(vm.intern("sys"), s);
}

/// Create the built-in module `name`, if there is one.
pub fn create_builtin_module(vm: &mut Vm, name: &str) -> PyResult<Option<Value>> {
    let m = match name {
        "gc" => gcmodule::create(vm),
        "time" => time::create(vm),
        "platform" => platform::create(vm),
        "dis" => dis::create(vm),
        "math" => math::create(vm),
        "_weakref" => weakref::create(vm),
        _ => return frozen::load(vm, name),
    };
    Ok(Some(m))
}
