//! The embedding API: run files, source strings and modules, and report uncaught exceptions
//! the way the `python` command does (CPython: `Python/pythonrun.c`).

use crate::object::Value;
use crate::objects::{dict, exceptions, module, none, str as pystr};
use crate::vm::{PyErr, PyResult, Vm};

impl Vm {
    /// Create the `__main__` module.
    pub fn main_module(&mut self, filename: Option<&str>) -> Value {
        let m = module::new_module(self, "__main__");
        let d = module::module_dict(&m);
        let dd = dict::dict_data(&d).expect("dict");
        dd.set_str(self.intern("__builtins__"), self.builtins_module.clone());
        if let Some(f) = filename {
            dd.set_str(self.intern("__file__"), pystr::new_str(f));
        }
        let key = self.intern("__main__");
        dict::dict_data(&self.modules).expect("modules").set_str(key, m.clone());
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
