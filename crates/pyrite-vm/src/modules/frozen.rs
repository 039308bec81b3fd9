//! Standard-library modules written in Python (`crates/pyrite-vm/lib/*.py`), embedded in the
//! binary and compiled on first import (CPython: the frozen modules of `Python/frozen.c`, but
//! these sources are Pyrite's own implementations of the documented behaviour).

use crate::object::Value;
use crate::objects::{dict, module, str as pystr};
use crate::vm::{PyResult, Vm};

/// (module name, source) for every embedded Python module.
static FROZEN: &[(&str, &str)] = &[
    ("abc", include_str!("../../lib/abc.py")),
    ("collections", include_str!("../../lib/collections.py")),
    ("collections.abc", include_str!("../../lib/collections_abc.py")),
    ("contextlib", include_str!("../../lib/contextlib.py")),
    ("copy", include_str!("../../lib/copy.py")),
    ("dataclasses", include_str!("../../lib/dataclasses.py")),
    ("enum", include_str!("../../lib/enum.py")),
    ("functools", include_str!("../../lib/functools.py")),
    ("importlib", include_str!("../../lib/importlib.py")),
    ("inspect", include_str!("../../lib/inspect.py")),
    ("itertools", include_str!("../../lib/itertools.py")),
    ("json", include_str!("../../lib/json.py")),
    ("keyword", include_str!("../../lib/keyword.py")),
    ("operator", include_str!("../../lib/operator.py")),
    ("string", include_str!("../../lib/string.py")),
    ("types", include_str!("../../lib/types.py")),
    ("__future__", include_str!("../../lib/__future__.py")),
    ("typing", include_str!("../../lib/typing.py")),
    ("weakref", include_str!("../../lib/weakref.py")),
    ("_sysinfo", include_str!("../../lib/_sysinfo.py")),
];

/// The embedded source of module `name`, if any.
pub fn source(name: &str) -> Option<&'static str> {
    FROZEN.iter().find(|(n, _)| *n == name).map(|(_, s)| *s)
}

/// Import the embedded module `name`: registered in `sys.modules` before its code runs (so
/// circular imports see the partial module) and removed again if the code raises.
pub fn load(vm: &mut Vm, name: &str) -> PyResult<Option<Value>> {
    let Some(src) = source(name) else { return Ok(None) };
    let m = module::new_module(vm, name);
    let md = module::module_dict(&m);
    let mdd = dict::dict_data(&md).expect("dict");
    let package = name.rsplit_once('.').map(|(p, _)| p.to_owned()).unwrap_or_default();
    mdd.set_str(vm.intern("__package__"), pystr::new_str(&package));
    mdd.set_str(vm.intern("__builtins__"), vm.builtins_module().clone());
    let key = pystr::new_str(name);
    let mods = vm.modules().clone();
    dict::dict_data(&mods).expect("modules").set_str(key.clone(), m.clone());
    let filename = format!("<frozen {name}>");
    let r = vm.compile_source(src, &filename, pyrite_compiler::Mode::Exec).and_then(|code| crate::eval::call::run_code(vm, &code, &md, None));
    if let Err(e) = r {
        dict::dict_data(&mods).expect("modules").remove(vm, &key)?;
        return Err(e);
    }
    let m = dict::get_str_key(&mods, &key).unwrap_or(m);
    // Bind a submodule on its parent package.
    if let Some((parent, child)) = name.rsplit_once('.') {
        if let Some(p) = dict::get_str_key(&mods, &pystr::new_str(parent)) {
            crate::protocols::object::setattr_str(vm, &p, child, m.clone())?;
        }
    }
    Ok(Some(m))
}
