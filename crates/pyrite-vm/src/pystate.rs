//! Interpreter state and the current-interpreter pointer (CPython: `Python/pystate.c`,
//! `Include/internal/pycore_interp.h`).
//!
//! Everything an interpreter owns that is not a Python object lives in one
//! [`InterpreterState`]: the cycle collector's list and thresholds, the finalizer and
//! weak-reference queues, the deallocation queue, type version tags, subclass lists and the
//! method cache, the attribute shape cache, dict and function version counters, the free
//! lists and block caches, the allocation count, and the Python-level tables (`sys.modules`,
//! `builtins`, interned strings). Two interpreters share none of it: the only process-wide
//! state is the immortal built-in types, which are read-only after start-up.
//!
//! The thread state (frames, the exception being handled, recursion depth) is [`crate::Vm`],
//! which native code receives explicitly, as CPython's functions receive `tstate`. Code that
//! has no `Vm` at hand (deallocation, allocation, the collector's bookkeeping) reaches the
//! interpreter through the one thread-local of the crate, [`CURRENT`]: the interpreter
//! attached to this OS thread. The embedding API ([`crate::Interpreter`]) attaches its
//! interpreter for the duration of each call and restores the previous one afterwards, so
//! several interpreters can take turns on one thread and an interpreter can move to another
//! thread between calls.
//!
//! The state is only ever reached through shared references: what changes after creation is
//! in `Cell`s, `RefCell`s, `OnceCell`s and atomics. That keeps the deallocation path's access
//! (through the raw pointer in `CURRENT`) sound while a `&mut Vm` is live elsewhere, and
//! leaves room for several thread states sharing one interpreter under a lock.

use std::cell::{Cell, RefCell};
use std::sync::atomic::{AtomicU32, Ordering};

use rustc_hash::FxHashMap as HashMap;

use crate::object::{block_cache::BlockCache, free_list::FreeLists, ObjHeader, Value};
use crate::vm::Config;

/// Bits of [`InterpreterState::eval_breaker`]: why the eval loop should stop at its next
/// safe point (CPython's `eval_breaker`).
pub mod breaker {
    /// The tracked population passed the collector's threshold.
    pub const GC_DUE: u32 = 1;
    /// `__del__` methods or weak-reference callbacks are queued.
    pub const PENDING_CALLS: u32 = 2;
}

/// Entries of [`InterpreterState::intern_static`]'s cache (a power of two).
const STATIC_NAMES: usize = 128;

/// One interpreter (CPython's `PyInterpreterState`).
pub struct InterpreterState {
    /// Set (from any thread, or a signal handler) to make the running thread stop at its next
    /// safe point: calls, returns and backward jumps test it.
    pub(crate) eval_breaker: AtomicU32,
    pub(crate) gc: crate::gc::GcState,
    pub(crate) dealloc: crate::object::DeallocState,
    pub(crate) weakrefs: crate::objects::weakref::WeakrefTable,
    pub(crate) types: crate::typeobj::TypeState,
    pub(crate) attr_shapes: crate::eval::specialize::ShapeCache,
    pub(crate) dicts: crate::objects::dict::DictVersions,
    /// The next function version (CALL guards; 0 once all are used up).
    pub(crate) next_function_version: Cell<u32>,
    pub(crate) free_lists: FreeLists,
    pub(crate) blocks: BlockCache,
    /// Bytes currently held by this interpreter's objects (for embedders' limits).
    pub(crate) allocated: Cell<usize>,
    /// A str holding a lone surrogate has been made in this interpreter: until then the str
    /// methods skip looking for them (`str_methods::relabelled`).
    pub(crate) made_surrogates: Cell<bool>,

    /// Settings chosen before the interpreter started.
    pub config: Config,
    builtins: InitSlot,
    builtins_module: InitSlot,
    modules: InitSlot,
    sys_module: InitSlot,
    /// Interned strings: identifiers and attribute names share one object per spelling.
    interned: RefCell<HashMap<Box<str>, Value>>,
    /// `sys.getrecursionlimit()`.
    pub recursion_limit: Cell<usize>,
    /// Buffered standard output (flushed before stderr writes and at exit).
    pub stdout_buffer: RefCell<Vec<u8>>,
    pub start_instant: std::time::Instant,
    /// The interned `"__init__"` and `"__name__"` (class instantiation, function creation).
    dunder_init: InitSlot,
    dunder_name: InitSlot,
    /// The interned one-character ASCII strs, by code point (filled on first use; kept alive
    /// by `interned`).
    latin1_chars: Box<[Cell<*const ObjHeader>; 256]>,
    /// [`InterpreterState::intern_static`]'s cache: (address and length of a `'static`
    /// text, its interned str, kept alive by `interned`).
    static_names: Box<[Cell<(usize, usize, *const ObjHeader)>; STATIC_NAMES]>,
}

thread_local! {
    /// The interpreter attached to this OS thread (null when none is).
    static CURRENT: Cell<*const InterpreterState> = const { Cell::new(std::ptr::null()) };
}

/// The interpreter attached to this thread.
///
/// The reference must not be kept past the attachment (it is used within one call of the
/// object core and dropped); every object operation happens while its interpreter is
/// attached, which the embedding API guarantees.
#[inline(always)]
pub(crate) fn interp() -> &'static InterpreterState {
    let p = CURRENT.with(|c| c.get());
    if p.is_null() {
        no_interpreter();
    }
    // SAFETY: a non-null `CURRENT` points at an attached interpreter, which stays alive while
    // it is attached (`Attached` restores the previous pointer before the state can go).
    unsafe { &*p }
}

#[cold]
#[inline(never)]
fn no_interpreter() -> ! {
    panic!("a Python object was used on a thread with no interpreter attached")
}

/// While alive, `state` is this thread's interpreter; dropping it restores the previous one
/// (CPython's `PyThreadState_Swap`).
pub(crate) struct Attached {
    previous: *const InterpreterState,
}

impl Attached {
    /// Attach `state` to this thread.
    ///
    /// # Safety
    /// `state` stays alive until the returned guard is dropped.
    pub(crate) unsafe fn new(state: *const InterpreterState) -> Attached {
        Attached { previous: CURRENT.with(|c| c.replace(state)) }
    }
}

impl Drop for Attached {
    fn drop(&mut self) {
        CURRENT.with(|c| c.set(self.previous));
    }
}

impl InterpreterState {
    pub(crate) fn new(config: Config) -> Box<InterpreterState> {
        Box::new(InterpreterState {
            eval_breaker: AtomicU32::new(0),
            gc: crate::gc::GcState::new(),
            dealloc: crate::object::DeallocState::new(),
            weakrefs: crate::objects::weakref::WeakrefTable::new(),
            types: crate::typeobj::TypeState::new(),
            attr_shapes: crate::eval::specialize::ShapeCache::new(),
            dicts: crate::objects::dict::DictVersions::new(),
            next_function_version: Cell::new(1),
            free_lists: FreeLists::new(),
            blocks: BlockCache::new(),
            allocated: Cell::new(0),
            made_surrogates: Cell::new(false),
            config,
            builtins: InitSlot::new(),
            builtins_module: InitSlot::new(),
            modules: InitSlot::new(),
            sys_module: InitSlot::new(),
            interned: RefCell::new(HashMap::default()),
            recursion_limit: Cell::new(1000),
            stdout_buffer: RefCell::new(Vec::new()),
            start_instant: std::time::Instant::now(),
            dunder_init: InitSlot::new(),
            dunder_name: InitSlot::new(),
            latin1_chars: Box::new([const { Cell::new(std::ptr::null()) }; 256]),
            static_names: Box::new([const { Cell::new((0, 0, std::ptr::null())) }; STATIC_NAMES]),
        })
    }

    /// Ask the running thread to stop at its next safe point for `reason` (a [`breaker`] bit).
    #[inline]
    pub(crate) fn request(&self, reason: u32) {
        self.eval_breaker.fetch_or(reason, Ordering::Relaxed);
    }

    /// Whether anything asked the eval loop to stop.
    #[inline(always)]
    pub(crate) fn breaker_set(&self) -> bool {
        self.eval_breaker.load(Ordering::Relaxed) != 0
    }

    /// The `builtins` module's dict.
    #[inline]
    pub fn builtins(&self) -> &Value {
        self.builtins.get()
    }
    /// The `builtins` module.
    pub fn builtins_module(&self) -> &Value {
        self.builtins_module.get()
    }
    /// `sys.modules`.
    pub fn modules(&self) -> &Value {
        self.modules.get()
    }
    /// The `sys` module.
    pub fn sys_module(&self) -> &Value {
        self.sys_module.get()
    }
    /// The interned `"__init__"`.
    #[inline]
    pub fn dunder_init(&self) -> &Value {
        self.dunder_init.get()
    }
    /// The interned `"__name__"`.
    #[inline]
    pub fn dunder_name(&self) -> &Value {
        self.dunder_name.get()
    }

    /// Record the core modules (once, at start-up).
    pub(crate) fn set_core_modules(&self, builtins_module: Value, builtins: Value, sys_module: Value) {
        self.builtins_module.set(builtins_module);
        self.builtins.set(builtins);
        self.sys_module.set(sys_module);
    }

    /// Create the tables every later step needs (the interpreter must be attached).
    pub(crate) fn init_tables(&self) {
        self.modules.set(crate::objects::dict::new_dict());
        self.dunder_init.set(self.intern("__init__"));
        self.dunder_name.set(self.intern("__name__"));
    }

    /// The interned string object for `s`.
    pub fn intern(&self, s: &str) -> Value {
        if let Some(v) = self.interned.borrow().get(s) {
            return v.clone();
        }
        let v = crate::objects::str::new_str(s);
        crate::objects::str::str_data(&v).expect("str").interned.set(true);
        self.interned.borrow_mut().insert(s.into(), v.clone());
        v
    }

    /// [`InterpreterState::intern`] for a name spelled in the interpreter's own source
    /// (dunder names looked up by the type slots of classes, on every `__eq__`, `__hash__`,
    /// `__add__`... they call): a small cache keyed by the text's address answers without
    /// hashing the text.
    #[inline]
    pub fn intern_static(&self, s: &'static str) -> Value {
        let addr = s.as_ptr() as usize;
        let slot = &self.static_names[(addr >> 3) & (STATIC_NAMES - 1)];
        let (a, len, p) = slot.get();
        if a == addr && len == s.len() {
            // SAFETY: the str is in `interned`, which keeps it alive until teardown, when this
            // cache is emptied first.
            return unsafe { Value::from_header_borrowed(p) };
        }
        let v = self.intern(s);
        slot.set((addr, s.len(), v.as_ptr()));
        v
    }

    /// Intern an existing str object (returns the canonical object for its spelling).
    /// Immortal strs (shared by every interpreter) are never flagged: only this
    /// interpreter's own objects are written.
    pub fn intern_value(&self, s: &Value) -> Value {
        let text = crate::objects::str::as_str(s);
        if let Some(v) = self.interned.borrow().get(text) {
            return v.clone();
        }
        if let Some(d) = s.downcast_exact::<crate::objects::str::StrData>() {
            if s.header().is_some_and(|h| h.is_immortal()) {
                let own = crate::objects::str::new_str(text);
                crate::objects::str::str_data(&own).expect("str").interned.set(true);
                self.interned.borrow_mut().insert(text.into(), own.clone());
                return own;
            }
            d.interned.set(true);
        }
        self.interned.borrow_mut().insert(text.into(), s.clone());
        s.clone()
    }

    /// The interned one-character str for ASCII code point `c`.
    #[inline]
    pub fn ascii_char(&self, c: u8) -> Value {
        self.latin1_char(c & 127)
    }

    /// The interned one-character str for Latin-1 code point `c` (CPython caches these too).
    #[inline]
    pub fn latin1_char(&self, c: u8) -> Value {
        let slot = &self.latin1_chars[c as usize];
        let p = slot.get();
        if !p.is_null() {
            // SAFETY: an interned str, kept alive by `interned` until teardown, when this
            // cache is emptied first.
            return unsafe { Value::from_header_borrowed(p) };
        }
        let v = self.intern((c as char).encode_utf8(&mut [0; 4]));
        slot.set(v.as_ptr());
        v
    }

    /// Release every Python object the state holds (teardown; the state must be attached).
    ///
    /// # Safety
    /// No reference returned by the accessors (`builtins()`, `modules()`, ...) is alive.
    pub(crate) unsafe fn clear_objects(&self) {
        // SAFETY: by the caller's contract (`# Safety` above) no borrow handed out by the accessors
        // is alive, so the cells can be emptied and their objects dropped; the state is attached,
        // as dropping them requires.
        unsafe {
            for s in self.static_names.iter() {
                s.set((0, 0, std::ptr::null()));
            }
            for c in self.latin1_chars.iter() {
                c.set(std::ptr::null());
            }
            for slot in [&self.dunder_init, &self.dunder_name, &self.builtins, &self.builtins_module, &self.sys_module, &self.modules] {
                drop(slot.take());
            }
            let interned = std::mem::take(&mut *self.interned.borrow_mut());
            drop(interned);
        }
    }
}

/// A value set once while the interpreter starts and taken once when it is torn down; in
/// between, shared borrows of it are handed out.
struct InitSlot(std::cell::UnsafeCell<Option<Value>>);

impl InitSlot {
    const fn new() -> InitSlot {
        InitSlot(std::cell::UnsafeCell::new(None))
    }

    #[inline(always)]
    fn get(&self) -> &Value {
        // SAFETY: written only by `set` (at start-up, before any borrow is handed out) and
        // `take` (at teardown, after the last one is gone).
        match unsafe { &*self.0.get() } {
            Some(v) => v,
            None => not_initialised(),
        }
    }

    fn set(&self, v: Value) {
        // SAFETY: start-up: no borrow of the slot exists yet. The old value (if the slot was
        // set twice, which start-up does not do) is dropped after the write.
        drop(unsafe { std::ptr::replace(self.0.get(), Some(v)) });
    }

    /// # Safety
    /// No borrow returned by `get` is alive.
    unsafe fn take(&self) -> Option<Value> {
        // SAFETY: by the caller's contract (`# Safety` above) no borrow returned by `get` is alive,
        // so replacing the cell's contents invalidates nothing.
        unsafe { std::ptr::replace(self.0.get(), None) }
    }
}

#[cold]
#[inline(never)]
fn not_initialised() -> ! {
    panic!("interpreter used before its start-up finished")
}
