//! The `sys` module (CPython: `Python/sysmodule.c`); the standard streams it creates are
//! `_io.TextIOWrapper`s (`modules/_io/textio.rs`).

use crate::modules::_io::textio::{StreamData, STREAM_TYPE};
use crate::object::{alloc_object, Value};
use crate::objects::{dict, exceptions, list, module, none, str as pystr, tuple};
use crate::vm::{PyResult, Vm};

/// Write to the current `sys.stdout` (fast path when it is the real stdout).
pub fn write_stdout(vm: &mut Vm, s: &str) -> PyResult<()> {
    let out = crate::protocols::object::getattr_str(vm, &vm.sys_module().clone(), "stdout")?;
    if let Some(st) = out.downcast_exact::<StreamData>() {
        vm.write_fd(st.fd, s);
        return Ok(());
    }
    crate::protocols::call::call_method(vm, &out, "write", &[pystr::new_str(s)])?;
    Ok(())
}

fn getrefcount(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    let v = crate::protocols::args::Spec::one("sys.getrefcount").arg(vm, args, kw)?;
    Ok(Value::int(v.refcount() as i64))
}
fn getrecursionlimit(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    crate::protocols::args::Spec::noargs("sys.getrecursionlimit").check(vm, args, kw)?;
    Ok(Value::int(vm.recursion_limit as i64))
}
fn setrecursionlimit(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    let v = crate::protocols::args::Spec::one("sys.setrecursionlimit").arg(vm, args, kw)?;
    let n = crate::objects::int::to_i64(vm, v)?;
    if n < 1 {
        return Err(vm.value_error("recursion limit must be greater or equal than 1"));
    }
    if (n as usize) <= vm.recursion_depth {
        return Err(vm.recursion_error(format!(
            "cannot set the recursion limit to {n} at the recursion depth {}: the limit is too low",
            vm.recursion_depth
        )));
    }
    vm.set_recursion_limit((n as usize).min(1_000_000));
    Ok(none::none())
}
fn exit(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    const EXIT: crate::protocols::args::Spec = crate::protocols::args::Spec::positional("exit", &[crate::protocols::args::Param::pos_opt("status")]);
    EXIT.check(vm, args, kw)?;
    Err(vm.new_exception_args(exceptions::system_exit(), args.to_vec()))
}
fn getframe(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    const GETFRAME: crate::protocols::args::Spec = crate::protocols::args::Spec::positional("_getframe", &[crate::protocols::args::Param::pos_opt("depth")]);
    GETFRAME.check(vm, args, kw)?;
    let depth = match args.first() {
        Some(d) => crate::objects::int::to_i64(vm, d)?,
        None => 0,
    };
    match vm.frame_object_at(depth as usize) {
        Some(f) => Ok(f),
        None => Err(vm.value_error("call stack is not deep enough")),
    }
}
fn exc_info(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    crate::protocols::args::Spec::noargs("sys.exc_info").check(vm, args, kw)?;
    Ok(match vm.handled_exception.clone() {
        Some(e) => {
            let tb = exceptions::exc_data(&e).traceback().unwrap_or_else(none::none);
            tuple::new_tuple(vec![e.ty().to_value(), e, tb])
        }
        None => tuple::new_tuple(vec![none::none(), none::none(), none::none()]),
    })
}
fn exception(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    crate::protocols::args::Spec::noargs("sys.exception").check(vm, args, kw)?;
    Ok(vm.handled_exception.clone().unwrap_or_else(none::none))
}
fn intern(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    let s = crate::protocols::args::Spec::one("sys.intern").arg(vm, args, kw)?;
    match s {
        s if pystr::is_str(s) => Ok(vm.intern_value(s)),
        s => Err(vm.type_error(format!("intern() argument must be str, not {}", s.ty().name()))),
    }
}
fn getsizeof(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    // `PyArg_ParseTupleAndKeywords(args, kwds, "O|O:getsizeof", ...)`.
    const GETSIZEOF: crate::protocols::args::Spec = crate::protocols::args::Spec::keywords("getsizeof", &[crate::protocols::args::Param::arg("object"), crate::protocols::args::Param::arg_opt("default")]);
    let [v, _] = GETSIZEOF.parse(vm, args, kw)?;
    let v = v.expect("required");
    Ok(Value::int(if v.is_small_int() { 28 } else { v.ty().basicsize.get() as i64 }))
}

pub fn init(vm: &mut Vm, m: &Value) {
    module::add_function(vm, m, "getrefcount", getrefcount);
    module::add_function(vm, m, "getrecursionlimit", getrecursionlimit);
    module::add_function(vm, m, "setrecursionlimit", setrecursionlimit);
    module::add_function(vm, m, "exit", exit);
    module::add_function(vm, m, "_getframe", getframe);
    module::add_function(vm, m, "exc_info", exc_info);
    module::add_function(vm, m, "exception", exception);
    module::add_function(vm, m, "intern", intern);
    module::add_function(vm, m, "getsizeof", getsizeof);
    let argv = list::new_list(vm.config.argv.iter().map(|a| pystr::new_str(a)).collect());
    module::add_value(vm, m, "argv", argv);
    let path = list::new_list(vm.config.path.iter().map(|a| pystr::new_str(a)).collect());
    module::add_value(vm, m, "path", path);
    let modules = vm.modules().clone();
    module::add_value(vm, m, "modules", modules);
    let stdout = alloc_object(&STREAM_TYPE, StreamData { fd: 1 });
    let stderr = alloc_object(&STREAM_TYPE, StreamData { fd: 2 });
    module::add_value(vm, m, "stdout", stdout.clone());
    module::add_value(vm, m, "stderr", stderr.clone());
    module::add_value(vm, m, "__stdout__", stdout);
    module::add_value(vm, m, "__stderr__", stderr);
    // version_info, float_info, flags, implementation... are built on first access by
    // `sys_getattr` from the embedded `_sysinfo` module (struct sequences are Python-level).
    module::add_function(vm, m, "__getattr__", sys_getattr);
    module::add_function(vm, m, "getdefaultencoding", getdefaultencoding);
    module::add_function(vm, m, "getfilesystemencoding", getdefaultencoding);
    module::add_function(vm, m, "getfilesystemencodeerrors", getfilesystemencodeerrors);
    module::add_function(vm, m, "get_int_max_str_digits", get_int_max_str_digits);
    module::add_function(vm, m, "getswitchinterval", getswitchinterval);
    module::add_function(vm, m, "gettrace", return_none);
    module::add_function(vm, m, "getprofile", return_none);
    module::add_function(vm, m, "settrace", return_none);
    module::add_function(vm, m, "setprofile", return_none);
    module::add_function(vm, m, "is_finalizing", is_finalizing);
    module::add_value(vm, m, "hexversion", Value::int(0x030C00F0));
    module::add_value(vm, m, "api_version", Value::int(1013));
    module::add_value(vm, m, "maxunicode", Value::int(0x10FFFF));
    module::add_value(vm, m, "float_repr_style", pystr::new_str("short"));
    module::add_value(vm, m, "abiflags", pystr::new_str(""));
    module::add_value(vm, m, "platlibdir", pystr::new_str("lib"));
    module::add_value(vm, m, "dont_write_bytecode", none::bool_value(true));
    module::add_value(vm, m, "prefix", pystr::new_str("/usr/local"));
    module::add_value(vm, m, "exec_prefix", pystr::new_str("/usr/local"));
    module::add_value(vm, m, "base_prefix", pystr::new_str("/usr/local"));
    module::add_value(vm, m, "base_exec_prefix", pystr::new_str("/usr/local"));
    module::add_value(vm, m, "pycache_prefix", none::none());
    module::add_value(vm, m, "copyright", pystr::new_str("Copyright (c) Pyrite contributors.\nPython language: Copyright (c) 2001-2023 Python Software Foundation."));
    let orig_argv = list::new_list(vm.config.argv.iter().map(|a| pystr::new_str(a)).collect());
    module::add_value(vm, m, "orig_argv", orig_argv);
    module::add_value(vm, m, "warnoptions", list::new_list(vec![]));
    module::add_value(vm, m, "_xoptions", dict::new_dict());
    module::add_value(vm, m, "meta_path", list::new_list(vec![]));
    module::add_value(vm, m, "path_hooks", list::new_list(vec![]));
    module::add_value(vm, m, "path_importer_cache", dict::new_dict());
    let names: Vec<Value> = crate::modules::MODULES.iter().map(|d| pystr::new_str(d.name)).collect();
    module::add_value(vm, m, "builtin_module_names", tuple::new_tuple(names));
    module::add_value(vm, m, "version", pystr::new_str("3.12.0 (pyrite 0.1.0)"));
    module::add_value(vm, m, "maxsize", Value::int(i64::MAX));
    module::add_value(vm, m, "platform", pystr::new_str("linux"));
    module::add_value(vm, m, "byteorder", pystr::new_str("little"));
    module::add_value(vm, m, "implementation_name", pystr::new_str("pyrite"));
    module::add_value(vm, m, "executable", pystr::new_str(&std::env::current_exe().map(|p| p.display().to_string()).unwrap_or_default()));
    let _ = dict::new_dict;
}

/// Attributes of `sys` created on first access from the embedded `_sysinfo` module.
const LAZY_ATTRS: &[&str] = &["version_info", "float_info", "int_info", "hash_info", "flags", "thread_info", "implementation"];

/// `sys.__getattr__` (PEP 562): build the struct sequences on first use and cache them.
fn sys_getattr(vm: &mut Vm, args: &[Value], _kw: Option<&Value>) -> PyResult<Value> {
    let Some(name) = args.first().and_then(pystr::try_str).map(str::to_owned) else {
        return Err(vm.type_error("__getattr__ expects a str"));
    };
    if LAZY_ATTRS.contains(&name.as_str()) {
        let info = crate::import::import_module(vm, "_sysinfo")?;
        let v = crate::protocols::object::getattr_str(vm, &info, &name)?;
        let sys = vm.sys_module().clone();
        module::add_value(vm, &sys, &name, v.clone());
        return Ok(v);
    }
    Err(vm.attribute_error(format!("module 'sys' has no attribute '{name}'")))
}
fn getdefaultencoding(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    crate::protocols::args::Spec::noargs("sys.getdefaultencoding").check(vm, args, kw)?;
    Ok(pystr::new_str("utf-8"))
}
fn getfilesystemencodeerrors(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    crate::protocols::args::Spec::noargs("sys.getfilesystemencodeerrors").check(vm, args, kw)?;
    Ok(pystr::new_str("surrogateescape"))
}
fn get_int_max_str_digits(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    crate::protocols::args::Spec::noargs("sys.get_int_max_str_digits").check(vm, args, kw)?;
    Ok(Value::int(4300))
}
fn getswitchinterval(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    crate::protocols::args::Spec::noargs("sys.getswitchinterval").check(vm, args, kw)?;
    Ok(crate::objects::float::new_float(0.005))
}
fn return_none(_vm: &mut Vm, _args: &[Value], _kw: Option<&Value>) -> PyResult<Value> {
    Ok(none::none())
}
fn is_finalizing(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    crate::protocols::args::Spec::noargs("sys.is_finalizing").check(vm, args, kw)?;
    Ok(none::bool_value(false))
}

/// The argument object of `sys.unraisablehook` (attributes `exc_type`, `exc_value`,
/// `exc_traceback`, `err_msg`, `object`), an instance of a small class made on demand.
pub fn unraisable_hook_args(vm: &mut Vm, exc_type: Value, exc_value: Value, tb: Value, object: Value) -> PyResult<Value> {
    let sys = vm.sys_module().clone();
    let cls = match crate::protocols::object::getattr_opt(vm, &sys, "_UnraisableHookArgs")? {
        Some(c) => c,
        None => {
            let name = pystr::new_str("UnraisableHookArgs");
            let bases = tuple::new_tuple(vec![]);
            let ns = dict::new_dict();
            dict::dict_data(&ns).expect("dict").set_str(vm.intern("__module__"), pystr::new_str("sys"));
            let c = crate::protocols::call::call(vm, &crate::typeobj::type_type().to_value(), &[name, bases, ns], None)?;
            module::add_value(vm, &sys, "_UnraisableHookArgs", c.clone());
            c
        }
    };
    let args = crate::protocols::call::call(vm, &cls, &[], None)?;
    for (k, v) in [("exc_type", exc_type), ("exc_value", exc_value), ("exc_traceback", tb), ("err_msg", none::none()), ("object", object)] {
        crate::protocols::object::setattr_str(vm, &args, k, v)?;
    }
    Ok(args)
}

fn default_unraisablehook(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    let a = crate::protocols::args::Spec::one("sys.unraisablehook").arg(vm, args, kw)?;
    let exc = crate::protocols::object::getattr_str(vm, a, "exc_value")?;
    if exceptions::is_exception_instance(&exc) {
        let text = crate::eval::format_exception(vm, &exc);
        vm.write_fd(2, &text);
    }
    Ok(none::none())
}

/// Install `sys.unraisablehook` and `sys.__unraisablehook__`.
pub fn init_hooks(vm: &mut Vm, m: &Value) {
    let f = crate::objects::descr::new_builtin_function("unraisablehook", default_unraisablehook);
    module::add_value(vm, m, "unraisablehook", f.clone());
    module::add_value(vm, m, "__unraisablehook__", f);
}
