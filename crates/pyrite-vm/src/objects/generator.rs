//! Generators (CPython: `Objects/genobject.c`). A generator owns its suspended frame; each
//! resumption runs it in a fresh `run_frame` until the next yield or return. Coroutines
//! (`objects/coroutine.rs`) are the same payload under another type: everything here that
//! resumes, throws into or closes a suspended frame serves both, and words its errors with
//! the object's kind ("coroutine already executing").

use std::cell::{Cell, UnsafeCell};

use crate::eval::frame::Frame;
use crate::eval::{run_frame_with, Exit};
use crate::object::{alloc_object, dealloc_payload, ObjHeader, Payload, PyObj, Value};
use crate::objects::{coroutine, exceptions, function, none, str as pystr};
use crate::protocols::args::{Param, Spec};
use crate::typeobj::{flags, payload_of, GetSetDef, MethodDef, MethodKind, PyType, SlotDefs, StaticType};
use crate::vm::{PyErr, PyResult, Vm};

pub struct GeneratorData {
    frame: UnsafeCell<Option<Box<Frame>>>,
    pub name: Value,
    pub qualname: Value,
    pub code: Value,
    started: Cell<bool>,
    running: Cell<bool>,
    /// The exception the suspended body is handling (it yielded inside an `except` block):
    /// its own `sys.exc_info()`, set again while it runs (CPython's `gi_exc_state`).
    exc_state: UnsafeCell<Option<Value>>,
    /// While the body runs: the exception its resumer was handling, restored when it yields or
    /// finishes.
    resumer_exc: UnsafeCell<Option<Value>>,
}

impl Payload for GeneratorData {
    fn class() -> &'static PyType {
        &GENERATOR_TYPE
    }
}

pub static GENERATOR_TYPE: StaticType = StaticType::new(
    "generator",
    Some(&crate::objects::object::OBJECT_TYPE),
    flags::HAVE_GC | flags::HAS_FINALIZER,
    std::mem::size_of::<PyObj<GeneratorData>>(),
    dealloc_payload::<GeneratorData>,
    GEN_METHODS,
    GEN_GETSETS,
)
.with_slots(SlotDefs {
    traverse: Some(gen_traverse),
    clear: Some(gen_clear),
    repr: Some(gen_repr),
    iter: Some(gen_iter),
    iternext: Some(gen_iternext),
    ..SlotDefs::EMPTY
});

/// The generator (or, for an `async def` function, the coroutine) that runs `frame`.
pub fn new_generator(_vm: &mut Vm, frame: Box<Frame>, func: &Value) -> Value {
    let fd = function::function_data(func);
    let data = GeneratorData {
        frame: UnsafeCell::new(Some(frame)),
        name: fd.name(),
        qualname: fd.qualname(),
        code: fd.code.clone(),
        started: Cell::new(false),
        running: Cell::new(false),
        exc_state: UnsafeCell::new(None),
        resumer_exc: UnsafeCell::new(None),
    };
    if fd.code_data().code.flags & pyrite_bytecode::code::flags::COROUTINE != 0 {
        alloc_object(&coroutine::COROUTINE_TYPE, coroutine::CoroutineData(data))
    } else {
        alloc_object(&GENERATOR_TYPE, data)
    }
}

/// Is `v` exactly a generator or a coroutine (an object whose frame this file resumes)?
#[inline]
pub fn is_native(v: &Value) -> bool {
    v.downcast_exact::<GeneratorData>().is_some() || v.downcast_exact::<coroutine::CoroutineData>().is_some()
}

/// "generator" or "coroutine", for messages.
fn kind(g: &Value) -> &'static str {
    if g.downcast_exact::<coroutine::CoroutineData>().is_some() {
        "coroutine"
    } else {
        "generator"
    }
}

/// The code flags of the generator's code.
pub fn code_flags(g: &Value) -> u32 {
    gen(g).code.downcast::<function::CodeData>().map_or(0, |c| c.code.flags)
}

/// Does a dying generator need `close()` (it is suspended inside its body)?
pub fn needs_finalize(g: &Value) -> bool {
    let d = gen(g);
    // SAFETY: read of the frame cell.
    d.started.get() && unsafe { (*d.frame.get()).is_some() }
}

pub enum SendResult {
    Yielded(Value),
    Returned(Value),
}

impl GeneratorData {
    /// The body starts or resumes running in `frame` (taken out of the generator), with
    /// `sent` pushed as the value of its `yield`. Every resumption begins here, and ends in
    /// [`GeneratorData::end_run`].
    #[inline(always)]
    fn begin_run(&self, vm: &mut Vm, frame: &mut Frame, sent: Value) {
        if !none::is_none(&sent) || !skip_resume_and_pop(frame) {
            frame.push(sent);
        }
        self.started.set(true);
        self.running.set(true);
        self.enter_exc_state(vm);
    }

    /// Like `begin_run`, for `throw()`: the sent value is pushed even then, as the handler of a
    /// `yield from` loop (CLEANUP_THROW) expects it under the exception (CPython's
    /// gen_send_ex).
    fn begin_throw(&self, vm: &mut Vm, frame: &mut Frame, sent: Value) {
        frame.push(sent);
        self.started.set(true);
        self.running.set(true);
        self.enter_exc_state(vm);
    }

    /// The body yielded (`suspended`), returned or raised.
    #[inline(always)]
    fn end_run(&self, vm: &mut Vm, suspended: bool) {
        self.running.set(false);
        self.leave_exc_state(vm, suspended);
    }

    /// The body sees the exception it was handling when it yielded, or else its resumer's.
    #[inline(always)]
    fn enter_exc_state(&self, vm: &mut Vm) {
        // SAFETY (both cells): single-threaded; no borrow of them is held.
        // SAFETY: single-threaded, and no borrow of either cell is alive while they are swapped.
        unsafe {
            // The common case: no exception anywhere, nothing to switch.
            if vm.handled_exception.is_none() && (*self.exc_state.get()).is_none() {
                return;
            }
            let own = (*self.exc_state.get()).take();
            let resumer = vm.handled_exception.clone();
            if own.is_some() {
                vm.handled_exception = own;
            }
            *self.resumer_exc.get() = resumer;
        }
    }

    /// The body yields (`suspended`) or finishes: the resumer's exception is current again,
    /// and a suspended body keeps the one it is handling, if it is not the resumer's.
    #[inline(always)]
    fn leave_exc_state(&self, vm: &mut Vm, suspended: bool) {
        // SAFETY: as in `enter_exc_state`.
        unsafe {
            if vm.handled_exception.is_none() && (*self.resumer_exc.get()).is_none() {
                return;
            }
            let resumer = (*self.resumer_exc.get()).take();
            let current = std::mem::replace(&mut vm.handled_exception, resumer);
            let same = match (&current, &vm.handled_exception) {
                (Some(a), Some(b)) => a.is(b),
                (None, None) => true,
                _ => false,
            };
            *self.exc_state.get() = if suspended && !same { current } else { None };
        }
    }
}

/// The payload of a generator or a coroutine.
pub(crate) fn gen(v: &Value) -> &GeneratorData {
    match v.downcast::<GeneratorData>() {
        Some(d) => d,
        None => &v.downcast::<coroutine::CoroutineData>().expect("generator or coroutine").0,
    }
}

/// Resume `g` with `value` sent in, or with `throw` raised at the suspension point.
fn resume(vm: &mut Vm, g: &Value, value: Value, throw: Option<PyErr>) -> PyResult<SendResult> {
    let d = gen(g);
    if d.running.get() {
        return Err(vm.value_error(format!("{} already executing", kind(g))));
    }
    // SAFETY: single-threaded; the frame is taken out while it runs.
    let frame = unsafe { (*d.frame.get()).take() };
    let Some(mut frame) = frame else {
        // An exhausted coroutine cannot be resumed (`close()` never gets here).
        if kind(g) == "coroutine" {
            return Err(vm.runtime_error("cannot reuse already awaited coroutine"));
        }
        return match throw {
            Some(e) => Err(e),
            None => Err(vm.stop_iteration(None)),
        };
    };
    if !d.started.get() && throw.is_none() && !none::is_none(&value) {
        // SAFETY: the generator is not running, so nothing borrows its frame cell.
        unsafe { *d.frame.get() = Some(frame) };
        return Err(vm.type_error(format!("can't send non-None value to a just-started {}", kind(g))));
    }
    if throw.is_some() {
        d.begin_throw(vm, &mut frame, value);
    } else {
        d.begin_run(vm, &mut frame, value);
    }
    let mut slot = Some(frame);
    let r = run_frame_with(vm, &mut slot, throw);
    d.end_run(vm, matches!(r, Ok(Exit::Yield(_))));
    match r {
        Ok(Exit::Yield(v)) => {
            // SAFETY: the cell is empty while its frame runs.
            unsafe { *d.frame.get() = slot };
            Ok(SendResult::Yielded(v))
        }
        // A finished generator's frame goes back to the pool, whole.
        Ok(Exit::Return(v)) => {
            if let Some(frame) = slot {
                vm.frames.release(frame);
            }
            Ok(SendResult::Returned(v))
        }
        Err(e) => {
            if let Some(frame) = slot {
                vm.frames.release(frame);
            }
            Err(escaping_error_of(vm, e, kind(g)))
        }
    }
}

/// Resuming with None where the body goes on with RESUME and POP_TOP (after a YIELD_VALUE:
/// `RESUME 1; POP_TOP`; at the start: `POP_TOP; RESUME 0`): skip both instead of pushing the
/// None only to pop it, two dispatches fewer per item (RESUME does nothing here, the eval
/// breaker being checked at calls and backward jumps). True if skipped.
#[inline]
fn skip_resume_and_pop(frame: &mut Frame) -> bool {
    use pyrite_bytecode::opcode::op8 as op;
    // SAFETY: the frame's code is a code object; `ip` is within its instructions, and the
    // compiler ends every code object with a return, so `ip + 1` is too when `ip` is not last.
    let units = unsafe { &*frame.code_data().instructions.get() };
    let (Some(&a), Some(&b)) = (units.get(frame.ip), units.get(frame.ip + 1)) else { return false };
    let pair = (a as u8, b as u8);
    if pair == (op::RESUME, op::POP_TOP) || pair == (op::POP_TOP, op::RESUME) {
        frame.ip += 2;
        true
    } else {
        false
    }
}

/// The error a generator's body raised, as its caller sees it: a StopIteration becomes a
/// RuntimeError (PEP 479).
pub fn escaping_error(vm: &mut Vm, e: PyErr) -> PyErr {
    escaping_error_of(vm, e, "generator")
}

fn escaping_error_of(vm: &mut Vm, e: PyErr, kind: &str) -> PyErr {
    if !e.matches(exceptions::stop_iteration()) {
        return e;
    }
    let r = vm.runtime_error(format!("{kind} raised StopIteration"));
    exceptions::exc_data(&r.exc).set_cause(Some(e.exc.clone()));
    exceptions::exc_data(&r.exc).set_context(Some(e.exc));
    exceptions::exc_data(&r.exc).suppress_context.set(true);
    r
}

/// What FOR_ITER_GEN does with the generator `g` (CPython 3.12 pushes the generator's frame
/// on the loop's own frame stack instead of resuming it in a nested loop).
pub enum LoopStep {
    /// Run this frame (the generator's, with None sent in) on the caller's chain; the
    /// generator is marked running until YIELD_VALUE hands the frame back (`suspend_in_loop`)
    /// or it finishes (`finish_in_loop`).
    Enter(Box<Frame>),
    /// The generator is exhausted: the loop ends.
    Exhausted,
    /// Anything unusual (already running): resume it the general way (`next_for_loop`).
    Resume,
}

/// FOR_ITER_GEN's step for `g`, an exact generator.
#[inline]
pub fn loop_step(vm: &mut Vm, g: &Value) -> LoopStep {
    // SAFETY: the caller checked the type.
    let d = unsafe { g.payload_unchecked::<GeneratorData>() };
    if d.running.get() {
        return LoopStep::Resume;
    }
    // SAFETY: single-threaded; the frame is taken out while it runs.
    let Some(mut frame) = (unsafe { (*d.frame.get()).take() }) else { return LoopStep::Exhausted };
    d.begin_run(vm, &mut frame, none::none());
    frame.is_entry = false;
    frame.generator = Some(g.clone());
    LoopStep::Enter(frame)
}

/// YIELD_VALUE in a frame FOR_ITER_GEN runs: the generator (taken from the frame) keeps its
/// suspended frame again.
#[inline]
pub fn suspend_in_loop(vm: &mut Vm, g: Value, frame: Box<Frame>) {
    // SAFETY: frames' `generator` fields hold generators.
    let d = unsafe { g.payload_unchecked::<GeneratorData>() };
    d.end_run(vm, true);
    // SAFETY: the cell is empty while its frame runs.
    unsafe { *d.frame.get() = Some(frame) };
}

/// A frame FOR_ITER_GEN ran returned or raised: its generator is finished (its frame is
/// released by the caller).
pub fn finish_in_loop(vm: &mut Vm, g: Value) {
    // SAFETY: frames' `generator` fields hold generators.
    let d = unsafe { g.payload_unchecked::<GeneratorData>() };
    d.end_run(vm, false);
}

/// SEND / `yield from`: send `v` into any iterator.
pub fn send_to(vm: &mut Vm, receiver: &Value, v: Value) -> PyResult<SendResult> {
    if is_native(receiver) {
        return resume(vm, receiver, v, None);
    }
    let r = if none::is_none(&v) {
        match crate::protocols::iter::next(vm, receiver) {
            Ok(Some(x)) => Ok(x),
            Ok(None) => return Ok(SendResult::Returned(none::none())),
            Err(e) => Err(e),
        }
    } else {
        crate::protocols::call::call_method(vm, receiver, "send", &[v])
    };
    match r {
        Ok(x) => Ok(SendResult::Yielded(x)),
        Err(e) if e.matches(exceptions::stop_iteration()) => {
            let val = crate::protocols::object::getattr_str(vm, &e.exc, "value")?;
            Ok(SendResult::Returned(val))
        }
        Err(e) => Err(e),
    }
}

pub(crate) fn gen_iternext(vm: &mut Vm, g: &Value) -> PyResult<Option<Value>> {
    match resume(vm, g, none::none(), None)? {
        SendResult::Yielded(v) => Ok(Some(v)),
        // A return value travels in StopIteration (consumers like FOR_ITER swallow it).
        SendResult::Returned(v) if none::is_none(&v) => Ok(None),
        SendResult::Returned(v) => Err(vm.new_exception_args(exceptions::stop_iteration(), vec![v])),
    }
}

/// FOR_ITER_GEN: the next value of an exact generator, or `None` once it has finished (a for
/// loop drops the return value, so no StopIteration is made for it).
pub fn next_for_loop(vm: &mut Vm, g: &Value) -> PyResult<Option<Value>> {
    // An exhausted (or closed) generator simply ends the loop.
    // SAFETY: read of the frame cell; nothing holds a borrow of it.
    let d = gen(g);
    // SAFETY: a read of the frame cell; nothing holds a `&mut` to it.
    if !d.running.get() && unsafe { (*d.frame.get()).is_none() } {
        return Ok(None);
    }
    match resume(vm, g, none::none(), None)? {
        SendResult::Yielded(v) => Ok(Some(v)),
        SendResult::Returned(_) => Ok(None),
    }
}

fn gen_iter(_vm: &mut Vm, g: &Value) -> PyResult<Value> {
    Ok(g.clone())
}

pub(crate) fn returned_to_stop(vm: &mut Vm, r: PyResult<SendResult>) -> PyResult<Value> {
    match r? {
        SendResult::Yielded(v) => Ok(v),
        SendResult::Returned(v) => {
            let args = if none::is_none(&v) { vec![] } else { vec![v] };
            Err(vm.new_exception_args(exceptions::stop_iteration(), args))
        }
    }
}

/// `send(value)` (METH_O; `spec` names the method for the messages).
pub(crate) fn send_method(vm: &mut Vm, spec: &Spec, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    let [v] = spec.parse(vm, &args[1..], kw)?;
    let r = resume(vm, &args[0], v.expect("bound").clone(), None);
    returned_to_stop(vm, r)
}

fn gen_send(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    send_method(vm, &Spec::one("generator.send"), args, kw)
}

fn gen_throw(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    const THROW: Spec = Spec::positional("generator.throw", THROW_PARAMS);
    throw_method(vm, &THROW, args, kw)
}

/// The parameters of `throw(typ[, val[, tb]])`.
pub(crate) const THROW_PARAMS: &[Param] = &[Param::pos("typ"), Param::pos_opt("val"), Param::pos_opt("tb")];

/// `throw(typ[, val[, tb]])` (`spec` names the method for the messages).
pub(crate) fn throw_method(vm: &mut Vm, spec: &Spec, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    let g = &args[0];
    let [t, _, _] = spec.parse(vm, &args[1..], kw)?;
    let t = t.expect("required");
    let exc = if exceptions::is_exception_class(t) {
        let rest: Vec<Value> = args.get(2).filter(|v| !none::is_none(v)).cloned().into_iter().collect();
        crate::protocols::call::call(vm, t, &rest, None)?
    } else if exceptions::is_exception_instance(t) {
        t.clone()
    } else {
        return Err(vm.type_error("exceptions must be classes or instances deriving from BaseException, not ".to_owned() + t.ty().name()));
    };
    let d = gen(g);
    // SAFETY: read of the frame cell.
    if !d.started.get() && unsafe { (*d.frame.get()).is_some() } {
        // Throwing into a just-started generator finishes it.
        // SAFETY: the generator is not running (not started), so nothing borrows its frame cell.
        let f = unsafe { (*d.frame.get()).take() };
        if let Some(f) = f {
            vm.frames.release(f);
        }
        return Err(PyErr::from_value(exc));
    }
    let r = throw_into(vm, g, PyErr::from_value(exc));
    returned_to_stop(vm, r)
}

/// The sub-iterator a generator suspended in `yield from` delegates to: the top of its stack
/// when the next instruction is `RESUME 2` (CPython's `_PyGen_yf`).
pub(crate) fn yield_from_target(g: &Value) -> Option<Value> {
    let d = gen(g);
    // SAFETY: single-threaded read of the suspended frame.
    let f = unsafe { (*d.frame.get()).as_ref()? };
    if !d.started.get() || f.sp <= f.stack_base {
        return None;
    }
    let code = &f.code_data().code;
    if f.ip >= code.code.len() {
        return None;
    }
    let (op, arg, _) = code.decode(f.ip);
    if op == pyrite_bytecode::Opcode::RESUME && arg >= 2 {
        Some(f.peek(1).clone())
    } else {
        None
    }
}

/// `throw()` with delegation to a `yield from` sub-iterator (CPython's `_gen_throw`).
fn throw_into(vm: &mut Vm, g: &Value, err: PyErr) -> PyResult<SendResult> {
    if gen(g).running.get() {
        return Err(vm.value_error(format!("{} already executing", kind(g))));
    }
    if let Some(yf) = yield_from_target(g) {
        let is_exit = err.matches(exceptions::generator_exit());
        let delegated: Option<PyResult<SendResult>> = if is_native(&yf) {
            gen(g).running.set(true);
            let r = if is_exit { close(vm, &yf).map(|_| None) } else { throw_into(vm, &yf, PyErr::from_value(err.exc.clone())).map(Some) };
            gen(g).running.set(false);
            match r {
                Ok(Some(SendResult::Yielded(v))) => Some(Ok(SendResult::Yielded(v))),
                Ok(Some(SendResult::Returned(v))) => Some(Err(vm.new_exception_args(exceptions::stop_iteration(), if none::is_none(&v) { vec![] } else { vec![v] }))),
                Ok(None) => None,
                Err(e) => Some(Err(e)),
            }
        } else if is_exit {
            match crate::protocols::object::getattr_opt(vm, &yf, "close")? {
                Some(c) => match crate::protocols::call::call(vm, &c, &[], None) {
                    Ok(_) => None,
                    Err(e) => Some(Err(e)),
                },
                None => None,
            }
        } else {
            match crate::protocols::object::getattr_opt(vm, &yf, "throw")? {
                Some(t) => Some(crate::protocols::call::call(vm, &t, &[err.exc.clone()], None).map(SendResult::Yielded)),
                None => None,
            }
        };
        match delegated {
            Some(Ok(SendResult::Yielded(v))) => return Ok(SendResult::Yielded(v)),
            Some(Ok(SendResult::Returned(v))) => return Ok(SendResult::Returned(v)),
            // The sub-iterator finished or failed: raise that inside this generator.
            Some(Err(e)) => return resume(vm, g, none::none(), Some(e)),
            None => {}
        }
    }
    resume(vm, g, none::none(), Some(err))
}

/// `close()`: raise GeneratorExit inside; the generator must not yield again.
pub fn close(vm: &mut Vm, g: &Value) -> PyResult<()> {
    let d = gen(g);
    // SAFETY: a read of the frame cell; nothing holds a `&mut` to it.
    let suspended = d.started.get() && unsafe { (*d.frame.get()).is_some() };
    if !suspended {
        // SAFETY: a generator that is not suspended is not running here either, so nothing borrows
        // the frame cell.
        let f = unsafe { (*d.frame.get()).take() };
        if let Some(f) = f {
            vm.frames.release(f);
        }
        return Ok(());
    }
    let exc = exceptions::new_exception(exceptions::generator_exit(), vec![]);
    match throw_into(vm, g, PyErr::from_value(exc)) {
        Ok(SendResult::Yielded(_)) => Err(vm.runtime_error(format!("{} ignored GeneratorExit", kind(g)))),
        Ok(SendResult::Returned(_)) => Ok(()),
        Err(e) if e.matches(exceptions::generator_exit()) || e.matches(exceptions::stop_iteration()) => Ok(()),
        Err(e) => Err(e),
    }
}

/// `close()` (METH_NOARGS; `spec` names the method for the messages).
pub(crate) fn close_method(vm: &mut Vm, spec: &Spec, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    spec.check(vm, &args[1..], kw)?;
    close(vm, &args[0])?;
    Ok(none::none())
}

fn gen_close(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    close_method(vm, &Spec::noargs("generator.close"), args, kw)
}

static GEN_METHODS: &[MethodDef] = &[
    MethodDef { name: "send", func: gen_send, kind: MethodKind::Instance, doc: "" },
    MethodDef { name: "throw", func: gen_throw, kind: MethodKind::Instance, doc: "" },
    MethodDef { name: "close", func: gen_close, kind: MethodKind::Instance, doc: "" },
];

pub(crate) fn gen_name(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(gen(v).name.clone())
}
pub(crate) fn gen_qualname(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(gen(v).qualname.clone())
}
pub(crate) fn gen_code(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(gen(v).code.clone())
}
pub(crate) fn gen_running(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(none::bool_value(gen(v).running.get()))
}
pub(crate) fn gen_suspended(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let d = gen(v);
    // SAFETY: read of the frame cell.
    let has_frame = unsafe { (*d.frame.get()).is_some() };
    Ok(none::bool_value(d.started.get() && has_frame && !d.running.get()))
}

pub(crate) fn gen_frame(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let d = gen(v);
    // SAFETY: a shared read of the frame cell, used before anything can resume (and so replace) it.
    match unsafe { &*d.frame.get() } {
        Some(f) => Ok(crate::objects::frameobj::new_frame_object((*f.code).clone(), (*f.globals).clone(), None, f.lineno(), None)),
        None => Ok(none::none()),
    }
}

static GEN_GETSETS: &[GetSetDef] = &[
    GetSetDef { name: "__name__", get: gen_name, set: None },
    GetSetDef { name: "__qualname__", get: gen_qualname, set: None },
    GetSetDef { name: "gi_code", get: gen_code, set: None },
    GetSetDef { name: "gi_running", get: gen_running, set: None },
    GetSetDef { name: "gi_frame", get: gen_frame, set: None },
    GetSetDef { name: "gi_suspended", get: gen_suspended, set: None },
    GetSetDef { name: "gi_yieldfrom", get: gen_yieldfrom, set: None },
];

/// `gi_yieldfrom` / `cr_await`: the object a suspended `yield from` / `await` delegates to.
pub(crate) fn gen_yieldfrom(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(yield_from_target(v).unwrap_or_else(none::none))
}

fn gen_repr(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(pystr::from_string(format!("<generator object {} at {:#x}>", pystr::as_str(&gen(v).qualname), v.bits())))
}

pub(crate) fn gen_traverse(h: &ObjHeader, visit: &mut dyn FnMut(&Value)) {
    // SAFETY: generators only.
    let d = unsafe { payload_of::<GeneratorData>(h) };
    visit(&d.name);
    visit(&d.qualname);
    visit(&d.code);
    // SAFETY: reads of the cells; the collector runs no Python code meanwhile.
    for v in unsafe { [&*d.exc_state.get(), &*d.resumer_exc.get()] }.into_iter().flatten() {
        visit(v);
    }
    // SAFETY: the collector's visit runs no Python code, so the frame cell is not replaced while
    // borrowed.
    if let Some(f) = unsafe { &*d.frame.get() } {
        visit(&f.code);
        visit(&f.globals);
        visit(&f.builtins);
        if let Some(func) = &f.func {
            visit(func);
        }
        if let Some(l) = &f.locals {
            visit(l);
        }
        for v in f.slots[..f.sp].iter().flatten() {
            visit(v);
        }
    }
}

pub(crate) fn gen_clear(h: &ObjHeader) {
    // SAFETY: generators only; called by the collector.
    let d = unsafe { payload_of::<GeneratorData>(h) };
    // SAFETY: the collector clears only objects that are not running, so nothing borrows the frame
    // cell.
    let f = unsafe { (*d.frame.get()).take() };
    // SAFETY: as for the frame cell.
    let exc = unsafe { ((*d.exc_state.get()).take(), (*d.resumer_exc.get()).take()) };
    drop((f, exc));
}
