//! Frames: the per-call state of the eval loop (CPython: `Include/internal/pycore_frame.h`).
//!
//! A frame's `slots` hold the fast locals, cells and free variables (`localsplus`) followed by
//! the value stack, in one allocation. `None` in a local slot means unbound; `None` on the
//! stack is CPython's NULL marker (PUSH_NULL, method calls). Freed slot buffers are pooled by
//! the [`FrameStack`] so that calls rarely allocate.

use std::mem::ManuallyDrop;

use crate::object::Value;

pub struct Frame {
    /// The code object (a `CodeData` value). `code`, `globals` and `builtins` are *borrowed*
    /// from `func` when the frame runs a function (the frame owns `func`, and a function's
    /// code, globals and builtins never change), so a call costs no reference counting for
    /// them; module and class-body frames own them (`owns_namespace`).
    pub code: ManuallyDrop<Value>,
    /// The function being executed, if any.
    pub func: Option<Value>,
    pub globals: ManuallyDrop<Value>,
    pub builtins: ManuallyDrop<Value>,
    /// Whether `code`, `globals` and `builtins` hold references of their own.
    owns_namespace: bool,
    /// The locals mapping of module and class bodies (LOAD_NAME/STORE_NAME).
    pub locals: Option<Value>,
    /// localsplus, then the value stack.
    pub slots: Box<[Option<Value>]>,
    /// Index of the first stack slot (= number of localsplus slots).
    pub stack_base: usize,
    /// Index one past the top of the stack.
    pub sp: usize,
    /// Index (in code units) of the next instruction.
    pub ip: usize,
    /// The instruction being executed (tracebacks, `f_lasti`, handler lookup); null before
    /// the first one. A pointer, so that the eval loop stores it without arithmetic.
    pub instr: *const u16,
    /// The code object's (quickened) instructions, which never move: the eval loop takes its
    /// instruction pointer up again after a call or return from here, one load instead of
    /// three through the code object.
    pub units: *mut u16,
    /// Keyword names set by KW_NAMES for the next CALL.
    pub kwnames: Option<Value>,
    /// True if this frame was entered from native code (its return leaves the loop).
    pub is_entry: bool,
    /// For an `__init__` entered by CALL_ALLOC_AND_ENTER_INIT: the new instance, which the
    /// call evaluates to once `__init__` has returned None.
    pub init_self: Option<Value>,
    /// The frame that called this one in the same eval-loop activation, which resumes when
    /// this one returns (owned: the chain of an activation is a linked list from its current
    /// frame down to its entry frame); `None` for an entry frame and for frames not running.
    pub caller: Option<Box<Frame>>,
    /// The frame below this one among the thread's executing frames: its caller, or, for an
    /// entry frame, whatever was executing when native code entered it (CPython's
    /// `frame->previous`). Null at the bottom; meaningless once the frame stops executing.
    pub back: *const Frame,
    /// While FOR_ITER_GEN runs this generator frame on its caller's chain: the generator, to
    /// which YIELD_VALUE hands the frame back (and which a return or an exception finishes).
    pub generator: Option<Value>,
}

impl Frame {
    #[inline(always)]
    pub fn push(&mut self, v: Value) {
        debug_assert!(self.sp < self.slots.len());
        // SAFETY: the compiler's stack-depth computation bounds `sp` by `co_stacksize`.
        unsafe { *self.slots.get_unchecked_mut(self.sp) = Some(v) };
        self.sp += 1;
    }
    #[inline(always)]
    pub fn push_opt(&mut self, v: Option<Value>) {
        debug_assert!(self.sp < self.slots.len());
        // SAFETY: as in `push`.
        unsafe { *self.slots.get_unchecked_mut(self.sp) = v };
        self.sp += 1;
    }
    #[inline(always)]
    pub fn pop(&mut self) -> Value {
        self.sp -= 1;
        debug_assert!(self.sp >= self.stack_base);
        // SAFETY: sp stays within the stack region for well-formed bytecode.
        unsafe { self.slots.get_unchecked_mut(self.sp).take().unwrap_unchecked() }
    }
    #[inline(always)]
    pub fn pop_opt(&mut self) -> Option<Value> {
        self.sp -= 1;
        // SAFETY: as in `pop`.
        unsafe { self.slots.get_unchecked_mut(self.sp).take() }
    }
    /// The `n`-th item from the top (1 = top).
    #[inline(always)]
    pub fn peek(&self, n: usize) -> &Value {
        // SAFETY: well-formed bytecode only peeks at live stack items, which are non-NULL
        // wherever this is used.
        unsafe { self.slots.get_unchecked(self.sp - n).as_ref().unwrap_unchecked() }
    }
    #[inline(always)]
    pub fn peek_opt(&self, n: usize) -> &Option<Value> {
        &self.slots[self.sp - n]
    }
    #[inline(always)]
    pub fn set_top(&mut self, n: usize, v: Value) {
        let i = self.sp - n;
        self.slots[i] = Some(v);
    }
    /// Drop the top `n` stack items.
    #[inline]
    pub fn drop_n(&mut self, n: usize) {
        for _ in 0..n {
            self.sp -= 1;
            let v = self.slots[self.sp].take();
            drop(v);
        }
    }
    /// The top `n` stack items as values (all must be non-NULL).
    #[inline(always)]
    pub fn top_slice(&self, n: usize) -> &[Value] {
        let s = &self.slots[self.sp - n..self.sp];
        // SAFETY: `Option<Value>` has the same layout as `Value` (niche of a
        // `repr(transparent)` NonNull wrapper), and every item in this range is `Some`.
        unsafe { &*(s as *const [Option<Value>] as *const [Value]) }
    }
    pub fn code_data(&self) -> &crate::objects::function::CodeData {
        // SAFETY: `code` is always a code object.
        unsafe { self.code.payload_unchecked::<crate::objects::function::CodeData>() }
    }
    /// Index (in code units) of the instruction being executed.
    pub fn lasti(&self) -> usize {
        if self.instr.is_null() {
            return 0;
        }
        // SAFETY: `instr` points into this frame's code's instruction array.
        unsafe { self.instr.offset_from((*self.code_data().instructions.get()).as_ptr()) as usize }
    }

    /// Set the current instruction by index.
    pub fn set_lasti(&mut self, index: usize) {
        // SAFETY: `index` is within the instruction array.
        self.instr = unsafe { (*self.code_data().instructions.get()).as_ptr().add(index) };
    }

    /// Drop the references `code`/`globals`/`builtins` own, if any, leaving them borrowed
    /// (pointing at `None`, which is immortal).
    #[cold]
    fn release_namespace(&mut self) {
        if self.owns_namespace {
            self.owns_namespace = false;
            let none = crate::objects::none::none();
            let old = (
                std::mem::replace(&mut self.code, ManuallyDrop::new(none.clone())),
                std::mem::replace(&mut self.globals, ManuallyDrop::new(none.clone())),
                std::mem::replace(&mut self.builtins, ManuallyDrop::new(none)),
            );
            drop((ManuallyDrop::into_inner(old.0), ManuallyDrop::into_inner(old.1), ManuallyDrop::into_inner(old.2)));
        }
    }

    /// Current source line.
    pub fn lineno(&self) -> u32 {
        self.code_data().code.line_at(self.lasti()).unwrap_or(self.code_data().code.firstlineno)
    }
}

impl Drop for Frame {
    fn drop(&mut self) {
        self.release_namespace();
    }
}

/// The instruction array of `code` (a `CodeData` value).
#[inline(always)]
fn units_of(code: &Value) -> *mut u16 {
    // SAFETY: a frame's code is a code object; its instructions are rewritten in place only.
    unsafe { (*code.payload_unchecked::<crate::objects::function::CodeData>().instructions.get()).as_mut_ptr() }
}

/// A borrowed copy of `v` (no reference taken).
///
/// # Safety
/// The copy must not outlive `v`'s owner and is never dropped (it is `ManuallyDrop`).
#[inline(always)]
unsafe fn borrow(v: &Value) -> ManuallyDrop<Value> {
    // SAFETY: by the caller's contract (`# Safety` above) the bitwise copy never outlives `v`'s
    // owner and is never dropped, so no reference count changes and no double release happens.
    unsafe { ManuallyDrop::new(std::ptr::read(v)) }
}

/// Pool of slot buffers (CPython's per-thread data stack, simplified).
pub struct FrameStack {
    pool: Vec<Box<[Option<Value>]>>,
    /// Released frames, reused with their slot buffers (a call allocates nothing).
    frames: Vec<Box<Frame>>,
}

impl Default for FrameStack {
    fn default() -> Self {
        Self::new()
    }
}

impl FrameStack {
    pub fn new() -> FrameStack {
        FrameStack { pool: Vec::new(), frames: Vec::new() }
    }

    /// A frame for running `func` (a Python function) with at least `size` empty slots; its
    /// code, globals and builtins are borrowed from the function, which the frame owns.
    #[inline]
    pub fn function_frame(&mut self, func: Value, nlocalsplus: usize, size: usize) -> Box<Frame> {
        // SAFETY: `func` is a function; the frame keeps it alive for as long as the borrowed
        // fields are used (they are reset before `func` is dropped in `release`).
        let fd = unsafe { func.payload_unchecked::<crate::objects::function::FunctionData>() };
        // SAFETY: `fd` is the payload of `func`, which the frame owns until `release` resets these
        // borrowed copies; they are `ManuallyDrop` and never dropped, so no count is released
        // twice.
        let (code, globals, builtins) = unsafe { (borrow(&fd.code), borrow(&fd.globals), borrow(&fd.builtins)) };
        self.frame_with(code, Some(func), globals, builtins, false, None, nlocalsplus, size)
    }

    /// A frame that owns its code, globals and builtins (module code, class bodies).
    #[allow(clippy::too_many_arguments)]
    #[inline]
    pub fn frame(&mut self, code: Value, func: Option<Value>, globals: Value, builtins: Value, locals: Option<Value>, nlocalsplus: usize, size: usize) -> Box<Frame> {
        self.frame_with(ManuallyDrop::new(code), func, ManuallyDrop::new(globals), ManuallyDrop::new(builtins), true, locals, nlocalsplus, size)
    }

    /// A frame with at least `size` empty slots, reusing a released one when possible.
    #[allow(clippy::too_many_arguments)]
    #[inline(always)]
    fn frame_with(&mut self, code: ManuallyDrop<Value>, func: Option<Value>, globals: ManuallyDrop<Value>, builtins: ManuallyDrop<Value>, owns_namespace: bool, locals: Option<Value>, nlocalsplus: usize, size: usize) -> Box<Frame> {
        match self.frames.pop() {
            Some(mut f) if f.slots.len() >= size => {
                // A pooled frame borrows nothing that needs dropping and its `func`, `locals`
                // and `caller` are empty (see `release`): overwrite them without drop checks.
                debug_assert!(f.func.is_none() && f.locals.is_none() && f.caller.is_none());
                // SAFETY: every field written holds nothing to drop, and is written whole.
                unsafe {
                    std::ptr::write(&mut f.code, code);
                    std::ptr::write(&mut f.globals, globals);
                    std::ptr::write(&mut f.builtins, builtins);
                    std::ptr::write(&mut f.func, func);
                    std::ptr::write(&mut f.locals, locals);
                }
                f.units = units_of(&f.code);
                f.owns_namespace = owns_namespace;
                f.stack_base = nlocalsplus;
                f.sp = nlocalsplus;
                f.ip = 0;
                f.instr = std::ptr::null();
                f.is_entry = false;
                f
            }
            pooled => self.new_frame(pooled, code, func, globals, builtins, owns_namespace, locals, nlocalsplus, size),
        }
    }

    /// A frame for `frame_with` when the pool has none with enough slots: `pooled` (if any)
    /// gets a bigger buffer, or a frame is allocated.
    #[allow(clippy::too_many_arguments)]
    #[cold]
    #[inline(never)]
    fn new_frame(&mut self, pooled: Option<Box<Frame>>, code: ManuallyDrop<Value>, func: Option<Value>, globals: ManuallyDrop<Value>, builtins: ManuallyDrop<Value>, owns_namespace: bool, locals: Option<Value>, nlocalsplus: usize, size: usize) -> Box<Frame> {
        if let Some(mut f) = pooled {
            let old = std::mem::replace(&mut f.slots, self.take(size));
            self.give(old);
            self.frames.push(f);
            return self.frame_with(code, func, globals, builtins, owns_namespace, locals, nlocalsplus, size);
        }
        let units = units_of(&code);
        Box::new(Frame {
            units,
            code,
            func,
            globals,
            builtins,
            owns_namespace,
            locals,
            slots: self.take(size),
            stack_base: nlocalsplus,
            sp: nlocalsplus,
            ip: 0,
            instr: std::ptr::null(),
            kwnames: None,
            is_entry: false,
            init_self: None,
            caller: None,
            back: std::ptr::null(),
            generator: None,
        })
    }

    /// Release a frame that returned normally from a call the eval loop made (its stack is
    /// empty, and it owns only its function and its locals): the common case of `release`,
    /// inline in the return path.
    #[inline(always)]
    pub fn release_returned(&mut self, mut f: Box<Frame>) {
        let pooled = self.frames.len();
        if f.owns_namespace || f.locals.is_some() || f.kwnames.is_some() || f.init_self.is_some() || f.generator.is_some() || pooled == self.frames.capacity() {
            return self.release(f);
        }
        let nlocals = f.stack_base;
        for s in &mut f.slots[..nlocals] {
            Value::drop_inline(s.take());
        }
        f.sp = nlocals;
        let func = f.func.take();
        // SAFETY: `pooled < capacity` (checked above); the slot past the end is written, then
        // counted. (`Vec::push` is not inlined here, and its growth check is already done.)
        unsafe {
            std::ptr::write(self.frames.as_mut_ptr().add(pooled), f);
            self.frames.set_len(pooled + 1);
        }
        Value::drop_inline(func);
    }

    /// Release a finished frame: its references are dropped now and the frame is kept for
    /// reuse. Slots above `sp` are always empty, so only `[0, sp)` needs clearing.
    #[inline]
    pub fn release(&mut self, mut f: Box<Frame>) {
        let live = f.sp.max(f.stack_base).min(f.slots.len());
        for s in f.slots[..live].iter_mut() {
            let v = s.take();
            drop(v);
        }
        f.sp = f.stack_base;
        if f.owns_namespace {
            f.release_namespace();
        }
        // The borrowed `code`/`globals`/`builtins` may dangle once `func` is dropped: a pooled
        // frame is never read before `frame_with` overwrites them, and dropping a frame only
        // releases what it owns (`owns_namespace` is false here).
        let func = f.func.take();
        // Usually all empty in function frames: test before moving them out.
        if f.locals.is_some() || f.kwnames.is_some() || f.init_self.is_some() || f.generator.is_some() {
            let rest = (f.locals.take(), f.kwnames.take(), f.init_self.take(), f.generator.take());
            drop(rest);
        }
        if self.frames.len() < 256 {
            self.frames.push(f);
        }
        drop(func);
    }
    /// A buffer of exactly `n` empty slots.
    #[inline]
    pub fn take(&mut self, n: usize) -> Box<[Option<Value>]> {
        if let Some(pos) = self.pool.iter().rposition(|b| b.len() == n) {
            return self.pool.swap_remove(pos);
        }
        let mut v = Vec::with_capacity(n);
        v.resize_with(n, || None);
        v.into_boxed_slice()
    }
    /// Return a buffer (its contents are dropped now).
    #[inline]
    pub fn give(&mut self, mut b: Box<[Option<Value>]>) {
        for s in b.iter_mut() {
            let v = s.take();
            drop(v);
        }
        if self.pool.len() < 64 {
            self.pool.push(b);
        }
    }
}
