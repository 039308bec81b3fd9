//! Native modules, one file or folder each, and [`MODULES`], the table of them (CPython's
//! `_PyImport_Inittab` in `Python/config.c`). `builtins` and `sys` are created at start-up
//! ([`init_core_modules`]), the others on first import, per interpreter.
//!
//! A module's objects are created by its `create` function for the importing interpreter;
//! anything shared by interpreters (static types, tables) is immutable (PEP 573/630). A
//! module that needs mutable state keeps it in its module object or in the interpreter's
//! state (`pystate.rs`), never in a `static`.

pub mod _io;
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

/// A native module: an entry of the inittab (CPython's `struct _inittab` with the
/// `PyModuleDef` its init function returns).
pub struct ModuleDef {
    /// The name `import` finds it by.
    pub name: &'static str,
    /// Creates the module object for the current interpreter; `None` for the modules made at
    /// start-up (`builtins`, `sys`), as CPython's inittab lists them with a NULL init.
    pub create: Option<fn(&mut Vm) -> Value>,
}

/// Every native module, sorted by name; `sys.builtin_module_names` lists them in this order.
pub static MODULES: &[ModuleDef] = &[
    ModuleDef { name: "_weakref", create: Some(weakref::create) },
    ModuleDef { name: "builtins", create: None },
    ModuleDef { name: "dis", create: Some(dis::create) },
    ModuleDef { name: "gc", create: Some(gcmodule::create) },
    ModuleDef { name: "math", create: Some(math::create) },
    ModuleDef { name: "platform", create: Some(platform::create) },
    ModuleDef { name: "sys", create: None },
    ModuleDef { name: "time", create: Some(time::create) },
];

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

/// Create the native module `name` (from [`MODULES`]) or the embedded Python module `name`
/// (`frozen.rs`), if there is one.
pub fn create_builtin_module(vm: &mut Vm, name: &str) -> PyResult<Option<Value>> {
    match MODULES.iter().find(|m| m.name == name).and_then(|m| m.create) {
        Some(create) => Ok(Some(create(vm))),
        None => frozen::load(vm, name),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn module_table_is_sorted_and_unique() {
        for w in super::MODULES.windows(2) {
            assert!(w[0].name < w[1].name, "{} before {}", w[0].name, w[1].name);
        }
    }
}
