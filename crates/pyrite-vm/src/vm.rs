//! The interpreter state (CPython: `PyInterpreterState` + `PyThreadState`) and error values.
//!
//! Everything an interpreter owns lives in [`Vm`]: no process-global mutable state except the
//! immortal built-in types and the per-thread allocation bookkeeping of the object core.

use crate::eval::frame::FrameStack;
use crate::object::Value;
use crate::objects::{dict, exceptions, str as pystr};
use crate::pystate::{Attached, InterpreterState};
use crate::typeobj::PyType;

/// A raised Python exception: an owned exception instance. One word, so that the commonest
/// results (`PyResult<Value>`, `PyResult<Option<Value>>`) are two words and return in
/// registers: a result returned through memory and read back at once with wider loads than
/// it was written with stalls store forwarding at every call boundary.
pub struct PyErr {
    pub exc: Value,
}

const _: () = assert!(std::mem::size_of::<PyResult<Value>>() == 16);

impl std::fmt::Debug for PyErr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "PyErr({})", self.exc.ty().name())
    }
}

pub type PyResult<T> = Result<T, PyErr>;

impl PyErr {
    pub fn from_value(exc: Value) -> PyErr {
        PyErr { exc }
    }
    /// Mark the error as re-raised (no traceback entry for the current frame).
    pub fn reraised(self) -> PyErr {
        exceptions::exc_data(&self.exc).reraised.set(true);
        self
    }
    /// Is the exception an instance of `ty` (or a subclass)?
    pub fn matches(&self, ty: &PyType) -> bool {
        self.exc.ty().is_subtype(ty)
    }
}

/// Settings an embedder (or the command line) chooses before running code.
#[derive(Clone, Debug)]
pub struct Config {
    /// `sys.argv`.
    pub argv: Vec<String>,
    /// Extra entries at the front of `sys.path` (the script's directory).
    pub path: Vec<String>,
    /// Whether `import` may read `.py` files from the filesystem.
    pub allow_filesystem_imports: bool,
    /// Whether the adaptive specialiser runs (the `-X nospecialize` switch turns it off).
    pub specialize: bool,
    /// Debug knob for tests: only this many type version tags are left to hand out (the
    /// counter starts near its end), so that running out of tags can be tested.
    pub remaining_type_tags: Option<u32>,
    /// Debug check: at teardown, report on stderr any object the collector still tracks
    /// (every object must be freed; `-X checkteardown`, used by the golden suite).
    pub check_teardown: bool,
}

impl Default for Config {
    fn default() -> Self {
        Config { argv: vec![String::new()], path: Vec::new(), allow_filesystem_imports: true, specialize: true, remaining_type_tags: None, check_teardown: false }
    }
}

/// A thread state (CPython's `PyThreadState`): the frames one OS thread is running in an
/// interpreter, the exception it is handling and its recursion depth. Native code receives it
/// as `vm: &mut Vm`; the interpreter it runs ([`InterpreterState`]) is reached through it
/// (`Deref`), shared, never mutably borrowed.
pub struct Vm {
    /// The interpreter (owned for now: one thread state per interpreter; threads will share
    /// it). Never reached through `&mut`: see `pystate`.
    interp: std::ptr::NonNull<InterpreterState>,
    pub frames: FrameStack,
    /// Nesting depth of Python calls plus native re-entries (checked against the limit).
    pub recursion_depth: usize,
    /// `sys.getrecursionlimit()`, copied from the interpreter when it changes (read by every
    /// call).
    pub recursion_limit: usize,
    /// The exception currently being handled (`sys.exception()`).
    pub handled_exception: Option<Value>,
    /// The innermost executing frame (null when none is), whose `back` links lead through the
    /// others (for `globals()`, `super()`, `sys._getframe`).
    pub top_frame: *const crate::eval::frame::Frame,
    /// Objects whose repr is in progress (`Py_ReprEnter`).
    repr_stack: Vec<usize>,
    /// `teardown` has run.
    torn_down: bool,
}

impl std::ops::Deref for Vm {
    type Target = InterpreterState;
    #[inline(always)]
    fn deref(&self) -> &InterpreterState {
        // SAFETY: the state lives as long as the thread state that owns it, and is only
        // ever borrowed shared.
        unsafe { self.interp.as_ref() }
    }
}

impl Vm {
    /// Create an interpreter with the built-in modules ready, attached to this thread until
    /// the returned guard goes (the embedding API, [`crate::Interpreter`], wraps this).
    pub(crate) fn new(config: Config) -> (Box<Vm>, Attached) {
        crate::init_static_types();
        let state = std::ptr::NonNull::from(Box::leak(InterpreterState::new(config)));
        // SAFETY: the state lives until the `Vm` that now owns it is dropped, which
        // `Interpreter` does while it is attached.
        let attached = unsafe { Attached::new(state.as_ptr()) };
        let mut vm = Box::new(Vm {
            interp: state,
            frames: FrameStack::new(),
            recursion_depth: 0,
            recursion_limit: 1000,
            handled_exception: None,
            top_frame: std::ptr::null(),
            repr_stack: Vec::new(),
            torn_down: false,
        });
        if let Some(n) = vm.config.remaining_type_tags {
            vm.types.set_remaining_tags(n);
        }
        vm.init_tables();
        crate::modules::init_core_modules(&mut vm);
        (vm, attached)
    }

    /// The interpreter this thread state runs.
    #[inline(always)]
    pub fn interp(&self) -> &InterpreterState {
        self
    }

    /// `sys.setrecursionlimit(n)`.
    pub fn set_recursion_limit(&mut self, n: usize) {
        self.interp().recursion_limit.set(n);
        self.recursion_limit = n;
    }

    /// Create an exception of type `ty` with a single message argument.
    pub fn new_exception(&mut self, ty: &PyType, msg: impl Into<String>) -> PyErr {
        let msg = pystr::new_str(&msg.into());
        PyErr::from_value(exceptions::new_exception(ty, vec![msg]))
    }

    /// Create an exception of type `ty` with arbitrary args.
    pub fn new_exception_args(&mut self, ty: &PyType, args: Vec<Value>) -> PyErr {
        PyErr::from_value(exceptions::new_exception(ty, args))
    }

    pub fn type_error(&mut self, msg: impl Into<String>) -> PyErr {
        self.new_exception(exceptions::type_error(), msg)
    }
    pub fn value_error(&mut self, msg: impl Into<String>) -> PyErr {
        self.new_exception(exceptions::value_error(), msg)
    }
    pub fn index_error(&mut self, msg: impl Into<String>) -> PyErr {
        self.new_exception(exceptions::index_error(), msg)
    }
    pub fn attribute_error(&mut self, msg: impl Into<String>) -> PyErr {
        self.new_exception(exceptions::attribute_error(), msg)
    }
    pub fn name_error(&mut self, msg: impl Into<String>) -> PyErr {
        self.new_exception(exceptions::name_error(), msg)
    }
    pub fn zero_division_error(&mut self, msg: impl Into<String>) -> PyErr {
        self.new_exception(exceptions::zero_division_error(), msg)
    }
    pub fn overflow_error(&mut self, msg: impl Into<String>) -> PyErr {
        self.new_exception(exceptions::overflow_error(), msg)
    }
    pub fn runtime_error(&mut self, msg: impl Into<String>) -> PyErr {
        self.new_exception(exceptions::runtime_error(), msg)
    }
    pub fn recursion_error(&mut self, msg: impl Into<String>) -> PyErr {
        self.new_exception(exceptions::recursion_error(), msg)
    }
    pub fn memory_error(&mut self) -> PyErr {
        self.new_exception_args(exceptions::memory_error(), vec![])
    }
    pub fn not_implemented_error(&mut self, msg: impl Into<String>) -> PyErr {
        self.new_exception(exceptions::not_implemented_error(), msg)
    }
    /// `KeyError(key)`: the key itself is the argument (its repr becomes the message).
    pub fn key_error(&mut self, key: Value) -> PyErr {
        self.new_exception_args(exceptions::key_error(), vec![key])
    }
    pub fn stop_iteration(&mut self, value: Option<Value>) -> PyErr {
        self.new_exception_args(exceptions::stop_iteration(), value.into_iter().collect())
    }
}

impl Vm {
    /// Called on backward jumps and calls: pending finalizers, garbage collection.
    #[inline(always)]
    pub fn check_eval_breaker(&mut self) -> PyResult<()> {
        if self.interp().breaker_set() {
            self.handle_eval_breaker();
        }
        Ok(())
    }

    #[cold]
    fn handle_eval_breaker(&mut self) {
        self.interp().eval_breaker.store(0, std::sync::atomic::Ordering::Relaxed);
        crate::gc::run_pending_finalizers(self);
        crate::objects::weakref::run_pending_callbacks(self);
        crate::gc::maybe_collect(self);
    }

    /// Native code about to run arbitrary Python code: count the nesting (RecursionError).
    #[inline]
    pub fn enter_native_call(&mut self) -> PyResult<()> {
        self.recursion_depth += 1;
        if self.recursion_depth > self.recursion_limit + 50 {
            self.recursion_depth -= 1;
            return Err(self.recursion_error("maximum recursion depth exceeded"));
        }
        Ok(())
    }

    #[inline]
    pub fn leave_native_call(&mut self) {
        self.recursion_depth -= 1;
    }

    /// `Py_ReprEnter`: false if `v`'s repr is already in progress (recursive container).
    pub fn repr_enter(&mut self, v: &Value) -> bool {
        let id = v.bits();
        if self.repr_stack.contains(&id) {
            return false;
        }
        self.repr_stack.push(id);
        true
    }

    pub fn repr_leave(&mut self, v: &Value) {
        let id = v.bits();
        if let Some(pos) = self.repr_stack.iter().rposition(|x| *x == id) {
            self.repr_stack.remove(pos);
        }
    }

    pub fn register_subclass(&mut self, base: &Value, sub: &Value) {
        crate::typeobj::register_subclass(base, sub);
    }

    /// Direct subclasses of `ty` created in this interpreter.
    pub fn subclasses(&mut self, ty: &Value) -> Vec<Value> {
        crate::typeobj::subclasses(ty)
    }

    fn current_frame(&self) -> Option<&crate::eval::frame::Frame> {
        // SAFETY: `top_frame` and its `back` links point at executing (alive) frames.
        unsafe { self.top_frame.as_ref() }
    }

    pub fn current_globals(&self) -> Option<Value> {
        self.current_frame().map(|f| (*f.globals).clone())
    }

    /// `locals()` of the running frame.
    pub fn current_locals(&mut self) -> Option<Value> {
        let f = self.current_frame()?;
        if let Some(l) = &f.locals {
            return Some(l.clone());
        }
        let cd = f.code_data();
        let d = dict::new_dict();
        let dd = dict::dict_data(&d).expect("dict");
        for (i, name) in cd.localsplusnames.iter().enumerate() {
            let kind = cd.code.localspluskinds[i];
            let v = match &f.slots[i] {
                Some(v) if kind & (pyrite_bytecode::code::local_kind::CELL | pyrite_bytecode::code::local_kind::FREE) != 0 => {
                    crate::objects::function::cell_data(v).get()
                }
                other => other.clone(),
            };
            if let Some(v) = v {
                dd.set_str(name.clone(), v);
            }
        }
        Some(d)
    }

    /// `(__class__, first argument)` of the running method, for zero-argument `super()`.
    pub fn zero_arg_super_context(&self) -> Option<(Value, Value)> {
        let f = self.current_frame()?;
        let cd = f.code_data();
        if cd.code.argcount == 0 {
            return None;
        }
        let mut first = f.slots.first()?.clone()?;
        if cd.code.localspluskinds[0] & pyrite_bytecode::code::local_kind::CELL != 0 {
            if let Some(c) = first.downcast::<crate::objects::function::CellData>() {
                first = c.get()?;
            }
        }
        let idx = cd.localsplusnames.iter().position(|n| pystr::as_str(n) == "__class__")?;
        let cell = f.slots[idx].clone()?;
        let cls = crate::objects::function::cell_data(&cell).get()?;
        Some((cls, first))
    }

    /// A frame object for the frame `depth` levels up (0 = the caller of `sys._getframe`).
    pub fn frame_object_at(&self, depth: usize) -> Option<Value> {
        let mut executing = Vec::new();
        let mut p = self.top_frame;
        while !p.is_null() {
            executing.push(p);
            // SAFETY: executing frames are alive, and so are those their `back` links reach.
            p = unsafe { (*p).back };
        }
        if depth >= executing.len() {
            return None;
        }
        let mut back: Option<Value> = None;
        for &p in executing[depth..].iter().rev() {
            // SAFETY: executing frames are alive.
            let f = unsafe { &*p };
            back = Some(crate::objects::frameobj::new_frame_object((*f.code).clone(), (*f.globals).clone(), f.locals.clone(), f.lineno(), back));
        }
        back
    }

    /// Compile source text to a code object value, converting syntax errors.
    pub fn compile_source(&mut self, src: &str, filename: &str, mode: pyrite_compiler::Mode) -> PyResult<Value> {
        match pyrite_compiler::compile(src, filename, mode) {
            Ok(code) => Ok(crate::objects::function::new_code(self, std::rc::Rc::new(code))),
            Err(e) => Err(self.syntax_error(e)),
        }
    }

    pub fn compile_bytes(&mut self, src: &[u8], filename: &str, mode: pyrite_compiler::Mode) -> PyResult<Value> {
        match pyrite_compiler::compile_bytes(src, filename, mode) {
            Ok(code) => Ok(crate::objects::function::new_code(self, std::rc::Rc::new(code))),
            Err(e) => Err(self.syntax_error(e)),
        }
    }

    fn syntax_error(&mut self, e: pyrite_compiler::CompileError) -> PyErr {
        use crate::objects::tuple;
        let ty = match e.kind {
            pyrite_compiler::SyntaxErrorKind::SyntaxError => exceptions::syntax_error(),
            pyrite_compiler::SyntaxErrorKind::IndentationError => exceptions::indentation_error(),
            pyrite_compiler::SyntaxErrorKind::TabError => exceptions::tab_error(),
        };
        let text = match &e.text {
            Some(t) => pystr::new_str(t),
            None => crate::objects::none::none(),
        };
        let details = tuple::new_tuple(vec![
            pystr::new_str(&e.filename),
            Value::int(e.lineno as i64),
            Value::int(e.offset as i64),
            text,
            Value::int(e.end_lineno as i64),
            Value::int(e.end_offset as i64),
        ]);
        self.new_exception_args(ty, vec![pystr::new_str(&e.msg), details])
    }

    /// Print "Exception ignored in: ..." for an error that cannot propagate.
    pub fn print_unraisable(&mut self, context: &str, e: &PyErr) {
        let text = crate::eval::format_exception(self, &e.exc);
        self.write_fd(2, &format!("{context}\n{text}"));
    }

    /// Report an exception that cannot propagate (`__del__`, finalizers) through
    /// `sys.unraisablehook` when the program replaced it, else print it.
    pub fn print_unraisable_for(&mut self, context: &str, object: &Value, e: &PyErr) {
        let sys = self.sys_module().clone();
        let hook = crate::protocols::object::getattr_opt(self, &sys, "unraisablehook").ok().flatten();
        let default = crate::protocols::object::getattr_opt(self, &sys, "__unraisablehook__").ok().flatten();
        if let (Some(h), Some(d)) = (&hook, &default) {
            if !h.is(d) {
                let tb = exceptions::exc_data(&e.exc).traceback().unwrap_or_else(crate::objects::none::none);
                let args = crate::modules::sys::unraisable_hook_args(self, e.exc.ty().to_value(), e.exc.clone(), tb, object.clone());
                if let Ok(args) = args {
                    if crate::protocols::call::call(self, h, &[args], None).is_ok() {
                        return;
                    }
                }
            }
        }
        self.print_unraisable(context, e);
    }

    pub fn write_fd(&mut self, fd: u8, s: &str) {
        self.write_fd_bytes(fd, s.as_bytes());
    }

    pub fn write_fd_bytes(&mut self, fd: u8, s: &[u8]) {
        crate::modules::_io::textio::write_raw(&mut self.stdout_buffer.borrow_mut(), fd, s);
    }

    pub fn flush_stdout(&mut self) {
        use std::io::Write;
        let mut buf = self.stdout_buffer.borrow_mut();
        let _ = std::io::stdout().write_all(&buf);
        let _ = std::io::stdout().flush();
        buf.clear();
    }
}

impl Vm {
    /// Tear the interpreter down so that dropping it frees what it allocated (CPython's
    /// finalization, simplified): run pending finalizers, empty every module's namespace and
    /// the interpreter's own tables, then collect the cycles that remain, and give the free
    /// lists and block caches back to the allocator. Immortal built-in objects are shared by
    /// all interpreters and stay. Returns the type names of the objects still tracked
    /// afterwards (none, unless something leaked). Runs once.
    pub(crate) fn teardown(&mut self) -> Vec<String> {
        crate::gc::run_pending_finalizers(self);
        // Garbage goes first, while module globals are intact (CPython collects before it
        // clears the modules that survive), so finalizers still see their globals.
        crate::gc::collect(self);
        if let Some(mods) = dict::dict_data(self.modules()) {
            for m in mods.values() {
                if let Some(md) = m.downcast::<crate::objects::module::ModuleData>() {
                    if let Some(d) = dict::dict_data(&md.dict) {
                        d.clear();
                    }
                }
            }
            mods.clear();
        }
        if let Some(b) = dict::dict_data(self.builtins()) {
            b.clear();
        }
        self.handled_exception = None;
        self.repr_stack.clear();
        // Some unreachable objects may have no `clear` (immutable ones); stop once a pass
        // frees nothing new.
        let mut last = usize::MAX;
        for _ in 0..16 {
            crate::gc::run_pending_finalizers(self);
            crate::objects::weakref::run_pending_callbacks(self);
            let found = crate::gc::collect(self);
            if found == 0 || found >= last {
                break;
            }
            last = found;
        }
        self.flush_stdout();
        self.frames = FrameStack::new();
        // SAFETY: teardown: no reference handed out by the state's accessors is alive.
        unsafe { self.interp().clear_objects() };
        crate::gc::run_pending_finalizers(self);
        self.interp().free_lists.drain();
        self.interp().blocks.drain();
        self.torn_down = true;
        crate::gc::survivors()
    }
}

impl Drop for Vm {
    /// Tear the interpreter down (see [`Vm::teardown`]) and free its state when nothing of it
    /// is left. The interpreter must be attached (`Interpreter` does it).
    fn drop(&mut self) {
        if !self.torn_down {
            let left = self.teardown();
            if self.config.check_teardown && !left.is_empty() {
                eprintln!("pyrite: teardown left {} tracked object(s): {}", left.len(), left.join(", "));
            }
        }
        // Objects that survived (leaked) keep links into the collector's list; the state is
        // freed only when none are tracked any more.
        if crate::gc::get_count() == 0 {
            // SAFETY: this thread state owns the state (leaked from a box in `Vm::new`);
            // nothing borrows it any more and no object of it is left to use it.
            drop(unsafe { Box::from_raw(self.interp.as_ptr()) });
        }
    }
}
