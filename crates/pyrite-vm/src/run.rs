//! The embedding API: run files, source strings and modules, and report uncaught exceptions
//! the way the `python` command does (CPython: `Python/pythonrun.c`).

use crate::object::Value;
use crate::objects::{dict, exceptions, module, none, str as pystr};
use crate::pystate::Attached;
use crate::vm::{Config, PyErr, PyResult, Vm};

/// An interpreter, as a Rust program embedding Python holds it:
///
/// ```
/// let mut py = pyrite_vm::Interpreter::new(pyrite_vm::Config::default());
/// let status = py.run_main(b"print(6 * 7)", "<embedded>");
/// assert_eq!(status, 0);
/// ```
///
/// Each interpreter is isolated: its own modules, objects, collector, caches and free lists.
/// Several can live in one process, take turns on one thread or run on different threads at
/// once, and one can move to another thread between calls (`Interpreter` is `Send`). Every
/// call attaches the interpreter to the calling thread for its duration and restores what was
/// attached before.
///
/// Python objects never cross the boundary: [`Interpreter::with`] gives its closure the
/// thread state, and both the closure and its result must be `Send`, which a `Value` (or a
/// closure holding one) is not.
pub struct Interpreter {
    vm: Option<Box<Vm>>,
}

// SAFETY: the interpreter's objects and state are reached only through its own thread state,
// which `Interpreter` owns and hands out only within `&mut self` calls, attached to the
// calling thread; nothing of it stays attached to a thread between calls, and no Python
// object escapes those calls (the `Send` bounds of `with`). Moving it to another thread
// between calls therefore moves everything it owns.
unsafe impl Send for Interpreter {}

impl Interpreter {
    /// Create an interpreter with the built-in modules ready.
    pub fn new(config: Config) -> Interpreter {
        let (vm, attached) = Vm::new(config);
        drop(attached);
        Interpreter { vm: Some(vm) }
    }

    fn attach(&mut self) -> (Attached, &mut Vm) {
        let vm = self.vm.as_mut().expect("interpreter alive");
        // SAFETY: the state lives as long as the `Vm`, which outlives the guard (the guard is
        // dropped at the end of the calling method, before `self` can be).
        let attached = unsafe { Attached::new(vm.interp()) };
        (attached, vm)
    }

    /// Run `f` on the interpreter's thread state, attached to this thread.
    pub fn with<R: Send>(&mut self, f: impl FnOnce(&mut Vm) -> R + Send) -> R {
        let (_attached, vm) = self.attach();
        f(vm)
    }

    /// Run `source` as the `__main__` module, as the `python` command runs a script:
    /// an uncaught exception is printed to stderr; returns the exit status.
    pub fn run_main(&mut self, source: &[u8], filename: &str) -> i32 {
        let (_attached, vm) = self.attach();
        let status = match vm.run_main_source(source, filename) {
            Ok(()) => 0,
            Err(e) => vm.handle_uncaught(e),
        };
        vm.finish();
        status
    }

    /// `python -m name`: run a module as `__main__`; returns the exit status.
    pub fn run_module(&mut self, name: &str) -> i32 {
        let (_attached, vm) = self.attach();
        let status = match vm.run_module_as_main(name) {
            Ok(()) => 0,
            Err(e) => vm.handle_uncaught(e),
        };
        vm.finish();
        status
    }

    /// Run `source` in the `__main__` module (created on first use; its globals persist
    /// between calls, as with CPython's `PyRun_SimpleString`). An uncaught exception comes
    /// back as the traceback text CPython would print.
    pub fn run_source(&mut self, source: &str) -> Result<(), String> {
        self.with(|vm| {
            let globals = vm.main_globals();
            let r = vm.compile_source(source, "<string>", pyrite_compiler::Mode::Exec)
                .and_then(|code| crate::eval::call::run_code(vm, &code, &globals, None));
            vm.finish_call(r).map(|_| ())
        })
    }

    /// Evaluate the expression `source` in the `__main__` module and return its `repr()`.
    pub fn eval(&mut self, source: &str) -> Result<String, String> {
        self.with(|vm| {
            let globals = vm.main_globals();
            let r = vm.compile_source(source, "<string>", pyrite_compiler::Mode::Eval)
                .and_then(|code| crate::eval::call::run_code(vm, &code, &globals, None))
                .and_then(|v| crate::protocols::object::repr_string(vm, &v));
            vm.finish_call(r)
        })
    }

    /// Bytes held by this interpreter's objects now.
    pub fn allocated_bytes(&mut self) -> usize {
        self.with(|_| crate::limits::allocated())
    }
}

impl Interpreter {
    /// Tear the interpreter down now (CPython's `Py_FinalizeEx`): pending finalizers run,
    /// modules are emptied and every object it made is freed. `Err` names the types of the
    /// objects that could not be freed (a leak; the state then stays allocated).
    pub fn finalize(mut self) -> Result<(), String> {
        let (_attached, vm) = self.attach();
        let left = vm.teardown();
        if left.is_empty() {
            Ok(())
        } else {
            Err(format!("{} object(s) left: {}", left.len(), left.join(", ")))
        }
    }
}

impl Drop for Interpreter {
    fn drop(&mut self) {
        let Some(vm) = self.vm.take() else { return };
        // SAFETY: as in `attach`: the state outlives the guard, which is dropped after `vm`
        // (declared later, dropped first) has torn the interpreter down.
        let _attached = unsafe { Attached::new(vm.interp()) };
        drop(vm);
    }
}

impl Vm {
    /// Create the `__main__` module.
    pub fn main_module(&mut self, filename: Option<&str>) -> Value {
        let m = module::new_module(self, "__main__");
        let d = module::module_dict(&m);
        let dd = dict::dict_data(&d).expect("dict");
        dd.set_str(self.intern("__builtins__"), self.builtins_module().clone());
        if let Some(f) = filename {
            dd.set_str(self.intern("__file__"), pystr::new_str(f));
        }
        let key = self.intern("__main__");
        dict::dict_data(&self.modules()).expect("modules").set_str(key, m.clone());
        m
    }

    /// Compile and run `source` as the `__main__` module.
    pub fn run_main_source(&mut self, source: &[u8], filename: &str) -> PyResult<()> {
        let m = self.main_module(if filename.starts_with('<') { None } else { Some(filename) });
        let code = self.compile_bytes(source, filename, pyrite_compiler::Mode::Exec)?;
        let globals = module::module_dict(&m);
        let r = crate::eval::call::run_code(self, &code, &globals, None);
        crate::gc::run_pending_finalizers(self);
        r.map(|_| ())
    }

    /// Print an uncaught exception as CPython does and return the process exit status.
    pub fn handle_uncaught(&mut self, err: PyErr) -> i32 {
        if err.matches(exceptions::system_exit()) {
            let code = crate::protocols::object::getattr_opt(self, &err.exc, "code").ok().flatten().unwrap_or_else(none::none);
            if none::is_none(&code) {
                return 0;
            }
            if let Some(i) = code.as_small_int() {
                return i as i32;
            }
            let text = crate::protocols::object::str_string(self, &code).unwrap_or_default();
            self.write_fd(2, &format!("{text}\n"));
            return 1;
        }
        let text = crate::eval::format_exception(self, &err.exc);
        self.write_fd(2, &text);
        1
    }

    /// The globals of `__main__`, created if there is none yet.
    fn main_globals(&mut self) -> Value {
        let key = self.intern("__main__");
        let m = match dict::get_str_key(self.modules(), &key) {
            Some(m) => m,
            None => self.main_module(None),
        };
        module::module_dict(&m)
    }

    /// The end of an embedding call: finalizers run, output flushed, an error formatted.
    fn finish_call<T>(&mut self, r: PyResult<T>) -> Result<T, String> {
        crate::gc::run_pending_finalizers(self);
        self.flush_stdout();
        r.map_err(|e| crate::eval::format_exception(self, &e.exc))
    }

    /// Finish: run finalizers, flush output.
    pub fn finish(&mut self) {
        crate::gc::run_pending_finalizers(self);
        self.flush_stdout();
    }
}

impl Vm {
    /// `-m name`: run a module as `__main__` (`dis` runs on the file named in argv[1]).
    pub fn run_module_as_main(&mut self, name: &str) -> PyResult<()> {
        if name == "dis" {
            let Some(path) = self.config.argv.get(1).cloned() else {
                return Err(self.type_error("usage: python -m dis FILE"));
            };
            let bytes = match std::fs::read(&path) {
                Ok(b) => b,
                Err(e) => return Err(self.new_exception(exceptions::file_not_found_error(), e.to_string())),
            };
            let code = self.compile_bytes(&bytes, &path, pyrite_compiler::Mode::Exec)?;
            let dis = crate::import::import_module(self, "dis")?;
            let f = crate::protocols::object::getattr_str(self, &dis, "dis")?;
            crate::protocols::call::call(self, &f, &[code], None)?;
            return Ok(());
        }
        let path = format!("{}.py", name.replace('.', "/"));
        match std::fs::read(&path) {
            Ok(b) => self.run_main_source(&b, &path),
            Err(_) => Err(self.new_exception(exceptions::module_not_found_error(), format!("No module named {name}"))),
        }
    }
}
