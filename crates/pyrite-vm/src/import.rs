//! The import system: built-in modules and `.py` files on `sys.path`
//! (CPython: `Python/import.c`, `Lib/importlib/_bootstrap.py`).

use crate::eval::frame::Frame;
use crate::object::Value;
use crate::objects::{dict, exceptions, module, none, str as pystr, tuple};
use crate::protocols::object as ob;
use crate::vm::{PyResult, Vm};

/// IMPORT_NAME.
pub fn import_name(vm: &mut Vm, f: &Frame, name: &Value, fromlist: &Value, level: &Value) -> PyResult<Value> {
    let level = level.as_small_int().unwrap_or(0);
    let mut full = pystr::as_str(name).to_owned();
    if level > 0 {
        let pkg_key = vm.intern("__package__");
        let pkg = dict::get_str_key(&f.globals, &pkg_key).filter(|p| pystr::is_str(p)).map(|p| pystr::as_str(&p).to_owned()).unwrap_or_default();
        if pkg.is_empty() {
            return Err(vm.new_exception(exceptions::import_error(), "attempted relative import with no known parent package"));
        }
        let mut parts: Vec<&str> = pkg.split('.').collect();
        for _ in 1..level {
            parts.pop();
        }
        let base = parts.join(".");
        full = if full.is_empty() { base } else { format!("{base}.{full}") };
    }
    let top = import_module(vm, &full)?;
    let has_fromlist = !none::is_none(fromlist) && tuple::try_items(fromlist).map(|t| !t.is_empty()).unwrap_or(true);
    if has_fromlist || !full.contains('.') {
        return Ok(top);
    }
    let first = full.split('.').next().unwrap_or("");
    import_module(vm, first)
}

/// Import `name` (dotted), returning the module itself.
pub fn import_module(vm: &mut Vm, name: &str) -> PyResult<Value> {
    let key = pystr::new_str(name);
    if let Some(m) = dict::get_str_key(&vm.modules(), &key) {
        return Ok(m);
    }
    if let Some((parent, _)) = name.rsplit_once('.') {
        import_module(vm, parent)?;
        if let Some(m) = dict::get_str_key(&vm.modules(), &key) {
            return Ok(m);
        }
    }
    if let Some(m) = crate::modules::create_builtin_module(vm, name)? {
        dict::dict_data(&vm.modules()).expect("modules").set_str(key.clone(), m.clone());
        return Ok(m);
    }
    if vm.config.allow_filesystem_imports {
        if let Some(m) = load_source_module(vm, name)? {
            return Ok(m);
        }
    }
    let e = vm.new_exception(exceptions::module_not_found_error(), format!("No module named '{name}'"));
    exceptions::set_exc_attr(vm, &e.exc, "name", pystr::new_str(name));
    Err(e)
}

fn load_source_module(vm: &mut Vm, name: &str) -> PyResult<Option<Value>> {
    let rel = name.replace('.', "/");
    let paths: Vec<String> = match ob::getattr_str(vm, &vm.sys_module().clone(), "path") {
        Ok(p) => crate::protocols::iter::collect(vm, &p)?.iter().filter_map(|v| pystr::try_str(v).map(str::to_owned)).collect(),
        Err(_) => vec![],
    };
    for dir in paths {
        let base = if dir.is_empty() { ".".to_owned() } else { dir };
        for (candidate, is_pkg) in [(format!("{base}/{rel}.py"), false), (format!("{base}/{rel}/__init__.py"), true)] {
            if let Ok(bytes) = std::fs::read(&candidate) {
                let m = module::new_module(vm, name);
                let md = module::module_dict(&m);
                let mdd = dict::dict_data(&md).expect("dict");
                mdd.set_str(vm.intern("__file__"), pystr::new_str(&candidate));
                let package = if is_pkg { name.to_owned() } else { name.rsplit_once('.').map(|(p, _)| p.to_owned()).unwrap_or_default() };
                mdd.set_str(vm.intern("__package__"), pystr::new_str(&package));
                if is_pkg {
                    let dirpath = format!("{base}/{rel}");
                    mdd.set_str(vm.intern("__path__"), crate::objects::list::new_list(vec![pystr::new_str(&dirpath)]));
                }
                mdd.set_str(vm.intern("__builtins__"), vm.builtins_module().clone());
                let key = pystr::new_str(name);
                dict::dict_data(&vm.modules()).expect("modules").set_str(key.clone(), m.clone());
                let code = match vm.compile_bytes(&bytes, &candidate, pyrite_compiler::Mode::Exec) {
                    Ok(c) => c,
                    Err(e) => {
                        { let mods = vm.modules().clone(); dict::dict_data(&mods).expect("modules").remove(vm, &key)?; }
                        return Err(e);
                    }
                };
                if let Err(e) = crate::eval::call::run_code(vm, &code, &md, None) {
                    { let mods = vm.modules().clone(); dict::dict_data(&mods).expect("modules").remove(vm, &key)?; }
                    return Err(e);
                }
                // Bind the submodule on its parent package.
                if let Some((parent, child)) = name.rsplit_once('.') {
                    if let Some(p) = dict::get_str_key(&vm.modules(), &pystr::new_str(parent)) {
                        let _ = ob::setattr_str(vm, &p, child, m.clone());
                    }
                }
                return Ok(Some(dict::get_str_key(&vm.modules(), &key).unwrap_or(m)));
            }
        }
    }
    Ok(None)
}

/// IMPORT_FROM.
pub fn import_from(vm: &mut Vm, module_v: &Value, name: &Value) -> PyResult<Value> {
    match ob::getattr(vm, module_v, name) {
        Ok(v) => Ok(v),
        Err(e) if e.matches(exceptions::attribute_error()) => {
            // A submodule not yet imported.
            if let Some(m) = module_v.downcast::<module::ModuleData>() {
                let full = format!("{}.{}", m.name(), pystr::as_str(name));
                if let Ok(sub) = import_module(vm, &full) {
                    return Ok(sub);
                }
                let mname = m.name();
                let file = {
                    let key = pystr::new_str("__file__");
                    dict::get_str_key(&m.dict, &key).and_then(|f| pystr::try_str(&f).map(str::to_owned))
                };
                let loc = match file {
                    Some(f) => format!(" ({f})"),
                    None => " (unknown location)".to_owned(),
                };
                let e = vm.new_exception(exceptions::import_error(), format!("cannot import name '{}' from '{mname}'{loc}", pystr::as_str(name)));
                exceptions::set_exc_attr(vm, &e.exc, "name", pystr::new_str(&mname));
                exceptions::set_exc_attr(vm, &e.exc, "name_from", name.clone());
                return Err(e);
            }
            Err(e)
        }
        Err(e) => Err(e),
    }
}

/// `from m import *`.
pub fn import_star(vm: &mut Vm, f: &Frame, module_v: &Value) -> PyResult<()> {
    let locals = f.locals.clone().unwrap_or_else(|| (*f.globals).clone());
    let names: Vec<Value> = match ob::getattr_opt(vm, module_v, "__all__")? {
        Some(all) => crate::protocols::iter::collect(vm, &all)?,
        None => {
            let d = ob::getattr_str(vm, module_v, "__dict__")?;
            dict::dict_data(&d).map(|dd| dd.keys()).unwrap_or_default().into_iter().filter(|k| !pystr::try_str(k).map(|s| s.starts_with('_')).unwrap_or(true)).collect()
        }
    };
    for n in names {
        let v = ob::getattr(vm, module_v, &n)?;
        ob::setitem(vm, &locals, &n, Some(&v))?;
    }
    Ok(())
}
