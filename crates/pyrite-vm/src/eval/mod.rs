//! The evaluation loop (CPython: `Python/ceval.c`, `Python/bytecodes.c`).
//!
//! One Rust loop runs a stack of Python frames: a call from Python to a Python function pushes
//! a frame and continues in the same loop, a return pops it; only native code calling back
//! into Python re-enters [`run_frame`]. Exceptions unwind through the zero-cost exception
//! table of each frame.

pub mod frame;
pub mod call;
pub(crate) mod specialize;
mod ops;
mod unwind;

pub use call::{call_function, make_frame};
pub use call as call_mod;
pub use unwind::add_traceback;
pub use crate::traceback::format_exception;

use pyrite_bytecode::code::flags as co_flags;
use pyrite_bytecode::adaptive;
use pyrite_bytecode::opcode::{binop, cache_size, op8 as op, Opcode};

use crate::object::Value;
use crate::objects::{dict, function, none, str as pystr, tuple, int, exceptions, list};
use crate::protocols::{number, object as ob, iter};
use crate::typeobj::CompareOp;
use crate::vm::{PyErr, PyResult, Vm};
use frame::Frame;

/// The code units of `COPY 2` and `SWAP 2` (argument in the high byte), which the eval loop
/// looks for after a COPY 2 or SWAP 3.
const COPY_2: u16 = op::COPY as u16 | 2 << 8;
const SWAP_2: u16 = op::SWAP as u16 | 2 << 8;

/// How the entry frame of a `run_frame` call finished.
pub enum Exit {
    Return(Value),
    Yield(Value),
}

/// Run the frame in `slot` (and every Python frame it calls) until it returns or yields.
/// The frame is back in `slot` afterwards, so that generators can keep it. (The frame does not
/// travel in the return value: a result of two words comes back in registers.)
pub fn run_frame(vm: &mut Vm, slot: &mut Option<Box<Frame>>) -> PyResult<Exit> {
    run_frame_with(vm, slot, None)
}

const _: () = assert!(std::mem::size_of::<PyResult<Exit>>() == 16);

/// Like [`run_frame`], but start by raising `pending` at the frame's current instruction
/// (generator `throw()`).
///
/// # Panics
/// If `slot` is empty (a caller bug).
pub fn run_frame_with(vm: &mut Vm, slot: &mut Option<Box<Frame>>, mut pending: Option<PyErr>) -> PyResult<Exit> {
    let mut entry = slot.take().expect("a frame to run");
    entry.is_entry = true;
    if vm.recursion_depth >= vm.recursion_limit {
        let e = vm.recursion_error("maximum recursion depth exceeded");
        *slot = Some(entry);
        return Err(e);
    }
    vm.recursion_depth += 1;
    let saved_top = vm.top_frame;
    entry.back = saved_top;
    let mut chain = Chain { current: entry };
    vm.top_frame = &*chain.current;
    let result = loop {
        let step = match pending.take() {
            Some(e) => Err(e),
            None => execute(vm, &mut chain),
        };
        match step {
            Ok(exit) => break Ok(exit),
            Err(err) => {
                // Unwind: find a handler in this frame or pop to the caller.
                let mut err = err;
                loop {
                    unwind::record_traceback(vm, &chain.current, &mut err);
                    if let Some(()) = unwind::find_handler(&mut chain.current, &err) {
                        break;
                    }
                    if chain.current.is_entry {
                        vm.recursion_depth -= 1;
                        vm.top_frame = saved_top;
                        *slot = Some(chain.current);
                        return Err(err);
                    }
                    // SAFETY: not the entry frame (tested above).
                    let mut done = unsafe { chain.leave_to_caller(vm) };
                    if let Some(g) = done.generator.take() {
                        // A generator frame run by FOR_ITER_GEN raised: the generator is
                        // finished, and the loop's frame sees the error as its caller would.
                        crate::objects::generator::finish_in_loop(vm, g);
                        err = crate::objects::generator::escaping_error(vm, err);
                    }
                    release_frame(vm, done);
                    vm.recursion_depth -= 1;
                }
                // Handler installed: push the exception and continue.
                chain.current.push(err.exc);
                continue;
            }
        }
    };
    vm.recursion_depth -= 1;
    vm.top_frame = saved_top;
    *slot = Some(chain.current);
    result
}

/// The frames one [`run_frame`] executes: the current one, which owns (through its `caller`
/// links) its Python callers, whose calls pushed frames instead of recursing in Rust.
struct Chain {
    current: Box<Frame>,
}

impl Chain {
    /// Leave the current frame for its caller, which becomes current again (on the thread's
    /// stack of executing frames too); the frame left is returned. The one step shared by
    /// returns, yields of generator frames run by FOR_ITER_GEN, and unwinding.
    ///
    /// # Safety
    /// The current frame is not an entry frame, so it has its caller.
    #[inline(always)]
    unsafe fn leave_to_caller(&mut self, vm: &mut Vm) -> Box<Frame> {
        // SAFETY: by the caller's contract (`# Safety` above) the current frame is not an entry
        // frame, so its caller link is set and the caller frame is alive (it is suspended below
        // this one).
        unsafe {
            debug_assert!(!self.current.is_entry && self.current.caller.is_some());
            let caller = self.current.caller.take().unwrap_unchecked();
            let done = std::mem::replace(&mut self.current, caller);
            vm.top_frame = &*self.current;
            done
        }
    }
}

/// Return a finished frame's buffer to the pool.
#[inline]
fn release_frame(vm: &mut Vm, frame: Box<Frame>) {
    vm.frames.release(frame);
}


/// Defines the eval loop's frame-access macros over the local variables the caller names (its
/// current frame `$f`, the frame chain `$chain` that owns it, and the instruction and stack
/// pointers `$ip` and `$sp`), so that the dispatch loop and its out-of-line half share one
/// definition. `$d` is a `$` token, for the inner macros' own parameters.
macro_rules! frame_access_macros {
    ($d:tt $f:ident $chain:ident $ip:ident $sp:ident) => {
        // Only the frame and the two pointers are carried: the code object, the instruction
        // array and the slot buffer are re-derived from the frame where they are needed, which
        // keeps the loop's carried state small enough for LLVM to hold in registers.
        macro_rules! code {
            () => {
                // SAFETY: a frame's code is a code object (`code_data` returns its payload), which
                // the frame keeps alive while it executes.
                unsafe { &*($f.code_data() as *const function::CodeData) }
            };
        }
        macro_rules! instrs {
            () => {
                $f.units
            };
        }
        macro_rules! slots {
            () => {
                $f.slots.as_mut_ptr()
            };
        }
        /// Write the pointers back to the frame, before anything can observe it.
        macro_rules! sync {
            () => {{
                // SAFETY: the instruction pointer is in the frame's instruction array and the
                // stack pointer in its slots.
                $f.ip = unsafe { $ip.offset_from(instrs!()) } as usize;
                // SAFETY: `$sp` points into the frame's slot buffer (between its stack base and
                // `co_stacksize` above it).
                $f.sp = unsafe { $sp.offset_from(slots!()) } as usize;
            }};
        }
        /// Read the stack pointer again after a callee that had the frame may have moved it.
        macro_rules! resync {
            () => {{
                // SAFETY: `$f.sp` was written by `sync!` (or the frame's creation) as an offset
                // within the slot buffer.
                $sp = unsafe { slots!().add($f.sp) };
            }};
        }
        /// Take up the current frame again (it may be another one after a call or return).
        macro_rules! reload {
            () => {{
                $f = &mut $chain.current;
                // SAFETY: `$f.ip` was written by `sync!` (or the frame's creation) as an offset
                // within the instruction array.
                $ip = unsafe { instrs!().add($f.ip) };
                resync!();
            }};
        }
        macro_rules! slot {
            ($d i:expr) => {
                // SAFETY: local indices in compiler-produced bytecode are below `co_nlocalsplus`,
                // within the slot buffer; the borrow ends with the statement that uses it.
                unsafe { &mut *slots!().add($d i) }
            };
        }
        /// Store `v` (an `Option<Value>`: None unbinds) into local slot `i`, dropping what it
        /// held: STORE_FAST's body, shared by its superinstructions and predicted stores.
        macro_rules! set_local {
            ($d i:expr, $d v:expr) => {{
                let old = std::mem::replace(slot!($d i), $d v);
                Value::drop_inline(old);
            }};
        }
        macro_rules! push {
            ($d v:expr) => {{
                let v: Value = $d v;
                // SAFETY: stack slots above the stack pointer are empty, and the compiler's
                // stack-depth computation bounds it by co_stacksize.
                unsafe { std::ptr::write($sp, Some(v)) };
                // SAFETY: the stack pointer stays within the slot buffer, between the stack base
                // and `co_stacksize` slots above it, which the compiler's stack-depth computation
                // guarantees for every instruction's stack effect.
                $sp = unsafe { $sp.add(1) };
            }};
        }
        macro_rules! push_opt {
            ($d v:expr) => {{
                let v: Option<Value> = $d v;
                // SAFETY: as in `push!`.
                unsafe { std::ptr::write($sp, v) };
                // SAFETY: the stack pointer stays within the slot buffer, between the stack base
                // and `co_stacksize` slots above it, which the compiler's stack-depth computation
                // guarantees for every instruction's stack effect.
                $sp = unsafe { $sp.add(1) };
            }};
        }
        macro_rules! pop_opt {
            () => {{
                // SAFETY: the stack pointer stays within the slot buffer, between the stack base
                // and `co_stacksize` slots above it, which the compiler's stack-depth computation
                // guarantees for every instruction's stack effect.
                $sp = unsafe { $sp.sub(1) };
                // SAFETY: the stack pointer now points at a live stack slot; it is left empty.
                unsafe { (*$sp).take() }
            }};
        }
        macro_rules! pop {
            () => {{
                // SAFETY: compiler-produced bytecode pops only non-NULL values here.
                unsafe { pop_opt!().unwrap_unchecked() }
            }};
        }
        macro_rules! peek_opt {
            ($d n:expr) => {
                // SAFETY: `n` is within this instruction's stack effect (as the compiler's
                // stack-depth computation checked), so the slot is a live stack slot.
                unsafe { &*$sp.sub($d n) }
            };
        }
        macro_rules! peek {
            ($d n:expr) => {
                // SAFETY: `n` is within this instruction's stack effect (as the compiler's
                // stack-depth computation checked), so the slot is live, and the instructions that
                // use `peek!` (not `peek_opt!`) never find NULL there.
                unsafe { (*$sp.sub($d n)).as_ref().unwrap_unchecked() }
            };
        }
        macro_rules! drop_n {
            ($d n:expr) => {{
                for _ in 0..$d n {
                    let v = pop_opt!();
                    drop(v);
                }
            }};
        }
        macro_rules! top_slice {
            ($d n:expr) => {{
                let n = $d n;
                // SAFETY: `Option<Value>` has `Value`'s layout (niche) and these slots are all Some.
                unsafe { std::slice::from_raw_parts($sp.sub(n) as *const Value, n) }
            }};
        }
        /// Pop the top `n` values in push order.
        #[allow(unused_macros)]
        macro_rules! collect_top {
            ($d n:expr) => {{
                let n = $d n;
                let mut items = Vec::with_capacity(n);
                // SAFETY: the top `n` slots are live stack slots (the instruction's stack effect).
                let start = unsafe { $sp.sub(n) };
                for i in 0..n {
                    // SAFETY: live stack slots, left empty.
                    items.push(unsafe { (*start.add(i)).take().unwrap_unchecked() });
                }
                $sp = start;
                items
            }};
        }
    };
}

/// Defines the macros of one instruction's execution, shared by both halves of the loop: `tri!`
/// (leave `$label` with an error), `enter_frame!` (continue in a new frame, then run
/// `$after_enter`), `skip_cache!` and `adaptive!` (the generic forms' warm-up), over the caller's
/// locals. Expanded inside the labelled loop so that the label resolves.
macro_rules! instruction_macros {
    ($d:tt $label:lifetime $vm:ident $chain:ident $f:ident $ip:ident $sp:ident $cache_at:ident $oparg:ident { $($after_enter:tt)* }) => {
        macro_rules! tri {
            ($d e:expr) => {
                match $d e {
                    Ok(v) => v,
                    Err(e) => break $label Err(cold_error(e)),
                }
            };
        }
        /// Make `new` (a frame for a Python call whose arguments were taken off the stack) the
        /// current frame and continue in it: a Python-to-Python call without Rust recursion.
        macro_rules! enter_frame {
            ($d new:expr) => {{
                let mut new: Box<Frame> = $d new;
                if $vm.recursion_depth >= $vm.recursion_limit {
                    release_frame($vm, new);
                    break $label Err(cold_error($vm.recursion_error("maximum recursion depth exceeded")));
                }
                $vm.recursion_depth += 1;
                sync!();
                new.back = &*$chain.current;
                let caller = std::mem::replace(&mut $chain.current, new);
                // SAFETY: a new frame's `caller` is empty (nothing to drop).
                unsafe { std::ptr::write(&mut $chain.current.caller, Some(caller)) };
                $vm.top_frame = &*$chain.current;
                reload!();
                $($after_enter)*
            }};
        }
        /// The CALL_PY_* forms once their guards hold (`frame_for_simple_call`'s shape): move
        /// the arguments into the callee's frame and continue in it, or, for a generator
        /// function, make the generator (its frame runs later).
        #[allow(unused_macros)]
        macro_rules! push_simple_call {
            ($d nargs:expr, $d is_meth:expr, $d total:expr, $d is_generator:expr) => {{
                let (nargs, is_meth, total): (usize, bool, usize) = ($d nargs, $d is_meth, $d total);
                skip_cache!(CALL);
                tri!($vm.check_eval_breaker());
                // SAFETY: a call's stack holds callable, self-or-NULL and `nargs` arguments, so
                // `nargs + 2` slots are live.
                let base = unsafe { $sp.sub(nargs + 2) };
                // SAFETY: slot `base + 1 - is_meth` holds the callable (the guards just checked
                // it), which is taken out.
                let func = unsafe { (*base.add(!is_meth as usize)).take().unwrap_unchecked() };
                // SAFETY: the caller's guards established the shape; the `total` arguments are
                // the live slots under the stack pointer.
                let new = unsafe { call::frame_for_simple_call($vm, func, $sp.sub(total), total) };
                $sp = base;
                if $d is_generator {
                    // SAFETY: a frame made for a Python function call keeps the function in `func`.
                    let func = unsafe { new.func.clone().unwrap_unchecked() };
                    push!(crate::objects::generator::new_generator($vm, new, &func));
                } else {
                    enter_frame!(new);
                }
            }};
        }
        macro_rules! skip_cache {
            ($d name:ident) => {
                // SAFETY: skipping an instruction's own inline cache lands on the instruction after
                // it, which exists: the assembler never ends a code object with an instruction that
                // falls through.
                $ip = unsafe { $cache_at.add(cache_size::$d name) }
            };
        }
        /// Guard of the attribute forms: the owner's type still has the version tag cached in
        /// units 1..3 (a heap object: tagged ints never match). Evaluates to the owner.
        #[allow(unused_macros)]
        macro_rules! guard_type_version {
            ($d family:ident) => {
                guard_type_version!(deopt!($d family))
            };
            ($d on_miss:expr) => {{
                let owner = peek!(1);
                match owner.header() {
                    // SAFETY: `cache_at` is this specialised instruction's first cache unit; its
                    // layout (specialize.rs) has the units read here.
                    Some(h) if h.ty().version_tag.get() == unsafe { specialize::read_u32($cache_at.add(1)) } => owner,
                    _ => $d on_miss,
                }
            }};
        }
        /// Attribute forms' result: replace the owner on the stack by `v` (after a NULL for
        /// the method form when `with_null`).
        #[allow(unused_macros)]
        macro_rules! replace_owner {
            ($d v:expr, $d with_null:expr) => {{
                let v: Value = $d v;
                let owner = pop!();
                drop(owner);
                if $d with_null {
                    push_opt!(None);
                }
                push!(v);
            }};
        }
        /// The generic instruction's warm-up: count down, and when the count runs out let the
        /// specialiser rewrite this instruction (it takes effect from the next execution).
        #[allow(unused_macros)]
        macro_rules! adaptive {
            (|$d instr:ident, $d counter:ident| $d specialize:expr) => {{
                // SAFETY: instructions with caches have their counter at `cache_at`.
                let $d counter: *mut u16 = $cache_at;
                // SAFETY: `counter` is this instruction's first cache unit (only instructions with
                // caches are adaptive).
                let c = unsafe { *$d counter };
                if adaptive::is_zero(c) {
                    // SAFETY: `$cache_at` is just past this instruction's opcode unit.
                    let $d instr: *mut u16 = unsafe { $cache_at.sub(1) };
                    $d specialize;
                } else {
                    // SAFETY: as above: the counter unit of this instruction.
                    unsafe { *$d counter = adaptive::decrement(c) };
                }
            }};
        }
        /// The instructions that both halves run: the simple ones the hot half runs inline,
        /// which the cold half runs when they come with a wide (EXTENDED_ARG) argument.
        #[allow(unused_macros)]
        macro_rules! simple {
            (LOAD_FAST) => {{
                match &*slot!($oparg as usize) {
                    Some(v) => {
                        let v = v.clone();
                        push!(v);
                    }
                    None => break $label Err(cold_error(unbound_local($vm, $f, $oparg))),
                }
            }};
            (LOAD_FAST_CHECK) => { simple!(LOAD_FAST) };
            (LOAD_FAST_AND_CLEAR) => {{
                let v = (*slot!($oparg as usize)).take();
                push_opt!(v);
            }};
            (STORE_FAST) => {{
                let v = pop_opt!();
                set_local!($oparg as usize, v);
            }};
            (LOAD_CONST) => {{
                // SAFETY: the compiler emits only constant indices within `co_consts`.
                let v = unsafe { code!().consts.get_unchecked($oparg as usize) }.clone();
                push!(v);
            }};
            (COPY) => {{
                let v = peek_opt!($oparg as usize).clone();
                push_opt!(v);
            }};
            (SWAP) => {{
                // SAFETY: SWAP's argument is at least 2 and at most the stack depth, so both slots
                // are live stack slots.
                unsafe { std::ptr::swap($sp.sub(1), $sp.sub($oparg as usize)) };
            }};
            (IS_OP) => {{
                let rhs = pop!();
                let lhs = pop!();
                push!(none::bool_value(lhs.is(&rhs) != ($oparg == 1)));
            }};
            (JUMP_FORWARD) => {{
                // SAFETY: a forward jump's target, computed by the assembler, is an instruction of
                // this code object.
                $ip = unsafe { $ip.add($oparg as usize) };
            }};
            (JUMP_BACKWARD) => {{
                // SAFETY: a backward jump's target, computed by the assembler, is an instruction of
                // this code object.
                $ip = unsafe { $ip.sub($oparg as usize) };
                tri!($vm.check_eval_breaker());
            }};
            (JUMP_BACKWARD_NO_INTERRUPT) => {{
                // SAFETY: a backward jump's target, computed by the assembler, is an instruction of
                // this code object.
                $ip = unsafe { $ip.sub($oparg as usize) };
            }};
            (POP_JUMP_IF_FALSE) => { simple!(pop_jump_if_bool false) };
            (POP_JUMP_IF_TRUE) => { simple!(pop_jump_if_bool true) };
            (pop_jump_if_bool $d jump_if:literal) => {{
                let v = pop!();
                let t = if v.as_ptr() == none::true_ptr() {
                    true
                } else if v.as_ptr() == none::false_ptr() {
                    false
                } else {
                    tri!(ob::is_true($vm, &v))
                };
                if t == $d jump_if {
                    // SAFETY: a forward jump's target, computed by the assembler, is an instruction
                    // of this code object.
                    $ip = unsafe { $ip.add($oparg as usize) };
                }
            }};
            (POP_JUMP_IF_NONE) => { simple!(pop_jump_if_none true) };
            (POP_JUMP_IF_NOT_NONE) => { simple!(pop_jump_if_none false) };
            (pop_jump_if_none $d jump_if:literal) => {{
                let v = pop!();
                if none::is_none(&v) == $d jump_if {
                    // SAFETY: a forward jump's target, computed by the assembler, is an instruction
                    // of this code object.
                    $ip = unsafe { $ip.add($oparg as usize) };
                }
            }};
            (LOAD_DEREF) => {{
                let cell = (*slot!($oparg as usize)).as_ref().expect("cell");
                match function::cell_data(cell).get() {
                    Some(v) => push!(v),
                    None => break $label Err(cold_error(unbound_deref($vm, $f, $oparg))),
                }
            }};
            (LIST_APPEND) => {{
                let v = pop!();
                list::list_data(peek!($oparg as usize)).expect("list").push(v);
            }};
            // A generator frame that FOR_ITER_GEN runs returned: the generator is finished and
            // the caller's loop ends (its FOR_ITER_GEN jumps past END_FOR, without the value).
            (finish_generator_in_loop $d v:ident) => {{
                drop($d v);
                sync!();
                // SAFETY: a frame FOR_ITER_GEN runs has its generator and its caller.
                let g = unsafe { $f.generator.take().unwrap_unchecked() };
                // SAFETY: a frame FOR_ITER_GEN runs has its caller (it is never an entry frame).
                let done = unsafe { $chain.leave_to_caller($vm) };
                $vm.recursion_depth -= 1;
                crate::objects::generator::finish_in_loop($vm, g);
                release_frame($vm, done);
                reload!();
                // SAFETY: the caller's current instruction is the FOR_ITER_GEN that entered the
                // generator (its argument fits in its own code unit: wide ones never enter).
                let for_iter_arg = unsafe { *$f.instr >> 8 } as usize;
                drop_n!(1);
                // SAFETY: the exhausted loop's exit (past its END_FOR) is a target the assembler
                // computed inside this code object.
                $ip = unsafe { $ip.add(for_iter_arg + 1) };
            }};
            (RETURN_VALUE) => {{
                let v = pop!();
                simple!(return_from_frame v)
            }};
            (RETURN_CONST) => {{
                // SAFETY: the compiler emits only constant indices within `co_consts`.
                let v = unsafe { code!().consts.get_unchecked($oparg as usize) }.clone();
                simple!(return_from_frame v)
            }};
            (MAKE_CELL) => {{
                let v = (*slot!($oparg as usize)).take();
                (*slot!($oparg as usize)) = Some(function::new_cell(v));
            }};
            (LOAD_CLOSURE) => {{
                let v = (*slot!($oparg as usize)).clone().expect("cell");
                push!(v);
            }};
            (STORE_DEREF) => {{
                let v = pop!();
                let cell = (*slot!($oparg as usize)).as_ref().expect("cell");
                function::cell_data(cell).set(Some(v));
            }};
            (COPY_FREE_VARS) => {{
                // Borrowed, not cloned: the frame owns its function, which owns the closure.
                let cells: *const [Value] = {
                    let fd = function::function_data($f.func.as_ref().expect("function"));
                    fd.closure.as_ref().and_then(tuple::exact_items).expect("closure tuple")
                };
                let n = code!().code.localsplusnames.len();
                let start = n - $oparg as usize;
                // SAFETY: `cells` stays alive with the frame's function; the writes go to the
                // frame's own free-variable slots, which hold nothing yet.
                for (i, c) in unsafe { &*cells }.iter().enumerate() {
                    // SAFETY: `start + i` is one of the frame's free-variable slots, below
                    // `co_nlocalsplus`, which hold nothing yet (so nothing is leaked by the write).
                    unsafe { std::ptr::write(slot!(start + i), Some(c.clone())) };
                }
            }};
            (BUILD_TUPLE) => {{
                let n = $oparg as usize;
                // SAFETY: the top `n` slots are live stack slots (BUILD_TUPLE's stack effect).
                let start = unsafe { $sp.sub(n) };
                // SAFETY: the top `n` stack slots hold the items; they are moved out.
                let t = unsafe { tuple::take_from_slots(start, n) };
                $sp = start;
                push!(t);
            }};
            (SET_ADD) => {{
                let v = pop!();
                let s = peek!($oparg as usize).clone();
                tri!(crate::objects::set::set_add($vm, &s, v));
            }};
            (MAP_ADD) => {{
                let v = pop!();
                let k = pop!();
                let d = peek!($oparg as usize).clone();
                tri!(dict::dict_data(&d).expect("dict").set($vm, k, v));
            }};
            (KW_NAMES) => {{
                $f.kwnames = Some(code!().consts[$oparg as usize].clone());
            }};
            // Pop the frame and push the value in its caller (or leave the loop from the entry
            // frame).
            (return_from_frame $d v:ident) => {{
                let mut v = $d v;
                if $f.is_entry {
                    exit!(Exit::Return(v));
                }
                if $f.generator.is_some() {
                    simple!(finish_generator_in_loop v);
                } else {
                    let init_self = $f.init_self.take();
                    // The compiler empties the stack before a return; if something is left, the
                    // frame's own `sp` must say so for `release` to drop it.
                    // SAFETY: `stack_base` is within the slot buffer.
                    let stack_is_empty = $sp == unsafe { slots!().add($f.stack_base) };
                    if !stack_is_empty {
                        sync!();
                    }
                    // SAFETY: not an entry frame (tested above).
                    let done = unsafe { $chain.leave_to_caller($vm) };
                    if stack_is_empty {
                        $vm.frames.release_returned(done);
                    } else {
                        release_frame($vm, done);
                    }
                    if let Some(obj) = init_self {
                        // The class call evaluates to the new instance; the check happens in the
                        // caller, as CPython's type_call does it.
                        if !none::is_none(&v) {
                            let e = $vm.type_error(format!("__init__() should return None, not '{}'", v.ty().name()));
                            $vm.recursion_depth -= 1;
                            reload!();
                            break $label Err(cold_error(e));
                        }
                        v = obj;
                    }
                    $vm.recursion_depth -= 1;
                    reload!();
                    push!(v);
                    tri!($vm.check_eval_breaker());
                }
            }};
        }
    };
}

/// Execute instructions of the current frame (and frames it calls, kept on the chain) until the entry frame
/// returns or yields, or an exception needs unwinding in the current frame.
///
/// This is the hot half of the loop: the specialised instructions, the simple ones and the
/// frame changes of calls and returns. Every other instruction runs out of line in
/// [`execute_slow`], which keeps this function small enough for LLVM to hold the loop state
/// (`f`, `ip`, `sp`) in registers across the dispatch.
// The stack and cache macros wrap their raw-pointer accesses in `unsafe` so that they can be
// used anywhere; inside arms that are already `unsafe` that nesting is redundant, not wrong.
#[allow(unused_unsafe)]
fn execute(vm: &mut Vm, chain: &mut Chain) -> PyResult<Exit> {
    let mut f: &mut Frame = &mut chain.current;
    // The hot state lives in locals (registers), as CPython's `next_instr`/`stack_pointer`:
    // `ip` and `sp` are written back to the frame (`sync!`) before anything can observe the
    // frame and read again (`resync!`) after a callee may have changed it.
    // SAFETY of the raw pointers: `code` is kept alive by the frame for as long as the frame
    // executes; instructions are only rewritten in place, never reallocated; the slot buffer
    // is never reallocated while the frame runs, and is re-derived from the frame after every
    // call that borrows the frame mutably.
    // `ip` is a pointer to the next code unit (CPython's `next_instr`).
    let mut ip: *mut u16;
    // `sp` points one past the top of the value stack (CPython's `stack_pointer`).
    let mut sp: *mut Option<Value>;
    frame_access_macros!($ f chain ip sp);
    // SAFETY: the frame's saved `ip` is an offset within its instruction array.
    ip = unsafe { instrs!().add(f.ip) };
    // SAFETY: the frame's saved `sp` is an offset within its slot buffer.
    sp = unsafe { slots!().add(f.sp) };
    let result: PyResult<Exit> = 'dispatch: loop {
        // The dispatch is one straight-line block (no branch before the jump table).
        let start = ip;
        f.instr = start;
        // SAFETY: `ip` stays within the instruction array for compiler-produced bytecode.
        let unit = unsafe { *start };
        // SAFETY: `start` is a unit of the instruction array (see above), so the next unit is at
        // most one past its end.
        ip = unsafe { start.add(1) };
        // An instruction with a wide argument starts with EXTENDED_ARG, which runs it; every
        // other instruction's argument is its own byte.
        let oparg = (unit >> 8) as u32;
        let code = unit as u8;
        // The instruction's inline cache units start here (its first unit is the adaptive
        // counter); instructions that have caches skip them with `skip_cache!` (a constant
        // add). The opcode unit itself is at `cache_at - 1`.
        let cache_at = ip;
        instruction_macros!($ 'dispatch vm chain f ip sp cache_at oparg { continue 'dispatch; });
        macro_rules! exit {
            ($e:expr) => {
                break 'dispatch Ok($e)
            };
        }
        /// Guard failed: put the family's generic instruction back and run it now, out of
        /// line (it counts down from the cool-down and re-specialises when the count runs
        /// out). Nothing has been popped yet, so the generic form starts from the same state.
        macro_rules! deopt {
            ($family:ident) => {{
                // SAFETY: `cache_at` is just past the opcode unit of an instruction with caches
                // (only forms with caches deopt).
                unsafe { specialize::unspecialize(cache_at, op::$family) };
                // Dispatch the same instruction again, now generic: the arm then runs the
                // generic body out of line. Jumping back rather than calling the cold half here
                // keeps a call (and the register spills around it) out of every specialised arm.
                // SAFETY: `cache_at - 1` is the opcode unit of the instruction being deoptimised.
                ip = unsafe { cache_at.sub(1) };
                continue 'dispatch;
            }};
        }
        /// An attribute form's type guard failed: serve an instance of another ordinary class
        /// through `specialize::plain_attribute` (a polymorphic site keeps its specialisation),
        /// counting such misses down in the adaptive counter; when the count runs out, or the
        /// lookup needs the full protocol, deopt (and re-specialise for the current class).
        /// The adaptive counter of a specialised instruction taking a polymorphic fallback:
        /// deopt when it has run out, else evaluate to its decremented value (stored by the
        /// caller once the fallback has succeeded).
        macro_rules! count_down_or_deopt {
            ($family:ident) => {{
                // SAFETY: `cache_at` is this instruction's first cache unit (its adaptive counter).
                let c = unsafe { *cache_at };
                if adaptive::is_zero(c) {
                    deopt!($family);
                }
                adaptive::decrement(c)
            }};
        }
        /// The fallback of the instance-attribute forms for an instance of another ordinary
        /// class. With `second_class`, LOAD_ATTR_INSTANCE_VALUE's cache units 5..7 hold a
        /// second class's version tag and key index (0: none), checked first, and refreshed
        /// whenever the fallback finds an inline value: a site that sees two classes (a
        /// method inherited by two subclasses) runs without lookups or deoptimisation.
        macro_rules! load_attr_other_class {
            () => {{ load_attr_other_class!(false) }};
            (second_class) => {{ load_attr_other_class!(true) }};
            ($second_class:expr) => {{
                if $second_class {
                    let owner = peek!(1);
                    // SAFETY: `cache_at` is this specialised instruction's first cache unit; its
                    // layout (specialize.rs) has the units read here.
                    let tag = unsafe { specialize::read_u32(cache_at.add(5)) };
                    // SAFETY: the primary guard found a heap object; a matching tag vouches
                    // that its class keeps inline values with this key index.
                    if tag != 0 && unsafe { owner.header().unwrap_unchecked() }.ty().version_tag.get() == tag {
                        // SAFETY: `cache_at` is this specialised instruction's first cache unit;
                        // its layout (specialize.rs) has the units read here.
                        let index = unsafe { *cache_at.add(7) } as usize;
                        // SAFETY: the matching tag vouches that the class keeps inline values (the
                        // primary guard found a heap object).
                        if let Some(v) = unsafe { crate::objects::inline_values::active_in_flagged_class(owner) }.and_then(|b| b.get(index)) {
                            skip_cache!(LOAD_ATTR);
                            replace_owner!(v, oparg & 1 != 0);
                            continue 'dispatch;
                        }
                    }
                }
                let c = count_down_or_deopt!(LOAD_ATTR);
                // SAFETY: the compiler emits only name indices within `co_names`.
                let name = unsafe { code!().names.get_unchecked((oparg >> 1) as usize) };
                let Some((v, is_method, inline_index)) = specialize::plain_attribute(peek!(1), name, oparg & 1 != 0) else { deopt!(LOAD_ATTR) };
                // SAFETY: `cache_at` is this instruction's first cache unit (its adaptive counter).
                unsafe { *cache_at = c };
                if $second_class {
                    if let Some(index) = inline_index.and_then(|i| u16::try_from(i).ok()) {
                        let tag = peek!(1).ty().version_tag.get();
                        // SAFETY: units 5..8 are LOAD_ATTR's cache units for the second class's tag
                        // and index.
                        unsafe {
                            *cache_at.add(5) = tag as u16;
                            *cache_at.add(6) = (tag >> 16) as u16;
                            *cache_at.add(7) = index;
                        }
                    }
                }
                skip_cache!(LOAD_ATTR);
                if is_method {
                    let owner = pop!();
                    push!(v);
                    push!(owner);
                } else {
                    replace_owner!(v, oparg & 1 != 0);
                }
                continue 'dispatch;
            }};
        }
        /// STORE_ATTR_INSTANCE_VALUE's counterpart of `load_attr_other_class!`.
        macro_rules! store_attr_other_class {
            () => {{
                let c = count_down_or_deopt!(STORE_ATTR);
                // SAFETY: the compiler emits only name indices within `co_names`.
                let name = unsafe { code!().names.get_unchecked(oparg as usize) };
                if !specialize::plain_store_attribute(peek!(1), name, peek!(2)) {
                    deopt!(STORE_ATTR);
                }
                // SAFETY: `cache_at` is this instruction's first cache unit (its adaptive counter).
                unsafe { *cache_at = c };
                skip_cache!(STORE_ATTR);
                drop_n!(2);
                continue 'dispatch;
            }};
        }
        /// Run instruction `$code` with argument `$oparg` in the cold half.
        macro_rules! run_slow {
            ($code:expr, $oparg:expr) => {{
                sync!();
                let r = execute_slow(vm, chain, $code, $oparg);
                reload!();
                match r {
                    Ok(None) => {}
                    Ok(Some(exit)) => break 'dispatch Ok(exit),
                    Err(e) => break 'dispatch Err(e),
                }
            }};
        }
        // SAFETY: `f.instr` is in the frame's instruction array and `sp` in its slot buffer.
        #[cfg(feature = "trace")]
        eprintln!("[trace] {:>4} {:<24} {:>4} sp={}", unsafe { f.instr.offset_from(instrs!()) } * 2, Opcode::dispatch(code as u8).name(), oparg, unsafe { sp.offset_from(slots!()) } as usize - f.stack_base);
        // Instructions that share one body are separate arms over the same macro, so that the
        // opcode is a constant in each and need not be kept in a register across the dispatch.
        /// Replace the two small-int operands on top of the stack by `$r`: small ints own no
        /// reference, so they are overwritten without dropping.
        macro_rules! replace_small_int_operands {
            ($r:expr) => {{
                let r: Value = $r;
                // SAFETY: `ip` is at the next instruction's unit, which exists: the assembler never
                // ends a code object with an instruction that falls through.
                let next = unsafe { *ip };
                if next as u8 == op::STORE_FAST {
                    // SAFETY: the two operands are live stack slots holding small ints, which own
                    // no reference: emptying them without a drop leaks nothing. `ip` is at the next
                    // instruction's unit (the assembler never ends a code object with a
                    // fall-through instruction).
                    unsafe {
                        sp = sp.sub(2);
                        std::ptr::write(sp, None);
                        std::ptr::write(sp.add(1), None);
                    }
                    // SAFETY: the STORE_FAST just read is consumed: `ip` moves to the instruction
                    // after it, which exists (the assembler never ends a code object with a
                    // fall-through instruction).
                    ip = unsafe { ip.add(1) };
                    set_local!((next >> 8) as usize, Some(r));
                } else {
                    // SAFETY: the two operands are live stack slots holding small ints, which own
                    // no reference: overwriting them without a drop leaks nothing.
                    unsafe {
                        sp = sp.sub(1);
                        std::ptr::write(sp, None);
                        std::ptr::write(sp.sub(1), Some(r));
                    }
                }
            }};
        }
        /// Replace the container and small-int subscript on top of the stack by `$v` (the
        /// subscript owns no reference: it is overwritten without a drop).
        macro_rules! replace_container_and_small_int {
            ($v:expr) => {{
                let v: Value = $v;
                // SAFETY: the container and subscript are live stack slots; the subscript is a
                // small int (no reference), so emptying it without a drop leaks nothing, and the
                // container is moved out and dropped.
                let container = unsafe {
                    sp = sp.sub(1);
                    std::ptr::write(sp, None);
                    std::ptr::replace(sp.sub(1), Some(v))
                };
                drop(container);
            }};
        }
        macro_rules! arm_binary_op_add_int {
            ($code:expr) => {{
                    let (Some(a), Some(b)) = (peek!(2).as_small_int(), peek!(1).as_small_int()) else { deopt!(BINARY_OP) };
                    let r = match $code {
                        op::BINARY_OP_ADD_INT => Value::int(a + b),
                        op::BINARY_OP_SUBTRACT_INT => Value::int(a - b),
                        _ => match a.checked_mul(b) {
                            Some(p) => Value::int(p),
                            None => deopt!(BINARY_OP),
                        },
                    };
                    skip_cache!(BINARY_OP);
                    replace_small_int_operands!(r);
            }};
        }
        macro_rules! arm_binary_op_add_float {
            ($code:expr) => {{
                    let (Some(a), Some(b)) = (crate::objects::float::exact_float(peek!(2)), crate::objects::float::exact_float(peek!(1))) else { deopt!(BINARY_OP) };
                    skip_cache!(BINARY_OP);
                    let r = match $code {
                        op::BINARY_OP_ADD_FLOAT => a + b,
                        op::BINARY_OP_SUBTRACT_FLOAT => a - b,
                        _ => a * b,
                    };
                    let rhs = pop!();
                    let lhs = pop!();
                    push!(crate::objects::float::result_in_operand(lhs, rhs, r));
            }};
        }
        /// When the next instruction stores into a local (STORE_FAST, or
        /// STORE_FAST__LOAD_FAST), run `$before` and then that store of `$v` here, else run
        /// `$otherwise`. For the results of the commonest instructions (loop items, arithmetic)
        /// this is CPython 3.11's FOR_ITER_RANGE store and older versions' PREDICT: the value
        /// goes straight to its local, and the store costs no dispatch. The store stays in the
        /// bytecode, so jumps to it and `dis` are unchanged.
        macro_rules! run_next_store_or {
            ($v:ident, { $($before:tt)* }, $otherwise:expr) => {{
                // SAFETY: `ip` is at the next instruction's unit, which exists: the assembler never
                // ends a code object with an instruction that falls through.
                let next = unsafe { *ip };
                match next as u8 {
                    op::STORE_FAST => {
                        $($before)*
                        // SAFETY: this steps over the unit(s) of the instruction(s) just consumed,
                        // onto the next instruction, which exists: the assembler never ends a code
                        // object with an instruction that falls through.
                        ip = unsafe { ip.add(1) };
                        set_local!((next >> 8) as usize, Some($v));
                    }
                    op::STORE_FAST__LOAD_FAST => {
                        $($before)*
                        // SAFETY: `ip` is at the next instruction's unit, which exists: the
                        // assembler never ends a code object with an instruction that falls
                        // through.
                        let second = unsafe { *ip.add(1) };
                        set_local!((next >> 8) as usize, Some($v));
                        // As the superinstruction's own arm: a load that starts a pair of
                        // its own runs on its own.
                        if second as u8 == op::LOAD_FAST {
                            // SAFETY: this steps over the unit(s) of the instruction(s) just
                            // consumed, onto the next instruction, which exists: the assembler
                            // never ends a code object with an instruction that falls through.
                            ip = unsafe { ip.add(2) };
                            // SAFETY: local indices are below `co_nlocalsplus`, and LOAD_FAST (as
                            // opposed to LOAD_FAST_CHECK) is emitted only for a local the compiler
                            // proved bound.
                            let b = unsafe { (*slot!((second >> 8) as usize)).as_ref().unwrap_unchecked() }.clone();
                            push!(b);
                        } else {
                            // SAFETY: this steps over the unit(s) of the instruction(s) just
                            // consumed, onto the next instruction, which exists: the assembler
                            // never ends a code object with an instruction that falls through.
                            ip = unsafe { ip.add(1) };
                        }
                    }
                    _ => $otherwise,
                }
            }};
        }
        /// Push the comparison result `$r`, or, when the next instruction is a
        /// POP_JUMP_IF_FALSE/TRUE, take (or skip) that branch here without making the bool
        /// (CPython 3.11's COMPARE_OP_*_JUMP, without a separate opcode: the jump stays in the
        /// bytecode).
        macro_rules! push_bool_or_run_next_jump {
            ($r:expr) => {{
                let r: bool = $r;
                // SAFETY: `ip` is at the next instruction's unit, which exists: the assembler never
                // ends a code object with an instruction that falls through.
                let next = unsafe { *ip };
                match next as u8 {
                    op::POP_JUMP_IF_FALSE => {
                        // SAFETY: the POP_JUMP_IF_FALSE just read follows this instruction;
                        // skipping it, or jumping to its target (computed by the assembler), stays
                        // in this code object.
                        ip = unsafe { ip.add(1 + if r { 0 } else { (next >> 8) as usize }) };
                    }
                    op::POP_JUMP_IF_TRUE => {
                        // SAFETY: the POP_JUMP_IF_TRUE just read follows this instruction; skipping
                        // it, or jumping to its target (computed by the assembler), stays in this
                        // code object.
                        ip = unsafe { ip.add(1 + if r { (next >> 8) as usize } else { 0 }) };
                    }
                    _ => push!(none::bool_value(r)),
                }
            }};
        }
        macro_rules! push_or_run_next_store {
            ($v:expr) => {{
                let v: Value = $v;
                run_next_store_or!(v, {}, push!(v))
            }};
        }
        macro_rules! arm_for_iter_list {
            ($code:expr) => {{
                    let it = peek!(1);
                    let want: &crate::typeobj::PyType = if $code == op::FOR_ITER_LIST { &crate::objects::iter::LIST_ITER_TYPE.0 } else { &crate::objects::iter::TUPLE_ITER_TYPE.0 };
                    if it.is_small_int() || !std::ptr::eq(it.ty(), want) {
                        deopt!(FOR_ITER);
                    }
                    skip_cache!(FOR_ITER);
                    // SAFETY: both iterator types carry `SeqIterData`.
                    let d = unsafe { it.payload_unchecked::<crate::objects::iter::SeqIterData>() };
                    match crate::objects::iter::seq_iter_next(d, $code == op::FOR_ITER_TUPLE) {
                        Some(v) => push_or_run_next_store!(v),
                        None => {
                            drop_n!(1);
                            // SAFETY: the exhausted loop's exit (past its END_FOR) is a target the
                            // assembler computed inside this code object.
                            ip = unsafe { ip.add(oparg as usize + 1) };
                        }
                    }
            }};
        }
        macro_rules! arm_load_attr_method_no_dict {
            ($code:expr) => {{
                    let owner = if $code == op::LOAD_ATTR_METHOD_WITH_VALUES { guard_type_version!(load_attr_other_class!()) } else { guard_type_version!(LOAD_ATTR) };
                    if $code == op::LOAD_ATTR_METHOD_WITH_VALUES {
                        // Inline attributes, and the class's keys still lack the method's name.
                        // SAFETY: `cache`/`cache_at` is the first cache unit of the specialised
                        // attribute instruction just matched, the form `ops::method_not_shadowed`
                        // reads.
                        if !unsafe { ops::method_not_shadowed(owner, cache_at) } {
                            deopt!(LOAD_ATTR);
                        }
                    } else if $code == op::LOAD_ATTR_METHOD_LAZY_DICT {
                        // Inline attributes (another instance of the class) are checked by the
                        // WITH_VALUES form.
                        if crate::objects::inline_values::active(owner).is_some() {
                            deopt!(LOAD_ATTR);
                        }
                        if let Some(d) = specialize::instance_dict(owner) {
                            // SAFETY: the compiler emits only name indices within `co_names`.
                            let name = unsafe { code!().names.get_unchecked((oparg >> 1) as usize) };
                            if !d.is_empty() && d.get_str(name).is_some() {
                                deopt!(LOAD_ATTR);
                            }
                        }
                    }
                    skip_cache!(LOAD_ATTR);
                    // SAFETY: the type's dict holds the method while the tag is unchanged.
                    let meth = unsafe { Value::from_header_borrowed(specialize::read_ptr(cache_at.add(5))) };
                    let owner = pop!();
                    push!(meth);
                    push!(owner);
            }};
        }
        macro_rules! arm_unpack_sequence_two_tuple {
            ($code:expr) => {{
                    let seq = peek!(1);
                    let items: &[Value] = if $code == op::UNPACK_SEQUENCE_LIST {
                        match seq.downcast_exact::<list::ListData>() {
                            // SAFETY: only the length is read, before anything else runs.
                            Some(l) => unsafe { l.items_unchecked() },
                            None => deopt!(UNPACK_SEQUENCE),
                        }
                    } else {
                        match seq.downcast_exact::<tuple::TupleData>() {
                            Some(t) => t.items(),
                            None => deopt!(UNPACK_SEQUENCE),
                        }
                    };
                    if items.len() != oparg as usize {
                        deopt!(UNPACK_SEQUENCE);
                    }
                    skip_cache!(UNPACK_SEQUENCE);
                    let seq = pop!();
                    let items: &[Value] = match seq.downcast_exact::<list::ListData>() {
                        // SAFETY: `seq` keeps the list alive, and pushing clones of its items
                        // runs no Python code, so nothing changes it while `items` lives.
                        Some(l) => unsafe { l.items_unchecked() },
                        None => tuple::items(&seq),
                    };
                    for v in items.iter().rev() {
                        push!(v.clone());
                    }
                    drop(seq);
            }};
        }
        macro_rules! arm_call_py_exact_args {
            ($code:expr) => {{
                    let nargs = oparg as usize;
                    let is_meth = peek_opt!(nargs + 2).is_some();
                    let callable = if is_meth { peek!(nargs + 2) } else { peek!(nargs + 1) };
                    let Some(fd) = callable.downcast_exact::<function::FunctionData>() else { deopt!(CALL) };
                    // SAFETY: `cache_at` is this specialised instruction's first cache unit; its
                    // layout (specialize.rs) has the units read here.
                    if fd.code_data().version != unsafe { specialize::read_u32(cache_at.add(1)) } {
                        deopt!(CALL);
                    }
                    let total = nargs + is_meth as usize;
                    let argcount = fd.code_data().code.argcount as usize;
                    let fits = if $code == op::CALL_PY_EXACT_ARGS {
                        total == argcount
                    } else {
                        total <= argcount && total + fd.defaults().map(|d| tuple::items(d).len()).unwrap_or(0) >= argcount
                    };
                    if !fits {
                        deopt!(CALL);
                    }
                    let is_generator = fd.code_data().code.flags & co_flags::GENERATOR != 0;
                    // The code guard re-established what the specialiser checked of the code,
                    // and `fits` the argument count against the current defaults.
                    push_simple_call!(nargs, is_meth, total, is_generator);
            }};
        }
        macro_rules! arm_call_no_kw_builtin_o {
            ($code:expr) => {{
                    let nargs = oparg as usize;
                    if peek_opt!(nargs + 2).is_some() {
                        deopt!(CALL);
                    }
                    let Some(b) = peek!(nargs + 1).downcast_exact::<crate::objects::descr::BuiltinFunctionData>() else { deopt!(CALL) };
                    if b.bound_method {
                        deopt!(CALL);
                    }
                    let func = b.func;
                    match $code {
                        op::CALL_NO_KW_LEN if func as usize != crate::modules::builtins::b_len as *const () as usize => deopt!(CALL),
                        op::CALL_NO_KW_ISINSTANCE if func as usize != crate::modules::builtins::b_isinstance as *const () as usize => deopt!(CALL),
                        _ => {}
                    }
                    skip_cache!(CALL);
                    // Finalisers of objects that died since the last check run before the
                    // call, as CPython runs them at the deallocation (`del x; print(...)`).
                    tri!(vm.check_eval_breaker());
                    let kwnames = f.kwnames.take();
                    let r = match ($code, top_slice!(nargs)) {
                        (op::CALL_NO_KW_LEN, [x]) if specialize::is_exact_str(x) => Ok(int::from_usize(pystr::char_len(x))),
                        // SAFETY: the guard just checked that `x` is an exact list.
                        (op::CALL_NO_KW_LEN, [x]) if x.downcast_exact::<list::ListData>().is_some() => Ok(int::from_usize(unsafe { x.payload_unchecked::<list::ListData>() }.len())),
                        // `isinstance(x, C)` for a class whose metaclass is `type`: no
                        // `__instancecheck__` to call, the answer is the MRO's.
                        (op::CALL_NO_KW_ISINSTANCE, [x, c]) if !c.is_small_int() && std::ptr::eq(c.ty(), crate::typeobj::type_type()) => {
                            // SAFETY: an instance of `type` is a type object.
                            let t = unsafe { c.as_type().unwrap_unchecked() };
                            Ok(none::bool_value(x.ty().is_subtype(t)))
                        }
                        (_, args) => {
                            sync!();
                            let r = func(vm, args, kwnames.as_ref());
                            resync!();
                            r
                        }
                    };
                    drop_n!(nargs + 2);
                    push!(tri!(r));
            }};
        }
        macro_rules! arm_call_no_kw_type_1 {
            ($code:expr) => {{
                    let nargs = oparg as usize;
                    if peek_opt!(nargs + 2).is_some() {
                        deopt!(CALL);
                    }
                    let callable = peek!(nargs + 1);
                    let Some(cls) = callable.as_type() else { deopt!(CALL) };
                    let ok = match $code {
                        op::CALL_NO_KW_TYPE_1 => std::ptr::eq(cls, crate::typeobj::type_type()),
                        op::CALL_NO_KW_STR_1 => std::ptr::eq(cls, &pystr::STR_TYPE.0),
                        op::CALL_NO_KW_TUPLE_1 => std::ptr::eq(cls, &tuple::TUPLE_TYPE.0),
                        _ => !cls.is_heap_type(),
                    };
                    if !ok {
                        deopt!(CALL);
                    }
                    skip_cache!(CALL);
                    let r = if $code == op::CALL_NO_KW_TYPE_1 {
                        Ok(peek!(1).ty().to_value())
                    } else if $code == op::CALL_NO_KW_STR_1 {
                        // `str(x)` is `x.__str__()` checked to be a str: no trip through type_call.
                        let x = peek!(1).clone();
                        sync!();
                        let r = ob::str(vm, &x);
                        resync!();
                        r
                    } else {
                        let callable = callable.clone();
                        let kwnames = f.kwnames.take();
                        sync!();
                        let r = crate::protocols::call::call(vm, &callable, top_slice!(nargs), kwnames.as_ref());
                        resync!();
                        r
                    };
                    drop_n!(nargs + 2);
                    push!(tri!(r));
            }};
        }
        match code {
            op::NOP | op::RESUME | op::CACHE => {}
            op::EXTENDED_ARG => {
                // Gather the wide argument and run the instruction it belongs to out of line
                // (as its generic form, if it is specialised), so that no argument state has to
                // be carried around the loop. This is rare: large functions' jumps, modules
                // with many names.
                let mut oparg = oparg;
                // SAFETY: `ip` is at the next instruction's unit, which exists: the assembler never
                // ends a code object with an instruction that falls through.
                let mut unit = unsafe { *ip };
                while unit as u8 == op::EXTENDED_ARG {
                    oparg = oparg << 8 | (unit >> 8) as u32;
                    // SAFETY: this steps over the unit(s) of the instruction(s) just consumed, onto
                    // the next instruction, which exists: the assembler never ends a code object
                    // with an instruction that falls through.
                    ip = unsafe { ip.add(1) };
                    // SAFETY: `ip` is at the next instruction's unit, which exists: the assembler
                    // never ends a code object with an instruction that falls through.
                    unit = unsafe { *ip };
                }
                oparg = oparg << 8 | (unit >> 8) as u32;
                f.instr = ip;
                // SAFETY: this steps over the unit(s) of the instruction(s) just consumed, onto the
                // next instruction, which exists: the assembler never ends a code object with an
                // instruction that falls through.
                ip = unsafe { ip.add(1) };
                // Long jumps (the loops and branches of big functions) stay in this half.
                // (Written out: the shared bodies read the loop's own `oparg`, not this one.)
                match unit as u8 {
                    // SAFETY: a forward jump's target, computed by the assembler, is an instruction
                    // of this code object.
                    op::JUMP_FORWARD => ip = unsafe { ip.add(oparg as usize) },
                    op::JUMP_BACKWARD => {
                        // SAFETY: a backward jump's target, computed by the assembler, is an
                        // instruction of this code object.
                        ip = unsafe { ip.sub(oparg as usize) };
                        tri!(vm.check_eval_breaker());
                    }
                    code => run_slow!(Opcode::dispatch(code).deopt() as u8, oparg),
                }
            }
            op::LOAD_FAST => simple!(LOAD_FAST),
            op::LOAD_FAST_CHECK => simple!(LOAD_FAST_CHECK),
            op::LOAD_FAST_AND_CLEAR => simple!(LOAD_FAST_AND_CLEAR),
            op::STORE_FAST => simple!(STORE_FAST),
            // Superinstructions: the second half's argument is in the next code unit, which
            // is skipped (it stays a valid instruction for jumps that land on it). A second
            // half that is a load and itself starts a pair (a LOAD_FAST__LOAD_CONST feeding a
            // subscript, an attribute pair) is left to run on its own: that pair does more.
            op::LOAD_FAST__LOAD_FAST => {
                // SAFETY: `ip` is at the next instruction's unit, which exists: the assembler never
                // ends a code object with an instruction that falls through.
                let second = unsafe { *ip };
                // SAFETY: local indices are below `co_nlocalsplus`, and LOAD_FAST (as opposed to
                // LOAD_FAST_CHECK) is emitted only for a local the compiler proved bound.
                let a = unsafe { (*slot!(oparg as usize)).as_ref().unwrap_unchecked() }.clone();
                push!(a);
                if second as u8 == op::LOAD_FAST {
                    // SAFETY: this steps over the unit(s) of the instruction(s) just consumed, onto
                    // the next instruction, which exists: the assembler never ends a code object
                    // with an instruction that falls through.
                    ip = unsafe { ip.add(1) };
                    // SAFETY: local indices are below `co_nlocalsplus`, and LOAD_FAST (as opposed
                    // to LOAD_FAST_CHECK) is emitted only for a local the compiler proved bound.
                    let b = unsafe { (*slot!((second >> 8) as usize)).as_ref().unwrap_unchecked() }.clone();
                    push!(b);
                }
            }
            op::LOAD_FAST__LOAD_CONST => {
                // SAFETY: `ip` is at the next instruction's unit, which exists: the assembler never
                // ends a code object with an instruction that falls through.
                let next = unsafe { (*ip >> 8) as usize };
                // SAFETY: local indices are below `co_nlocalsplus`, and LOAD_FAST (as opposed to
                // LOAD_FAST_CHECK) is emitted only for a local the compiler proved bound.
                let a = unsafe { (*slot!(oparg as usize)).as_ref().unwrap_unchecked() };
                // SAFETY: the compiler emits only constant indices within `co_consts`.
                let b = unsafe { code!().consts.get_unchecked(next) };
                // `local[constant]` (a field of a list or tuple record): when the specialised
                // subscript follows and its guard holds, push the item and skip it (a
                // predicted successor, as for loop stores; the subscript stays in the bytecode).
                // SAFETY: `ip` is at the next instruction's unit, which exists: the assembler never
                // ends a code object with an instruction that falls through.
                let subscr = unsafe { *ip.add(1) } as u8;
                let item = match subscr {
                    op::BINARY_SUBSCR_LIST_INT => ops::list_int_item(a, b),
                    op::BINARY_SUBSCR_TUPLE_INT => ops::tuple_int_item(a, b),
                    _ => None,
                };
                if let Some(v) = item {
                    // SAFETY: skipping an instruction's own inline cache lands on the instruction
                    // after it, which exists: the assembler never ends a code object with an
                    // instruction that falls through.
                    ip = unsafe { ip.add(2 + cache_size::BINARY_SUBSCR) };
                    push!(v);
                    continue 'dispatch;
                }
                let (a, b) = (a.clone(), b.clone());
                // SAFETY: this steps over the unit(s) of the instruction(s) just consumed, onto the
                // next instruction, which exists: the assembler never ends a code object with an
                // instruction that falls through.
                ip = unsafe { ip.add(1) };
                push!(a);
                push!(b);
            }
            // `local.attr` and `local.attr = v`: when the specialised instance-value or method
            // form follows and its guard holds, run it here through the borrowed local (one
            // dispatch, and no reference-count traffic on the owner for a value); otherwise
            // this is LOAD_FAST, and the attribute instruction runs next on its own.
            op::LOAD_FAST__LOAD_ATTR => {
                // SAFETY: a LOAD_FAST's local index is below `co_nlocalsplus`, so the slot is in
                // the frame's buffer.
                let owner: &Value = match unsafe { &*slots!().add(oparg as usize) } {
                    Some(v) => v,
                    None => break 'dispatch Err(cold_error(unbound_local(vm, f, oparg))),
                };
                // SAFETY: `ip` is at the next instruction's unit, which exists: the assembler never
                // ends a code object with an instruction that falls through.
                let attr = unsafe { *ip };
                // SAFETY: the instruction just peeked at has an opcode unit followed by its cache
                // units, so its first cache unit is in bounds.
                let cache = unsafe { ip.add(1) };
                match attr as u8 {
                    op::LOAD_ATTR_INSTANCE_VALUE => {
                        // SAFETY: `cache`/`cache_at` is the first cache unit of the specialised
                        // attribute instruction just matched, the form `ops::instance_value` reads.
                        if let Some(v) = unsafe { ops::instance_value(owner, cache) } {
                            // SAFETY: skipping an instruction's own inline cache lands on the
                            // instruction after it, which exists: the assembler never ends a code
                            // object with an instruction that falls through.
                            ip = unsafe { cache.add(cache_size::LOAD_ATTR) };
                            if attr & 0x100 != 0 {
                                push_opt!(None);
                            }
                            push!(v);
                            continue 'dispatch;
                        }
                    }
                    op::LOAD_ATTR_SLOT => {
                        // SAFETY: `cache`/`cache_at` is the first cache unit of the specialised
                        // attribute instruction just matched, the form `ops::slot_value` reads.
                        if let Some(v) = unsafe { ops::slot_value(owner, cache) } {
                            // SAFETY: skipping an instruction's own inline cache lands on the
                            // instruction after it, which exists: the assembler never ends a code
                            // object with an instruction that falls through.
                            ip = unsafe { cache.add(cache_size::LOAD_ATTR) };
                            push!(v);
                            continue 'dispatch;
                        }
                    }
                    op::LOAD_ATTR_METHOD_WITH_VALUES | op::LOAD_ATTR_METHOD_NO_DICT => {
                        // SAFETY: `cache`/`cache_at` is the first cache unit of the specialised
                        // attribute instruction just matched, the form `ops::cached_method` reads.
                        if let Some(meth) = unsafe { ops::cached_method(owner, attr as u8, cache) } {
                            // SAFETY: skipping an instruction's own inline cache lands on the
                            // instruction after it, which exists: the assembler never ends a code
                            // object with an instruction that falls through.
                            ip = unsafe { cache.add(cache_size::LOAD_ATTR) };
                            let owner = owner.clone();
                            push!(meth);
                            push!(owner);
                            continue 'dispatch;
                        }
                    }
                    _ => {}
                }
                let v = owner.clone();
                push!(v);
            }
            op::LOAD_FAST__STORE_ATTR => {
                // SAFETY: a LOAD_FAST's local index is below `co_nlocalsplus`, so the slot is in
                // the frame's buffer.
                let owner: &Value = match unsafe { &*slots!().add(oparg as usize) } {
                    Some(v) => v,
                    None => break 'dispatch Err(cold_error(unbound_local(vm, f, oparg))),
                };
                // SAFETY: `ip` is at the next instruction's unit, which exists: the assembler never
                // ends a code object with an instruction that falls through.
                if unsafe { *ip } as u8 == op::STORE_ATTR_INSTANCE_VALUE {
                    // SAFETY: the instruction just peeked at has an opcode unit followed by its
                    // cache units, so its first cache unit is in bounds.
                    let cache = unsafe { ip.add(1) };
                    // SAFETY: `cache`/`cache_at` is the first cache unit of the specialised
                    // attribute instruction just matched, the form `ops::instance_store_target`
                    // reads.
                    if let Some((values, index)) = unsafe { ops::instance_store_target(owner, cache) } {
                        // SAFETY: skipping an instruction's own inline cache lands on the
                        // instruction after it, which exists: the assembler never ends a code
                        // object with an instruction that falls through.
                        ip = unsafe { cache.add(cache_size::STORE_ATTR) };
                        let v = pop!();
                        values.set(index, v);
                        continue 'dispatch;
                    }
                }
                let v = owner.clone();
                push!(v);
            }
            op::LOAD_CONST__LOAD_FAST => {
                // SAFETY: `ip` is at the next instruction's unit, which exists: the assembler never
                // ends a code object with an instruction that falls through.
                let second = unsafe { *ip };
                // SAFETY: the compiler emits only constant indices within `co_consts`.
                let a = unsafe { code!().consts.get_unchecked(oparg as usize) }.clone();
                push!(a);
                if second as u8 == op::LOAD_FAST {
                    // SAFETY: this steps over the unit(s) of the instruction(s) just consumed, onto
                    // the next instruction, which exists: the assembler never ends a code object
                    // with an instruction that falls through.
                    ip = unsafe { ip.add(1) };
                    // SAFETY: local indices are below `co_nlocalsplus`, and LOAD_FAST (as opposed
                    // to LOAD_FAST_CHECK) is emitted only for a local the compiler proved bound.
                    let b = unsafe { (*slot!((second >> 8) as usize)).as_ref().unwrap_unchecked() }.clone();
                    push!(b);
                }
            }
            op::STORE_FAST__LOAD_FAST => {
                // SAFETY: `ip` is at the next instruction's unit, which exists: the assembler never
                // ends a code object with an instruction that falls through.
                let second = unsafe { *ip };
                let v = pop_opt!();
                set_local!(oparg as usize, v);
                if second as u8 == op::LOAD_FAST {
                    // SAFETY: this steps over the unit(s) of the instruction(s) just consumed, onto
                    // the next instruction, which exists: the assembler never ends a code object
                    // with an instruction that falls through.
                    ip = unsafe { ip.add(1) };
                    // SAFETY: local indices are below `co_nlocalsplus`, and LOAD_FAST (as opposed
                    // to LOAD_FAST_CHECK) is emitted only for a local the compiler proved bound.
                    let b = unsafe { (*slot!((second >> 8) as usize)).as_ref().unwrap_unchecked() }.clone();
                    push!(b);
                }
            }
            op::STORE_FAST__STORE_FAST => {
                // SAFETY: `ip` is at the next instruction's unit, which exists: the assembler never
                // ends a code object with an instruction that falls through.
                let next = unsafe { (*ip >> 8) as usize };
                // SAFETY: this steps over the unit(s) of the instruction(s) just consumed, onto the
                // next instruction, which exists: the assembler never ends a code object with an
                // instruction that falls through.
                ip = unsafe { ip.add(1) };
                let v = pop_opt!();
                set_local!(oparg as usize, v);
                let v = pop_opt!();
                set_local!(next, v);
            }
            op::LOAD_CONST => simple!(LOAD_CONST),
            op::POP_TOP => {
                let v = pop_opt!();
                drop(v);
            }
            op::PUSH_NULL => push_opt!(None),
            op::END_FOR => {
                drop_n!(2);
            }
            // `container[key] op= value` compiles to COPY 2, COPY 2, BINARY_SUBSCR, <value>,
            // BINARY_OP, SWAP 3, SWAP 2, STORE_SUBSCR. The first COPY 2 and the SWAP 3 run the
            // rest of their triple themselves when the specialised subscript follows and its
            // guard holds: one dispatch instead of three each (predicted successors; the
            // instructions stay in the bytecode, and `f.instr` names the subscript when it
            // can raise, as its own dispatch would).
            op::UNARY_NEGATIVE if peek!(1).is_small_int() => {
                // SAFETY: just checked.
                let a = unsafe { peek!(1).as_small_int().unwrap_unchecked() };
                // A small int owns no reference: overwrite it.
                // SAFETY: the operand is a live stack slot holding a small int, which owns no
                // reference: overwriting it leaks nothing.
                unsafe { std::ptr::write(sp.sub(1), Some(Value::int(-a))) };
            }
            op::UNARY_NOT if peek!(1).as_ptr() == none::true_ptr() || peek!(1).as_ptr() == none::false_ptr() => {
                let t = peek!(1).as_ptr() == none::true_ptr();
                // Booleans are immortal: overwrite without dropping.
                // SAFETY: the operand is a live stack slot holding an immortal bool: overwriting it
                // without a drop leaks nothing.
                unsafe { std::ptr::write(sp.sub(1), Some(none::bool_value(!t))) };
            }
            // SAFETY: `ip` is at the next instruction's unit, which exists: the assembler never
            // ends a code object with an instruction that falls through.
            op::COPY if oparg == 2 && unsafe { *ip } == COPY_2 => {
                // SAFETY: the instruction just peeked at has an opcode unit followed by its cache
                // units, so its first cache unit is in bounds.
                let subscr = unsafe { ip.add(1) };
                // SAFETY: `ip` is at the next instruction's unit, which exists: the assembler never
                // ends a code object with an instruction that falls through.
                match unsafe { *subscr } as u8 {
                    op::BINARY_SUBSCR_LIST_INT => {
                        if let Some(v) = ops::list_int_item(peek!(2), peek!(1)) {
                            // SAFETY: skipping an instruction's own inline cache lands on the
                            // instruction after it, which exists: the assembler never ends a code
                            // object with an instruction that falls through.
                            ip = unsafe { subscr.add(1 + cache_size::BINARY_SUBSCR) };
                            push!(v);
                            continue 'dispatch;
                        }
                    }
                    op::BINARY_SUBSCR_DICT if peek!(2).downcast_exact::<dict::DictData>().is_some() => {
                        f.instr = subscr;
                        // SAFETY: skipping an instruction's own inline cache lands on the
                        // instruction after it, which exists: the assembler never ends a code
                        // object with an instruction that falls through.
                        ip = unsafe { subscr.add(1 + cache_size::BINARY_SUBSCR) };
                        let v = tri!(dict::dict_getitem(vm, peek!(2), peek!(1)));
                        push!(v);
                        continue 'dispatch;
                    }
                    _ => {}
                }
                let (c, k) = (peek!(2).clone(), peek!(1).clone());
                push!(c);
                push!(k);
                ip = subscr;
            }
            // `local.attr op= value`: COPY 1, LOAD_ATTR ... SWAP 2, STORE_ATTR; as above.
            // SAFETY: `ip` is at the next instruction's unit, which exists: the assembler never
            // ends a code object with an instruction that falls through.
            op::COPY if oparg == 1 && unsafe { *ip } as u8 == op::LOAD_ATTR_INSTANCE_VALUE && unsafe { *ip } & 0x100 == 0 => {
                // SAFETY: the instruction just peeked at has an opcode unit followed by its cache
                // units, so its first cache unit is in bounds.
                let cache = unsafe { ip.add(1) };
                // SAFETY: `cache`/`cache_at` is the first cache unit of the specialised attribute
                // instruction just matched, the form `ops::instance_value` reads.
                let v = match unsafe { ops::instance_value(peek!(1), cache) } {
                    Some(v) => {
                        // SAFETY: skipping an instruction's own inline cache lands on the
                        // instruction after it, which exists: the assembler never ends a code
                        // object with an instruction that falls through.
                        ip = unsafe { cache.add(cache_size::LOAD_ATTR) };
                        v
                    }
                    None => peek!(1).clone(),
                };
                push!(v);
            }
            op::COPY => simple!(COPY),
            // SAFETY: `ip` is at the next instruction's unit, which exists: the assembler never
            // ends a code object with an instruction that falls through.
            op::SWAP if oparg == 3 && unsafe { *ip } == SWAP_2 => {
                // The stack is [container, key, value]: `container[key] = value`.
                // SAFETY: the instruction just peeked at has an opcode unit followed by its cache
                // units, so its first cache unit is in bounds.
                let store = unsafe { ip.add(1) };
                // SAFETY: `ip` is at the next instruction's unit, which exists: the assembler never
                // ends a code object with an instruction that falls through.
                match unsafe { *store } as u8 {
                    op::STORE_SUBSCR_LIST_INT => {
                        {
                            if let Some(cell) = ops::list_int_cell(peek!(3), peek!(2)) {
                                // SAFETY: skipping an instruction's own inline cache lands on the
                                // instruction after it, which exists: the assembler never ends a
                                // code object with an instruction that falls through.
                                ip = unsafe { store.add(1 + cache_size::STORE_SUBSCR) };
                                let v = pop!();
                                // The key is a small int: nothing to drop.
                                // SAFETY: the subscript is a small int in a live stack slot:
                                // emptying it without a drop leaks nothing.
                                unsafe {
                                    sp = sp.sub(1);
                                    std::ptr::write(sp, None);
                                }
                                let container = pop!();
                                // SAFETY: `container` keeps the list (and its buffer) alive;
                                // nothing ran since the bounds check.
                                let old = unsafe { std::ptr::replace(cell, v) };
                                drop(container);
                                drop(old);
                                continue 'dispatch;
                            }
                        }
                    }
                    op::STORE_SUBSCR_DICT if peek!(3).downcast_exact::<dict::DictData>().is_some() => {
                        f.instr = store;
                        // SAFETY: skipping an instruction's own inline cache lands on the
                        // instruction after it, which exists: the assembler never ends a code
                        // object with an instruction that falls through.
                        ip = unsafe { store.add(1 + cache_size::STORE_SUBSCR) };
                        let v = pop!();
                        let key = pop!();
                        let container = pop!();
                        tri!(dict::dict_data(&container).expect("dict").set(vm, key, v));
                        continue 'dispatch;
                    }
                    _ => {}
                }
                // SAFETY: the stack holds container, key and value: the three top slots are live.
                unsafe {
                    std::ptr::swap(sp.sub(1), sp.sub(3));
                    std::ptr::swap(sp.sub(1), sp.sub(2));
                }
                ip = store;
            }
            // SAFETY: `ip` is at the next instruction's unit, which exists: the assembler never
            // ends a code object with an instruction that falls through.
            op::SWAP if oparg == 2 && unsafe { *ip } as u8 == op::STORE_ATTR_INSTANCE_VALUE => {
                // The stack is [owner, value]: `owner.attr = value`.
                // SAFETY: the instruction just peeked at has an opcode unit followed by its cache
                // units, so its first cache unit is in bounds.
                let cache = unsafe { ip.add(1) };
                // SAFETY: `cache`/`cache_at` is the first cache unit of the specialised attribute
                // instruction just matched, the form `ops::instance_store_target` reads.
                if let Some((values, index)) = unsafe { ops::instance_store_target(peek!(2), cache) } {
                    // SAFETY: skipping an instruction's own inline cache lands on the instruction
                    // after it, which exists: the assembler never ends a code object with an
                    // instruction that falls through.
                    ip = unsafe { cache.add(cache_size::STORE_ATTR) };
                    let v = pop!();
                    values.set(index, v);
                    drop_n!(1);
                } else {
                    simple!(SWAP);
                }
            }
            op::SWAP => simple!(SWAP),
            op::BINARY_OP_ADD_INT => arm_binary_op_add_int!(op::BINARY_OP_ADD_INT),
            op::BINARY_OP_SUBTRACT_INT => arm_binary_op_add_int!(op::BINARY_OP_SUBTRACT_INT),
            op::BINARY_OP_MULTIPLY_INT => arm_binary_op_add_int!(op::BINARY_OP_MULTIPLY_INT),
            op::BINARY_OP_INT_ANY => {
                let (Some(a), Some(b)) = (peek!(2).as_small_int(), peek!(1).as_small_int()) else { deopt!(BINARY_OP) };
                let base = binop::base(oparg);
                let Some(r) = crate::objects::int::small_int_binop(a, b, base) else { deopt!(BINARY_OP) };
                skip_cache!(BINARY_OP);
                replace_small_int_operands!(r);
            }
            op::BINARY_OP_FLOAT_ANY => {
                let (Some(a), Some(b)) = (crate::objects::float::float_or_small_int(peek!(2)), crate::objects::float::float_or_small_int(peek!(1))) else { deopt!(BINARY_OP) };
                let base = binop::base(oparg);
                // Two small ints have int semantics: not this form's case.
                if peek!(2).is_small_int() && peek!(1).is_small_int() {
                    deopt!(BINARY_OP);
                }
                let Some(r) = crate::objects::float::simple_float_binop(a, b, base) else { deopt!(BINARY_OP) };
                skip_cache!(BINARY_OP);
                let rhs = pop!();
                let lhs = pop!();
                push!(crate::objects::float::result_in_float_operand(lhs, rhs, r));
            }
            op::BINARY_OP_ADD_FLOAT => arm_binary_op_add_float!(op::BINARY_OP_ADD_FLOAT),
            op::BINARY_OP_SUBTRACT_FLOAT => arm_binary_op_add_float!(op::BINARY_OP_SUBTRACT_FLOAT),
            op::BINARY_OP_MULTIPLY_FLOAT => arm_binary_op_add_float!(op::BINARY_OP_MULTIPLY_FLOAT),
            op::BINARY_OP_INPLACE_ADD_UNICODE => {
                if !specialize::is_exact_str(peek!(2)) || !specialize::is_exact_str(peek!(1)) {
                    deopt!(BINARY_OP);
                }
                // The STORE_FAST after the caches names the local that holds the left operand.
                // SAFETY: skipping an instruction's own inline cache lands on the instruction after
                // it, which exists: the assembler never ends a code object with an instruction that
                // falls through.
                let target = unsafe { (*cache_at.add(cache_size::BINARY_OP) >> 8) as usize };
                if !(*slot!(target)).as_ref().map(|v| v.is(peek!(2))).unwrap_or(false) {
                    deopt!(BINARY_OP);
                }
                skip_cache!(BINARY_OP);
                let rhs = pop!();
                let lhs = pop!();
                let local = (*slot!(target)).take();
                drop(local);
                let r = pystr::append_in_place(lhs, &rhs);
                drop(rhs);
                (*slot!(target)) = Some(r);
                // The STORE_FAST is done: skip it (a fused LOAD_FAST after it still runs).
                // SAFETY: this steps over the unit(s) of the instruction(s) just consumed, onto the
                // next instruction, which exists: the assembler never ends a code object with an
                // instruction that falls through.
                ip = unsafe { ip.add(1) };
            }
            op::BINARY_OP_ADD_UNICODE => {
                if !specialize::is_exact_str(peek!(2)) || !specialize::is_exact_str(peek!(1)) {
                    deopt!(BINARY_OP);
                }
                skip_cache!(BINARY_OP);
                let rhs = pop!();
                let lhs = pop!();
                push!(pystr::concat_values(&lhs, &rhs));
            }
            op::COMPARE_OP_INT => {
                let (Some(a), Some(b)) = (peek!(2).as_small_int(), peek!(1).as_small_int()) else { deopt!(COMPARE_OP) };
                skip_cache!(COMPARE_OP);
                let r = ops::compare_by_mask(a, b, oparg);
                // Small ints own no reference: the operands are overwritten without dropping.
                // SAFETY: the two operands are live stack slots holding small ints, which own no
                // reference: emptying them without a drop leaks nothing.
                unsafe {
                    sp = sp.sub(2);
                    std::ptr::write(sp, None);
                    std::ptr::write(sp.add(1), None);
                }
                push_bool_or_run_next_jump!(r);
            }
            op::COMPARE_OP_FLOAT => {
                let (Some(a), Some(b)) = (crate::objects::float::exact_float(peek!(2)), crate::objects::float::exact_float(peek!(1))) else { deopt!(COMPARE_OP) };
                skip_cache!(COMPARE_OP);
                let r = ops::compare_by_mask(a, b, oparg);
                drop_n!(2);
                push_bool_or_run_next_jump!(r);
            }
            op::COMPARE_OP_STR => {
                if !specialize::is_exact_str(peek!(2)) || !specialize::is_exact_str(peek!(1)) {
                    deopt!(COMPARE_OP);
                }
                skip_cache!(COMPARE_OP);
                let eq = pystr::str_eq(peek!(2), peek!(1));
                drop_n!(2);
                push_bool_or_run_next_jump!(eq == (oparg >> 4 == 2));
            }
            op::IS_OP => simple!(IS_OP),
            op::CONTAINS_OP_DICT => {
                let Some(d) = peek!(1).downcast_exact::<dict::DictData>() else { deopt!(CONTAINS_OP) };
                let found = tri!(d.get(vm, peek!(2))).is_some();
                drop_n!(2);
                push_bool_or_run_next_jump!(found != (oparg == 1));
            }
            op::CONTAINS_OP_SET => {
                let container = peek!(1);
                if !crate::objects::set::is_exact_set(container) && !std::ptr::eq(container.ty(), &crate::objects::set::FROZENSET_TYPE.0) {
                    deopt!(CONTAINS_OP);
                }
                let container = container.clone();
                let found = tri!(crate::objects::set::set_contains(vm, &container, peek!(2)));
                drop(container);
                drop_n!(2);
                push_bool_or_run_next_jump!(found != (oparg == 1));
            }
            op::CONTAINS_OP_STR => {
                if !specialize::is_exact_str(peek!(1)) || !specialize::is_exact_str(peek!(2)) {
                    deopt!(CONTAINS_OP);
                }
                let found = crate::objects::str_search::contains(pystr::as_str(peek!(1)), pystr::as_str(peek!(2)));
                drop_n!(2);
                push_bool_or_run_next_jump!(found != (oparg == 1));
            }
            op::BINARY_SUBSCR_LIST_INT => {
                let Some(v) = ops::list_int_item(peek!(2), peek!(1)) else { deopt!(BINARY_SUBSCR) };
                skip_cache!(BINARY_SUBSCR);
                replace_container_and_small_int!(v);
            }
            op::BINARY_SUBSCR_TUPLE_INT => {
                let Some(v) = ops::tuple_int_item(peek!(2), peek!(1)) else { deopt!(BINARY_SUBSCR) };
                skip_cache!(BINARY_SUBSCR);
                replace_container_and_small_int!(v);
            }
            op::BINARY_SUBSCR_STR_INT => {
                let s = peek!(2);
                let Some(i) = peek!(1).as_small_int() else { deopt!(BINARY_SUBSCR) };
                let Some(d) = s.downcast_exact::<pystr::StrData>() else { deopt!(BINARY_SUBSCR) };
                // Negative indexes count from the end; out-of-range ones take the generic
                // path, which raises. Every str indexes in O(1) (`StrData::char_at`).
                let i = if i < 0 { i + d.len as i64 } else { i };
                let Some(i) = usize::try_from(i).ok().filter(|&i| i < d.len) else { deopt!(BINARY_SUBSCR) };
                let c = d.char_at(i);
                skip_cache!(BINARY_SUBSCR);
                drop_n!(2);
                push!(pystr::code_point_value(vm, c));
            }
            op::BINARY_SUBSCR_DICT => {
                if peek!(2).downcast_exact::<dict::DictData>().is_none() {
                    deopt!(BINARY_SUBSCR);
                }
                skip_cache!(BINARY_SUBSCR);
                let sub = pop!();
                let container = pop!();
                let r = tri!(dict::dict_getitem(vm, &container, &sub));
                push!(r);
            }
            op::STORE_SUBSCR_LIST_INT => {
                let Some(cell) = ops::list_int_cell(peek!(2), peek!(1)) else { deopt!(STORE_SUBSCR) };
                skip_cache!(STORE_SUBSCR);
                // The subscript is a small int: nothing to drop.
                // SAFETY: the subscript is a small int in a live stack slot: emptying it without a
                // drop leaks nothing.
                unsafe {
                    sp = sp.sub(1);
                    std::ptr::write(sp, None);
                }
                let container = pop!();
                let v = pop!();
                // SAFETY: `container` keeps the list (and its buffer) alive; nothing ran since the
                // bounds check.
                let old = unsafe { std::ptr::replace(cell, v) };
                drop(container);
                drop(old);
            }
            op::STORE_SUBSCR_DICT => {
                if peek!(2).downcast_exact::<dict::DictData>().is_none() {
                    deopt!(STORE_SUBSCR);
                }
                skip_cache!(STORE_SUBSCR);
                let sub = pop!();
                let container = pop!();
                let v = pop!();
                tri!(dict::dict_data(&container).expect("dict").set(vm, sub, v));
            }
            op::FOR_ITER_RANGE => {
                let Some(r) = peek!(1).downcast_exact::<crate::objects::range::RangeIterData>() else { deopt!(FOR_ITER) };
                skip_cache!(FOR_ITER);
                match crate::objects::range::range_iter_next(r) {
                    Some(i) => push_or_run_next_store!(Value::int(i)),
                    None => {
                        drop_n!(1);
                        // SAFETY: the exhausted loop's exit (past its END_FOR) is a target the
                        // assembler computed inside this code object.
                        ip = unsafe { ip.add(oparg as usize + 1) };
                    }
                }
            }
            // The generic form stays hot: iterators without a specialised form (enumerate, zip,
            // dict views, map...) run it every step.
            op::FOR_ITER => {
                // SAFETY: `adaptive!` passes this instruction's opcode unit and first cache unit,
                // and the instruction is of the family `specialize::for_iter` handles.
                adaptive!(|instr, counter| unsafe { specialize::for_iter(peek!(1), instr, counter) });
                skip_cache!(FOR_ITER);
                sync!();
                let next = ops::for_iter_next(vm, peek!(1));
                resync!();
                match tri!(next) {
                    Some(v) => push!(v),
                    None => {
                        drop_n!(1);
                        // Skip the END_FOR at the target.
                        // SAFETY: the exhausted loop's exit (past its END_FOR) is a target the
                        // assembler computed inside this code object.
                        ip = unsafe { ip.add(oparg as usize + 1) };
                    }
                }
            }
            op::FOR_ITER_LIST => arm_for_iter_list!(op::FOR_ITER_LIST),
            op::FOR_ITER_TUPLE => arm_for_iter_list!(op::FOR_ITER_TUPLE),
            op::FOR_ITER_GEN => {
                use crate::objects::generator::{self as generator, LoopStep};
                if peek!(1).downcast_exact::<generator::GeneratorData>().is_none() {
                    deopt!(FOR_ITER);
                }
                skip_cache!(FOR_ITER);
                // The generator's frame runs on this chain, as a call's would (CPython 3.12);
                // its YIELD_VALUE comes back here with the item.
                let step = if vm.recursion_depth < vm.recursion_limit { generator::loop_step(vm, peek!(1)) } else { LoopStep::Resume };
                match step {
                    LoopStep::Enter(frame) => enter_frame!(frame),
                    LoopStep::Exhausted => {
                        drop_n!(1);
                        // SAFETY: the exhausted loop's exit (past its END_FOR) is a target the
                        // assembler computed inside this code object.
                        ip = unsafe { ip.add(oparg as usize + 1) };
                        continue 'dispatch;
                    }
                    LoopStep::Resume => {}
                }
                let g = peek!(1).clone();
                sync!();
                let next = crate::objects::generator::next_for_loop(vm, &g);
                resync!();
                drop(g);
                match tri!(next) {
                    Some(v) => push!(v),
                    None => {
                        drop_n!(1);
                        // SAFETY: the exhausted loop's exit (past its END_FOR) is a target the
                        // assembler computed inside this code object.
                        ip = unsafe { ip.add(oparg as usize + 1) };
                    }
                }
            }
            op::JUMP_FORWARD => simple!(JUMP_FORWARD),
            op::JUMP_BACKWARD => simple!(JUMP_BACKWARD),
            op::JUMP_BACKWARD_NO_INTERRUPT => simple!(JUMP_BACKWARD_NO_INTERRUPT),
            op::POP_JUMP_IF_FALSE => simple!(POP_JUMP_IF_FALSE),
            op::POP_JUMP_IF_TRUE => simple!(POP_JUMP_IF_TRUE),
            op::POP_JUMP_IF_NONE => simple!(POP_JUMP_IF_NONE),
            op::POP_JUMP_IF_NOT_NONE => simple!(POP_JUMP_IF_NOT_NONE),
            op::LOAD_GLOBAL_MODULE => {
                // SAFETY: frames' globals are dicts.
                let g = unsafe { f.globals.payload_unchecked::<dict::DictData>() };
                // SAFETY: `cache_at` is this specialised instruction's first cache unit; its layout
                // (specialize.rs) has the units read here.
                if !g.keys_version_is(unsafe { *cache_at.add(2) }) {
                    deopt!(LOAD_GLOBAL);
                }
                skip_cache!(LOAD_GLOBAL);
                // SAFETY: the keys version vouches for the entry.
                let v = unsafe { g.value_at_unchecked(*cache_at.add(1) as usize) }.clone();
                if oparg & 1 != 0 {
                    push_opt!(None);
                }
                push!(v);
            }
            op::LOAD_GLOBAL_BUILTIN => {
                // SAFETY: frames' globals and builtins are dicts.
                let g = unsafe { f.globals.payload_unchecked::<dict::DictData>() };
                // SAFETY: frames' builtins are dicts.
                let b = unsafe { f.builtins.payload_unchecked::<dict::DictData>() };
                // SAFETY: `cache_at` is this specialised instruction's first cache unit; its layout
                // (specialize.rs) has the units read here.
                if !g.keys_version_is(unsafe { *cache_at.add(2) }) || !b.keys_version_is(unsafe { *cache_at.add(3) }) {
                    deopt!(LOAD_GLOBAL);
                }
                skip_cache!(LOAD_GLOBAL);
                // SAFETY: the keys version vouches for the entry.
                let v = unsafe { b.value_at_unchecked(*cache_at.add(1) as usize) }.clone();
                if oparg & 1 != 0 {
                    push_opt!(None);
                }
                push!(v);
            }
            op::LOAD_ATTR_WITH_HINT => {
                let owner = guard_type_version!(LOAD_ATTR);
                // SAFETY: the compiler emits only name indices within `co_names`.
                let name = unsafe { code!().names.get_unchecked((oparg >> 1) as usize) };
                // SAFETY: `cache_at` is this specialised instruction's first cache unit; its layout
                // (specialize.rs) has the units read here.
                let index = unsafe { specialize::read_u32(cache_at.add(3)) } as usize;
                let Some(v) = specialize::instance_dict(owner).and_then(|d| d.value_at_if_key(index, name)) else { deopt!(LOAD_ATTR) };
                skip_cache!(LOAD_ATTR);
                replace_owner!(v, oparg & 1 != 0);
            }
            op::LOAD_ATTR_INSTANCE_VALUE => {
                let owner = guard_type_version!(load_attr_other_class!(second_class));
                // The tag vouches for the layout (the class keeps inline values) and the key
                // index.
                // SAFETY: the version tag guard vouches that the class keeps inline values (the
                // owner is a heap instance).
                let Some(b) = (unsafe { crate::objects::inline_values::active_in_flagged_class(owner) }) else { deopt!(LOAD_ATTR) };
                // SAFETY: `cache_at` is this specialised instruction's first cache unit; its layout
                // (specialize.rs) has the units read here.
                let Some(v) = b.get(unsafe { specialize::read_u32(cache_at.add(3)) } as usize) else { deopt!(LOAD_ATTR) };
                skip_cache!(LOAD_ATTR);
                replace_owner!(v, oparg & 1 != 0);
            }
            op::LOAD_ATTR_SLOT => {
                // SAFETY: `cache`/`cache_at` is the first cache unit of the specialised attribute
                // instruction just matched, the form `ops::slot_value` reads.
                let Some(v) = (unsafe { ops::slot_value(peek!(1), cache_at) }) else { deopt!(LOAD_ATTR) };
                skip_cache!(LOAD_ATTR);
                replace_owner!(v, false);
            }
            op::LOAD_ATTR_MODULE => {
                let owner = peek!(1);
                let Some(m) = owner.downcast_exact::<crate::objects::module::ModuleData>() else { deopt!(LOAD_ATTR) };
                // SAFETY: module dicts are dicts.
                let d = unsafe { m.dict.payload_unchecked::<dict::DictData>() };
                // SAFETY: `cache_at` is this specialised instruction's first cache unit; its layout
                // (specialize.rs) has the units read here.
                if !d.keys_version_is(unsafe { *cache_at.add(1) }) {
                    deopt!(LOAD_ATTR);
                }
                skip_cache!(LOAD_ATTR);
                // SAFETY: the keys version vouches for the entry.
                let v = unsafe { d.value_at_unchecked(specialize::read_u32(cache_at.add(3)) as usize) }.clone();
                replace_owner!(v, false);
            }
            op::LOAD_ATTR_CLASS => {
                let owner = peek!(1);
                // SAFETY: `cache_at` is this specialised instruction's first cache unit; its layout
                // (specialize.rs) has the units read here.
                let tag = unsafe { specialize::read_u32(cache_at.add(1)) };
                // The metaclass must still be `type` (a class's `__class__` can be reassigned).
                match owner.as_type() {
                    Some(cls) if cls.version_tag.get() == tag && std::ptr::eq(owner.ty(), crate::typeobj::type_type()) => {}
                    _ => deopt!(LOAD_ATTR),
                }
                skip_cache!(LOAD_ATTR);
                // SAFETY: the class's dict holds the attribute while its tag is unchanged.
                let v = unsafe { Value::from_header_borrowed(specialize::read_ptr(cache_at.add(5))) };
                replace_owner!(v, oparg & 1 != 0);
            }
            op::LOAD_ATTR_PROPERTY => {
                guard_type_version!(LOAD_ATTR);
                skip_cache!(LOAD_ATTR);
                // SAFETY: the type's dict holds the property while the tag is unchanged, and the
                // specialiser only caches exact properties.
                let fget = unsafe {
                    let prop = &*(specialize::read_ptr(cache_at.add(5)) as *const crate::object::PyObj<crate::objects::descr::PropertyData>);
                    (*prop.data.fget.get()).clone()
                };
                let owner = pop!();
                sync!();
                let r = crate::protocols::call::call(vm, &fget, std::slice::from_ref(&owner), None);
                resync!();
                drop(owner);
                push!(tri!(r));
            }
            op::LOAD_ATTR_METHOD_NO_DICT => arm_load_attr_method_no_dict!(op::LOAD_ATTR_METHOD_NO_DICT),
            op::LOAD_ATTR_METHOD_LAZY_DICT => arm_load_attr_method_no_dict!(op::LOAD_ATTR_METHOD_LAZY_DICT),
            op::LOAD_ATTR_METHOD_WITH_VALUES => arm_load_attr_method_no_dict!(op::LOAD_ATTR_METHOD_WITH_VALUES),
            op::STORE_ATTR_WITH_HINT => {
                let owner = guard_type_version!(STORE_ATTR);
                // SAFETY: the compiler emits only name indices within `co_names`.
                let name = unsafe { code!().names.get_unchecked(oparg as usize) };
                // SAFETY: `cache_at` is this specialised instruction's first cache unit; its layout
                // (specialize.rs) has the units read here.
                let index = unsafe { *cache_at.add(3) } as usize;
                let Some(d) = specialize::instance_dict(owner) else { deopt!(STORE_ATTR) };
                if !d.has_key_at(index, name) {
                    deopt!(STORE_ATTR);
                }
                skip_cache!(STORE_ATTR);
                let owner = pop!();
                let v = pop!();
                // SAFETY: the entry at `index` is live (checked above; nothing ran since).
                let old = unsafe { specialize::instance_dict(&owner).unwrap_unchecked().replace_value_at_unchecked(index, v) };
                drop(owner);
                drop(old);
            }
            op::STORE_ATTR_INSTANCE_VALUE => {
                let owner = guard_type_version!(store_attr_other_class!());
                // SAFETY: the tag vouches for the layout (the class keeps inline values).
                if unsafe { crate::objects::inline_values::active_in_flagged_class(owner) }.is_none() {
                    deopt!(STORE_ATTR);
                }
                skip_cache!(STORE_ATTR);
                // SAFETY: `cache_at` is this specialised instruction's first cache unit; its layout
                // (specialize.rs) has the units read here.
                let index = unsafe { *cache_at.add(3) } as usize;
                let owner = pop!();
                let v = pop!();
                // SAFETY: checked active above; nothing ran since.
                unsafe { crate::objects::inline_values::active(&owner).unwrap_unchecked() }.set(index, v);
                drop(owner);
            }
            op::STORE_ATTR_SLOT => {
                guard_type_version!(STORE_ATTR);
                skip_cache!(STORE_ATTR);
                // SAFETY: `cache_at` is this specialised instruction's first cache unit; its layout
                // (specialize.rs) has the units read here.
                let offset = unsafe { *cache_at.add(3) } as usize;
                let owner = pop!();
                let v = pop!();
                // SAFETY: the version tag vouches that the type (and so the offset) is unchanged.
                let old = unsafe { std::ptr::replace(crate::typeobj::instance_slot_cell(&owner, offset).get(), Some(v)) };
                drop(owner);
                drop(old);
            }
            op::LOAD_DEREF => simple!(LOAD_DEREF),
            op::LIST_APPEND => simple!(LIST_APPEND),
            op::UNPACK_SEQUENCE_TWO_TUPLE => arm_unpack_sequence_two_tuple!(op::UNPACK_SEQUENCE_TWO_TUPLE),
            op::UNPACK_SEQUENCE_TUPLE => arm_unpack_sequence_two_tuple!(op::UNPACK_SEQUENCE_TUPLE),
            op::UNPACK_SEQUENCE_LIST => arm_unpack_sequence_two_tuple!(op::UNPACK_SEQUENCE_LIST),
            op::CALL_PY_EXACT_ARGS => arm_call_py_exact_args!(op::CALL_PY_EXACT_ARGS),
            op::CALL_PY_WITH_DEFAULTS => arm_call_py_exact_args!(op::CALL_PY_WITH_DEFAULTS),
            op::CALL_PY_GENERAL => {
                // A site that has called several functions (a method overridden in
                // subclasses): the shape is checked at each call instead of a code guard.
                let nargs = oparg as usize;
                let is_meth = peek_opt!(nargs + 2).is_some();
                let total = nargs + is_meth as usize;
                let callable = if is_meth { peek!(nargs + 2) } else { peek!(nargs + 1) };
                let Some(fd) = callable.downcast_exact::<function::FunctionData>() else { deopt!(CALL) };
                if f.kwnames.is_some() || specialize::simple_positional_call(fd, total).is_none() {
                    deopt!(CALL);
                }
                let is_generator = fd.code_data().code.flags & co_flags::GENERATOR != 0;
                // `simple_positional_call` just checked the shape.
                push_simple_call!(nargs, is_meth, total, is_generator);
            }
            op::CALL_BOUND_METHOD_EXACT_ARGS => {
                let nargs = oparg as usize;
                if peek_opt!(nargs + 2).is_some() {
                    deopt!(CALL);
                }
                let Some(m) = peek!(nargs + 1).downcast_exact::<function::BoundMethodData>() else { deopt!(CALL) };
                let Some(fd) = m.func.downcast_exact::<function::FunctionData>() else { deopt!(CALL) };
                // SAFETY: `cache_at` is this specialised instruction's first cache unit; its layout
                // (specialize.rs) has the units read here.
                if fd.version.get() != unsafe { specialize::read_u32(cache_at.add(1)) } || fd.code_data().code.argcount as usize != nargs + 1 {
                    deopt!(CALL);
                }
                skip_cache!(CALL);
                tri!(vm.check_eval_breaker());
                let (func, self_) = (m.func.clone(), m.self_.clone());
                // SAFETY: a call's stack holds callable, self-or-NULL and `nargs` arguments, so
                // `nargs + 2` slots are live; the self slot is replaced, its old value (NULL here)
                // dropped.
                let base = unsafe { sp.sub(nargs + 2) };
                // SAFETY: slot `base + 1` (self-or-NULL, NULL here) is live; its old value is
                // dropped after the replacement.
                let bound = std::mem::replace(unsafe { &mut *base.add(1) }, Some(self_));
                drop(bound);
                // SAFETY: as for CALL_PY_EXACT_ARGS.
                let new = unsafe { call::frame_for_simple_call(vm, func, base.add(1), nargs + 1) };
                sp = base;
                enter_frame!(new);
            }
            op::CALL_ALLOC_AND_ENTER_INIT => {
                let nargs = oparg as usize;
                if peek_opt!(nargs + 2).is_some() {
                    deopt!(CALL);
                }
                // SAFETY: `cache_at` is this specialised instruction's first cache unit; its layout
                // (specialize.rs) has the units read here.
                let tag = unsafe { specialize::read_u32(cache_at.add(1)) };
                let Some(cls) = peek!(nargs + 1).as_type() else { deopt!(CALL) };
                if cls.version_tag.get() != tag || !std::ptr::eq(peek!(nargs + 1).ty(), crate::typeobj::type_type()) {
                    deopt!(CALL);
                }
                let init_name = vm.dunder_init().clone();
                let init = match cls.lookup_init(&init_name) {
                    Some(init) if init.downcast_exact::<function::FunctionData>().map(|fd| fd.code_data().code.argcount as usize == nargs + 1).unwrap_or(false) => init,
                    _ => deopt!(CALL),
                };
                skip_cache!(CALL);
                tri!(vm.check_eval_breaker());
                let obj = crate::object::alloc_object(cls, crate::objects::object::ObjectData);
                // SAFETY: a call's stack holds callable, self-or-NULL and `nargs` arguments, so
                // `nargs + 2` slots are live; the class slot's value is replaced and dropped.
                let base = unsafe { sp.sub(nargs + 2) };
                // SAFETY: slot `base + 1` (self-or-NULL, the class here) is live; the class
                // reference is dropped after the replacement.
                let cls_value = std::mem::replace(unsafe { &mut *base.add(1) }, Some(obj.clone()));
                drop(cls_value);
                // SAFETY: `init` takes exactly self plus the positional arguments.
                let mut new = unsafe { call::frame_for_simple_call(vm, init, base.add(1), nargs + 1) };
                new.init_self = Some(obj);
                sp = base;
                enter_frame!(new);
            }
            op::CALL_NO_KW_BUILTIN_O => arm_call_no_kw_builtin_o!(op::CALL_NO_KW_BUILTIN_O),
            op::CALL_NO_KW_BUILTIN_FAST => arm_call_no_kw_builtin_o!(op::CALL_NO_KW_BUILTIN_FAST),
            op::CALL_BUILTIN_FAST_WITH_KEYWORDS => arm_call_no_kw_builtin_o!(op::CALL_BUILTIN_FAST_WITH_KEYWORDS),
            op::CALL_NO_KW_LEN => arm_call_no_kw_builtin_o!(op::CALL_NO_KW_LEN),
            op::CALL_NO_KW_ISINSTANCE => arm_call_no_kw_builtin_o!(op::CALL_NO_KW_ISINSTANCE),
            op::CALL_NO_KW_LIST_APPEND => {
                let callable = peek_opt!(oparg as usize + 2);
                let Some(callable) = callable.as_ref().filter(|c| crate::objects::descr::is_method_descriptor(c)) else { deopt!(CALL) };
                // SAFETY: checked to be a method descriptor.
                let d = unsafe { callable.payload_unchecked::<crate::objects::descr::MethodDescrData>() };
                let Some(l) = peek!(2).downcast_exact::<list::ListData>() else { deopt!(CALL) };
                if d.def.func as usize != crate::objects::list_methods::list_append as *const () as usize {
                    deopt!(CALL);
                }
                skip_cache!(CALL);
                let v = pop!();
                l.push(v);
                drop_n!(2);
                push!(none::none());
            }
            op::CALL_NO_KW_METHOD_DESCRIPTOR_NOARGS | op::CALL_NO_KW_METHOD_DESCRIPTOR_O | op::CALL_NO_KW_METHOD_DESCRIPTOR_FAST
            | op::CALL_METHOD_DESCRIPTOR_FAST_WITH_KEYWORDS => {
                let nargs = oparg as usize;
                let callable = peek_opt!(nargs + 2);
                let Some(callable) = callable.as_ref().filter(|c| crate::objects::descr::is_method_descriptor(c)) else { deopt!(CALL) };
                skip_cache!(CALL);
                tri!(vm.check_eval_breaker());
                let kwnames = f.kwnames.take();
                let callable = callable.clone();
                sync!();
                let r = crate::objects::descr::call_method_descr(vm, &callable, top_slice!(nargs + 1), kwnames.as_ref());
                resync!();
                drop(callable);
                drop_n!(nargs + 2);
                push!(tri!(r));
            }
            op::CALL_NO_KW_TYPE_1 => arm_call_no_kw_type_1!(op::CALL_NO_KW_TYPE_1),
            op::CALL_NO_KW_STR_1 => arm_call_no_kw_type_1!(op::CALL_NO_KW_STR_1),
            op::CALL_NO_KW_TUPLE_1 => arm_call_no_kw_type_1!(op::CALL_NO_KW_TUPLE_1),
            op::CALL_BUILTIN_CLASS => arm_call_no_kw_type_1!(op::CALL_BUILTIN_CLASS),
            op::MAKE_CELL => simple!(MAKE_CELL),
            op::LOAD_CLOSURE => simple!(LOAD_CLOSURE),
            op::STORE_DEREF => simple!(STORE_DEREF),
            op::COPY_FREE_VARS => simple!(COPY_FREE_VARS),
            op::BUILD_TUPLE => simple!(BUILD_TUPLE),
            op::SET_ADD => simple!(SET_ADD),
            op::MAP_ADD => simple!(MAP_ADD),
            op::KW_NAMES => simple!(KW_NAMES),
            op::RETURN_VALUE => simple!(RETURN_VALUE),
            op::RETURN_CONST => simple!(RETURN_CONST),
            op::YIELD_VALUE if f.generator.is_some() => {
                // A generator frame that FOR_ITER_GEN runs: hand the frame back to its
                // generator and continue in the loop with the item.
                let v = pop!();
                sync!();
                // SAFETY: a frame FOR_ITER_GEN runs has its generator and its caller.
                let g = unsafe { f.generator.take().unwrap_unchecked() };
                // SAFETY: a frame FOR_ITER_GEN runs has its caller (it is never an entry frame).
                let frame = unsafe { chain.leave_to_caller(vm) };
                vm.recursion_depth -= 1;
                crate::objects::generator::suspend_in_loop(vm, g, frame);
                reload!();
                push_or_run_next_store!(v);
            }
            // Any other frame that yields is the entry frame of a generator's resume (only
            // FOR_ITER_GEN runs generator frames on a chain): the activation ends here.
            op::YIELD_VALUE => {
                let v = pop!();
                exit!(Exit::Yield(v));
            }
            // Everything else runs out of line, on the frame's own copy of the pointers. The
            // pattern lists every remaining opcode and every unused number instead of `_`: when
            // all 256 values are cases, the jump table covers the whole byte and the dispatch
            // needs no range check (two instructions per instruction executed). A number that
            // becomes an opcode stays covered here until it gets an arm above.
            op::INTERPRETER_EXIT | op::END_SEND | op::UNARY_NEGATIVE | op::UNARY_NOT
            | op::UNARY_INVERT | op::RESERVED | op::BINARY_SUBSCR | op::BINARY_SLICE
            | op::STORE_SLICE | op::GET_LEN | op::MATCH_MAPPING | op::MATCH_SEQUENCE
            | op::MATCH_KEYS | op::PUSH_EXC_INFO | op::CHECK_EXC_MATCH | op::CHECK_EG_MATCH
            | op::WITH_EXCEPT_START | op::GET_AITER
            | op::GET_ANEXT | op::BEFORE_ASYNC_WITH | op::BEFORE_WITH | op::END_ASYNC_FOR
            | op::CLEANUP_THROW | op::STORE_SUBSCR | op::DELETE_SUBSCR | op::GET_ITER
            | op::GET_YIELD_FROM_ITER | op::LOAD_BUILD_CLASS | op::LOAD_ASSERTION_ERROR
            | op::RETURN_GENERATOR | op::SETUP_ANNOTATIONS | op::LOAD_LOCALS | op::POP_EXCEPT
            | op::STORE_NAME | op::DELETE_NAME | op::UNPACK_SEQUENCE | op::UNPACK_EX
            | op::STORE_ATTR | op::DELETE_ATTR | op::STORE_GLOBAL | op::DELETE_GLOBAL
            | op::LOAD_NAME | op::BUILD_LIST | op::BUILD_SET | op::BUILD_MAP | op::LOAD_ATTR
            | op::COMPARE_OP | op::IMPORT_NAME | op::IMPORT_FROM | op::LOAD_GLOBAL
            | op::CONTAINS_OP | op::RERAISE | op::BINARY_OP | op::SEND | op::DELETE_FAST
            | op::RAISE_VARARGS | op::GET_AWAITABLE | op::MAKE_FUNCTION | op::BUILD_SLICE
            | op::DELETE_DEREF | op::LOAD_SUPER_ATTR | op::CALL_FUNCTION_EX | op::MATCH_CLASS
            | op::FORMAT_VALUE | op::BUILD_CONST_KEY_MAP | op::BUILD_STRING | op::LIST_EXTEND
            | op::SET_UPDATE | op::DICT_MERGE | op::DICT_UPDATE | op::CALL | op::CALL_INTRINSIC_1
            | op::CALL_INTRINSIC_2 | op::LOAD_FROM_DICT_OR_GLOBALS | op::LOAD_FROM_DICT_OR_DEREF
            | 20 | 66 | 67 | 72 | 168 | 169 | 170 | 187 | 188 | 189 | 190 | 191 | 192
            | 193 | 194 | 195 | 196 | 197 | 198 | 199 | 200 | 201 | 202 | 203 | 204 | 205 | 206
            | 207 | 208 | 209 | 210 | 211 | 212 | 213 | 214 | 215 | 216 | 217 | 218 | 219 | 220
            | 221 | 222 | 223 | 224 | 225 | 226 | 227 | 228 | 229 | 230 | 231 | 232 | 233 | 234
            | 235 | 236 | 237 | 238 | 239 | 240 | 241 | 242 | 243 | 244 | 245 | 246 | 247 | 248
            | 249 | 250 | 251 | 252 | 253 | 254 | 255 => run_slow!(code, oparg),
        }
    };
    sync!();
    result
}

/// The cold half of the loop: executes one instruction (`code`, with its full argument) of the
/// current frame, whose `ip` (just past the opcode unit) and `sp` are in the frame. Returns
/// `Some` when the entry frame yields; a call may leave another frame current.
// `'dispatch` is a loop only so that the macros shared with the hot half can leave it with
// `break 'dispatch`; this half runs one instruction, so it never loops.
#[allow(unused_unsafe, clippy::never_loop)]
#[inline(never)]
fn execute_slow(vm: &mut Vm, chain: &mut Chain, code: u8, oparg: u32) -> PyResult<Option<Exit>> {
    let mut f: &mut Frame = &mut chain.current;
    let mut ip: *mut u16;
    let mut sp: *mut Option<Value>;
    frame_access_macros!($ f chain ip sp);
    // SAFETY: the frame's saved `ip` is an offset within its instruction array.
    ip = unsafe { instrs!().add(f.ip) };
    // SAFETY: the frame's saved `sp` is an offset within its slot buffer.
    sp = unsafe { slots!().add(f.sp) };
    let cache_at = ip;
    let result: PyResult<Option<Exit>> = 'dispatch: loop {
        instruction_macros!($ 'dispatch vm chain f ip sp cache_at oparg { break 'dispatch Ok(None); });
        #[allow(unused_macros)]
        macro_rules! exit {
            ($e:expr) => {
                break 'dispatch Ok(Some($e))
            };
        }
        /// As in the hot half: put the generic form back and run it instead.
        #[allow(unused_macros)]
        macro_rules! deopt {
            ($family:ident) => {{
                unsafe { specialize::unspecialize(cache_at, op::$family) };
                ip = cache_at;
                sync!();
                return execute_slow(vm, chain, op::$family, oparg);
            }};
        }
        match code {
            // The hot half's simple instructions, here for their wide-argument forms.
            op::LOAD_FAST => simple!(LOAD_FAST),
            op::LOAD_FAST_CHECK => simple!(LOAD_FAST_CHECK),
            op::LOAD_FAST_AND_CLEAR => simple!(LOAD_FAST_AND_CLEAR),
            op::STORE_FAST => simple!(STORE_FAST),
            op::LOAD_CONST => simple!(LOAD_CONST),
            op::COPY => simple!(COPY),
            op::SWAP => simple!(SWAP),
            op::IS_OP => simple!(IS_OP),
            op::JUMP_FORWARD => simple!(JUMP_FORWARD),
            op::JUMP_BACKWARD => simple!(JUMP_BACKWARD),
            op::JUMP_BACKWARD_NO_INTERRUPT => simple!(JUMP_BACKWARD_NO_INTERRUPT),
            op::POP_JUMP_IF_FALSE => simple!(POP_JUMP_IF_FALSE),
            op::POP_JUMP_IF_TRUE => simple!(POP_JUMP_IF_TRUE),
            op::POP_JUMP_IF_NONE => simple!(POP_JUMP_IF_NONE),
            op::POP_JUMP_IF_NOT_NONE => simple!(POP_JUMP_IF_NOT_NONE),
            op::LOAD_DEREF => simple!(LOAD_DEREF),
            op::LIST_APPEND => simple!(LIST_APPEND),
            op::RETURN_VALUE => simple!(RETURN_VALUE),
            op::RETURN_CONST => simple!(RETURN_CONST),
            op::DELETE_FAST => {
                if (*slot!(oparg as usize)).is_none() {
                    break 'dispatch Err(cold_error(unbound_local(vm, f, oparg)));
                }
                let old = (*slot!(oparg as usize)).take();
                drop(old);
            }
            op::END_SEND => {
                let v = pop!();
                let r = pop!();
                drop(r);
                push!(v);
            }
            op::UNARY_NEGATIVE => {
                let v = pop!();
                let r = tri!(number::negative(vm, &v));
                push!(r);
            }
            op::UNARY_NOT => {
                let v = pop!();
                let t = tri!(ob::is_true(vm, &v));
                push!(none::bool_value(!t));
            }
            op::UNARY_INVERT => {
                let v = pop!();
                let r = tri!(number::invert(vm, &v));
                push!(r);
            }
            op::BINARY_OP => {
                // SAFETY: `adaptive!` passes this instruction's opcode unit and first cache unit,
                // and the instruction is of the family `specialize::binary_op` handles.
                adaptive!(|instr, counter| unsafe { specialize::binary_op(peek!(2), peek!(1), oparg, instr, counter, slots!()) });
                skip_cache!(BINARY_OP);
                let rhs = pop!();
                let lhs = pop!();
                let r = match (lhs.as_small_int(), rhs.as_small_int()) {
                    (Some(a), Some(b)) => match int::small_int_binop(a, b, binop::base(oparg)) {
                        Some(v) => v,
                        None => tri!(number::binary_op(vm, &lhs, &rhs, oparg)),
                    },
                    _ => tri!(ops::binary_op_slow(vm, &lhs, &rhs, oparg)),
                };
                drop(lhs);
                drop(rhs);
                push!(r);
            }
            op::COMPARE_OP => {
                // SAFETY: `adaptive!` passes this instruction's opcode unit and first cache unit,
                // and the instruction is of the family `specialize::compare_op` handles.
                adaptive!(|instr, counter| unsafe { specialize::compare_op(peek!(2), peek!(1), oparg, instr, counter) });
                skip_cache!(COMPARE_OP);
                let rhs = pop!();
                let lhs = pop!();
                let cmp = CompareOp::from_u32(oparg >> 4);
                let r = match (lhs.as_small_int(), rhs.as_small_int()) {
                    (Some(a), Some(b)) => none::bool_value(cmp.test(a.cmp(&b))),
                    _ => tri!(ob::richcompare(vm, &lhs, &rhs, cmp)),
                };
                push!(r);
            }
            op::CONTAINS_OP => {
                if vm.config.specialize {
                    // SAFETY: `cache_at - 1` is this CONTAINS_OP's opcode unit.
                    unsafe { specialize::contains_op(peek!(1), cache_at.sub(1)) };
                }
                let container = pop!();
                let item = pop!();
                let r = tri!(ob::contains(vm, &container, &item));
                push!(none::bool_value(r != (oparg == 1)));
            }
            op::BINARY_SUBSCR => {
                // SAFETY: `adaptive!` passes this instruction's opcode unit and first cache unit,
                // and the instruction is of the family `specialize::binary_subscr` handles.
                adaptive!(|instr, counter| unsafe { specialize::binary_subscr(peek!(2), peek!(1), instr, counter) });
                skip_cache!(BINARY_SUBSCR);
                let sub = pop!();
                let container = pop!();
                let r = tri!(ops::subscr(vm, &container, &sub));
                push!(r);
            }
            op::STORE_SUBSCR => {
                // SAFETY: `adaptive!` passes this instruction's opcode unit and first cache unit,
                // and the instruction is of the family `specialize::store_subscr` handles.
                adaptive!(|instr, counter| unsafe { specialize::store_subscr(peek!(2), peek!(1), instr, counter) });
                skip_cache!(STORE_SUBSCR);
                let sub = pop!();
                let container = pop!();
                let v = pop!();
                tri!(ob::setitem(vm, &container, &sub, Some(&v)));
            }
            op::DELETE_SUBSCR => {
                let sub = pop!();
                let container = pop!();
                tri!(ob::setitem(vm, &container, &sub, None));
            }
            op::BINARY_SLICE => {
                let stop = pop!();
                let start = pop!();
                let container = pop!();
                let r = match ob::slice_simple(&container, &start, &stop) {
                    Some(r) => r,
                    None => {
                        let s = crate::objects::slice::new_slice(start, stop, none::none());
                        tri!(ob::getitem(vm, &container, &s))
                    }
                };
                push!(r);
            }
            op::STORE_SLICE => {
                let stop = pop!();
                let start = pop!();
                let container = pop!();
                let v = pop!();
                let s = crate::objects::slice::new_slice(start, stop, none::none());
                tri!(ob::setitem(vm, &container, &s, Some(&v)));
            }
            op::BUILD_SLICE => {
                let step = if oparg == 3 { pop!() } else { none::none() };
                let stop = pop!();
                let start = pop!();
                push!(crate::objects::slice::new_slice(start, stop, step));
            }
            op::GET_ITER => {
                let v = pop!();
                let it = tri!(iter::get_iter(vm, &v));
                push!(it);
            }
            op::GET_YIELD_FROM_ITER => {
                let v = pop!();
                let it = tri!(ops::get_yield_from_iter(vm, f, v));
                push!(it);
            }
            op::FOR_ITER => {
                // SAFETY: `adaptive!` passes this instruction's opcode unit and first cache unit,
                // and the instruction is of the family `specialize::for_iter` handles.
                adaptive!(|instr, counter| unsafe { specialize::for_iter(peek!(1), instr, counter) });
                skip_cache!(FOR_ITER);
                let next = tri!(ops::for_iter_next(vm, peek!(1)));
                match next {
                    Some(v) => push!(v),
                    None => {
                        let it = pop!();
                        drop(it);
                        // Skip the END_FOR at the target.
                        // SAFETY: the exhausted loop's exit (past its END_FOR) is a target the
                        // assembler computed inside this code object.
                        ip = unsafe { ip.add(oparg as usize + 1) };
                    }
                }
            }
            op::LOAD_GLOBAL => {
                // SAFETY: the compiler emits only name indices within `co_names`.
                let name = unsafe { code!().names.get_unchecked((oparg >> 1) as usize) };
                // SAFETY: `adaptive!` passes this instruction's opcode unit and first cache unit,
                // and the instruction is of the family `specialize::load_global` handles.
                adaptive!(|instr, counter| unsafe { specialize::load_global(&f.globals, &f.builtins, name, instr, counter) });
                skip_cache!(LOAD_GLOBAL);
                let found = match dict::get_str_key(&f.globals, name) {
                    Some(v) => Some(v),
                    None => dict::get_str_key(&f.builtins, name),
                };
                let v = match found {
                    Some(v) => v,
                    None => {
                        let n = name.clone();
                        break 'dispatch Err(cold_error(name_error(vm, &n)));
                    }
                };
                if oparg & 1 != 0 {
                    push_opt!(None);
                }
                push!(v);
            }
            op::STORE_GLOBAL => {
                let name = code!().names[oparg as usize].clone();
                let v = pop!();
                dict::dict_data(&f.globals).expect("globals").set_str(name, v);
            }
            op::DELETE_GLOBAL => {
                let name = code!().names[oparg as usize].clone();
                let g = (*f.globals).clone();
                if tri!(dict::dict_data(&g).expect("globals").remove(vm, &name)).is_none() {
                    break 'dispatch Err(cold_error(name_error(vm, &name)));
                }
            }
            op::LOAD_NAME => {
                let name = code!().names[oparg as usize].clone();
                let v = tri!(ops::load_name(vm, f, &name));
                push!(v);
            }
            op::STORE_NAME => {
                let name = code!().names[oparg as usize].clone();
                let v = pop!();
                let locals = f.locals.clone().expect("locals");
                match dict::dict_data(&locals) {
                    Some(d) if std::ptr::eq(locals.ty(), &dict::DICT_TYPE.0) => d.set_str(name, v),
                    _ => tri!(ob::setitem(vm, &locals, &name, Some(&v))),
                }
            }
            op::DELETE_NAME => {
                let name = code!().names[oparg as usize].clone();
                let locals = f.locals.clone().expect("locals");
                if let Err(e) = ob::setitem(vm, &locals, &name, None) {
                    if e.matches(exceptions::key_error()) {
                        break 'dispatch Err(cold_error(name_error(vm, &name)));
                    }
                    break 'dispatch Err(cold_error(e));
                }
            }
            op::LOAD_LOCALS => {
                let l = f.locals.clone().expect("locals");
                push!(l);
            }
            op::LOAD_FROM_DICT_OR_GLOBALS => {
                let mapping = pop!();
                let name = code!().names[oparg as usize].clone();
                let v = match tri!(ops::mapping_get(vm, &mapping, &name)) {
                    Some(v) => v,
                    None => match dict::get_str_key(&f.globals, &name).or_else(|| dict::get_str_key(&f.builtins, &name)) {
                        Some(v) => v,
                        None => break 'dispatch Err(cold_error(name_error(vm, &name))),
                    },
                };
                push!(v);
            }
            op::LOAD_FROM_DICT_OR_DEREF => {
                let mapping = pop!();
                let name = code!().localsplusnames[oparg as usize].clone();
                let v = match tri!(ops::mapping_get(vm, &mapping, &name)) {
                    Some(v) => v,
                    None => {
                        let cell = (*slot!(oparg as usize)).clone().expect("cell");
                        match function::cell_data(&cell).get() {
                            Some(v) => v,
                            None => break 'dispatch Err(cold_error(unbound_deref(vm, f, oparg))),
                        }
                    }
                };
                push!(v);
            }
            op::LOAD_ATTR => {
                // SAFETY: the compiler emits only name indices within `co_names`.
                let name = unsafe { code!().names.get_unchecked((oparg >> 1) as usize) };
                // SAFETY: `adaptive!` passes this instruction's opcode unit and first cache unit,
                // and the instruction is of the family `specialize::load_attr` handles.
                adaptive!(|instr, counter| unsafe { specialize::load_attr(peek!(1), name, oparg & 1 != 0, instr, counter) });
                skip_cache!(LOAD_ATTR);
                let name = name.clone();
                let owner = pop!();
                if oparg & 1 != 0 {
                    match tri!(ops::load_method(vm, &owner, &name)) {
                        (Some(meth), _) => {
                            push!(meth);
                            push!(owner);
                        }
                        (None, attr) => {
                            push_opt!(None);
                            push!(attr);
                        }
                    }
                } else {
                    let v = tri!(ob::getattr(vm, &owner, &name));
                    push!(v);
                }
            }
            op::STORE_ATTR => {
                // SAFETY: the compiler emits only name indices within `co_names`.
                let name = unsafe { code!().names.get_unchecked(oparg as usize) };
                // SAFETY: `adaptive!` passes this instruction's opcode unit and first cache unit,
                // and the instruction is of the family `specialize::store_attr` handles.
                adaptive!(|instr, counter| unsafe { specialize::store_attr(peek!(1), name, instr, counter) });
                skip_cache!(STORE_ATTR);
                let name = name.clone();
                let owner = pop!();
                let v = pop!();
                tri!(ob::setattr(vm, &owner, &name, Some(&v)));
            }
            op::DELETE_ATTR => {
                let name = code!().names[oparg as usize].clone();
                let owner = pop!();
                tri!(ob::setattr(vm, &owner, &name, None));
            }
            op::LOAD_SUPER_ATTR => {
                skip_cache!(LOAD_SUPER_ATTR);
                let name = code!().names[(oparg >> 2) as usize].clone();
                let self_ = pop!();
                let class = pop!();
                let global_super = pop!();
                let r = tri!(ops::load_super_attr(vm, &global_super, &class, &self_, &name, oparg));
                match r {
                    (Some(meth), _) => {
                        push!(meth);
                        push!(self_);
                    }
                    (None, attr) => {
                        if oparg & 1 != 0 {
                            push_opt!(None);
                        }
                        push!(attr);
                    }
                }
            }
            op::MAKE_CELL => simple!(MAKE_CELL),
            op::LOAD_CLOSURE => simple!(LOAD_CLOSURE),
            op::STORE_DEREF => simple!(STORE_DEREF),
            op::DELETE_DEREF => {
                let cell = (*slot!(oparg as usize)).clone().expect("cell");
                if function::cell_data(&cell).get().is_none() {
                    break 'dispatch Err(cold_error(unbound_deref(vm, f, oparg)));
                }
                function::cell_data(&cell).set(None);
            }
            op::COPY_FREE_VARS => simple!(COPY_FREE_VARS),
            op::BUILD_TUPLE => simple!(BUILD_TUPLE),
            op::BUILD_LIST => {
                let n = oparg as usize;
                let items = collect_top!(n);
                push!(list::new_list(items));
            }
            op::BUILD_SET => {
                let n = oparg as usize;
                let items = collect_top!(n);
                let s = crate::objects::set::new_set();
                for it in items {
                    tri!(crate::objects::set::set_add(vm, &s, it));
                }
                push!(s);
            }
            op::BUILD_MAP => {
                let n = oparg as usize;
                let items = collect_top!(2 * n);
                let d = dict::new_dict();
                let dd = dict::dict_data(&d).expect("dict");
                let mut it = items.into_iter();
                while let (Some(k), Some(v)) = (it.next(), it.next()) {
                    tri!(dd.set(vm, k, v));
                }
                push!(d);
            }
            op::BUILD_CONST_KEY_MAP => {
                let keys = pop!();
                let values = collect_top!(oparg as usize);
                let d = dict::new_dict();
                let dd = dict::dict_data(&d).expect("dict");
                for (k, v) in tuple::items(&keys).iter().zip(values) {
                    tri!(dd.set(vm, k.clone(), v));
                }
                push!(d);
            }
            op::BUILD_STRING => {
                let items = collect_top!(oparg as usize);
                push!(pystr::concat_items(&items));
            }
            op::SET_ADD => simple!(SET_ADD),
            op::MAP_ADD => simple!(MAP_ADD),
            op::LIST_EXTEND => {
                let it = pop!();
                let l = peek!(oparg as usize).clone();
                let items = match iter::collect(vm, &it) {
                    Ok(v) => v,
                    Err(e) if e.matches(exceptions::type_error()) && it.ty().slots.iter.get().is_none() && it.ty().slots.getitem.get().is_none() => {
                        break 'dispatch Err(cold_error(vm.type_error(format!("Value after * must be an iterable, not {}", it.ty().name()))))
                    }
                    Err(e) => break 'dispatch Err(cold_error(e)),
                };
                list::list_data(&l).expect("list").extend(items);
            }
            op::SET_UPDATE => {
                let it = pop!();
                let s = peek!(oparg as usize).clone();
                tri!(crate::objects::set::set_update(vm, &s, &it));
            }
            op::DICT_UPDATE => {
                let src = pop!();
                let d = peek!(oparg as usize).clone();
                if let Err(e) = crate::objects::dict_methods::merge(vm, &d, &src, true) {
                    if e.matches(exceptions::attribute_error()) || e.matches(exceptions::type_error()) && src.ty().lookup_str(vm, "keys").is_none() {
                        break 'dispatch Err(cold_error(vm.type_error(format!("'{}' object is not a mapping", src.ty().name()))));
                    }
                    break 'dispatch Err(cold_error(e));
                }
            }
            op::DICT_MERGE => {
                let src = pop!();
                let d = peek!(oparg as usize).clone();
                sync!();
                tri!(ops::dict_merge_kwargs(vm, f, &d, &src, oparg));
            }
            op::UNPACK_SEQUENCE => {
                // SAFETY: `adaptive!` passes this instruction's opcode unit and first cache unit,
                // and the instruction is of the family `specialize::unpack_sequence` handles.
                adaptive!(|instr, counter| unsafe { specialize::unpack_sequence(peek!(1), oparg as usize, instr, counter) });
                skip_cache!(UNPACK_SEQUENCE);
                let seq = pop!();
                sync!();
                let r = ops::unpack_sequence(vm, f, &seq, oparg as usize);
                resync!();
                tri!(r);
            }
            op::UNPACK_EX => {
                let seq = pop!();
                sync!();
                let r = ops::unpack_ex(vm, f, &seq, (oparg & 0xff) as usize, (oparg >> 8) as usize);
                resync!();
                tri!(r);
            }
            op::FORMAT_VALUE => {
                let spec = if oparg & 4 != 0 { Some(pop!()) } else { None };
                let v = pop!();
                let r = tri!(ops::format_value(vm, &v, oparg & 3, spec.as_ref()));
                push!(r);
            }
            op::KW_NAMES => simple!(KW_NAMES),
            op::CALL => {
                let nargs = oparg as usize;
                adaptive!(|instr, counter| {
                    let (callable, self_or_null) = match peek_opt!(nargs + 2) {
                        Some(m) => (m, Some(peek!(nargs + 1))),
                        None => (peek!(nargs + 1), None),
                    };
                    let (callable, self_or_null) = (callable.clone(), self_or_null.cloned());
                    // SAFETY: `adaptive!` passes this CALL's opcode unit and first cache unit; the
                    // callable and self-or-NULL are the stack items under the arguments.
                    unsafe { specialize::call(vm, &callable, self_or_null.as_ref(), nargs, f.kwnames.is_some(), instr, counter) }
                });
                skip_cache!(CALL);
                tri!(vm.check_eval_breaker());
                let kwnames = f.kwnames.take();
                // Stack: [callable_or_method, self_or_callable, args...]
                let is_meth = peek_opt!(nargs + 2).is_some();
                if !is_meth {
                    // Unpack bound methods into the method form.
                    if let Some(m) = peek!(nargs + 1).downcast_exact::<function::BoundMethodData>() {
                        let (func, self_) = (m.func.clone(), m.self_.clone());
                        // SAFETY: a call's stack holds callable, NULL (no self here) and `nargs`
                        // arguments, so `nargs + 2` slots are live; the NULL slot gets the function
                        // and the callable slot the bound self, the bound method's reference being
                        // dropped.
                        let base = unsafe { sp.sub(nargs + 2) };
                        // SAFETY: slot `base` (the NULL under the callable) is live.
                        unsafe { *base = Some(func) };
                        // SAFETY: slot `base + 1` (the callable, a bound method) is live; its
                        // reference is dropped after the replacement.
                        let bound = std::mem::replace(unsafe { &mut *base.add(1) }, Some(self_));
                        drop(bound);
                    }
                }
                let is_meth = peek_opt!(nargs + 2).is_some();
                let total = nargs + is_meth as usize;
                let callable = if is_meth { peek!(nargs + 2).clone() } else { peek!(nargs + 1).clone() };
                if let Some(fd) = callable.downcast_exact::<function::FunctionData>() {
                    let flags = fd.code_data().code.flags;
                    if flags & (co_flags::GENERATOR | co_flags::COROUTINE | co_flags::ASYNC_GENERATOR) == 0 {
                        // Python-to-Python call: push a frame, no Rust recursion.
                        let new = {
                            let args = top_slice!(total);
                            tri!(make_frame(vm, &callable, args, kwnames.as_ref()))
                        };
                        drop_n!(total);
                        drop_n!(2 - is_meth as usize);
                        enter_frame!(new);
                    }
                }
                let r = {
                    let args = top_slice!(total);
                    if crate::objects::descr::is_method_descriptor(&callable) {
                        crate::objects::descr::call_method_descr(vm, &callable, args, kwnames.as_ref())
                    } else {
                        crate::protocols::call::call(vm, &callable, args, kwnames.as_ref())
                    }
                };
                drop_n!(total);
                drop_n!(2 - is_meth as usize);
                let r = tri!(r);
                push!(r);
            }
            op::CALL_FUNCTION_EX => {
                let kwargs = if oparg & 1 != 0 { Some(pop!()) } else { None };
                let args = pop!();
                let callable = pop!();
                let null = pop_opt!();
                drop(null);
                let r = tri!(ops::call_function_ex(vm, &callable, &args, kwargs.as_ref()));
                push!(r);
            }
            op::CALL_INTRINSIC_1 => {
                let v = pop!();
                let r = tri!(ops::intrinsic1(vm, f, oparg, v));
                push!(r);
            }
            op::CALL_INTRINSIC_2 => {
                let v1 = pop!();
                let v2 = pop!();
                let r = tri!(ops::intrinsic2(vm, oparg, v2, v1));
                push!(r);
            }
            op::MAKE_FUNCTION => {
                let code = pop!();
                let closure = if oparg & 8 != 0 { Some(pop!()) } else { None };
                let annotations = if oparg & 4 != 0 { Some(pop!()) } else { None };
                let kwdefaults = if oparg & 2 != 0 { Some(pop!()) } else { None };
                let defaults = if oparg & 1 != 0 { Some(pop!()) } else { None };
                let func = function::new_function_with_closure(vm, code, (*f.globals).clone(), closure);
                {
                    let fd = function::function_data(&func);
                    // SAFETY: the function was just created; no other references exist.
                    unsafe {
                        *fd.defaults.get() = defaults;
                        *fd.kwdefaults.get() = kwdefaults;
                        *fd.annotations.get() = annotations;
                    }
                }
                push!(func);
            }
            op::RETURN_GENERATOR => {
                // Frames of generator functions are turned into generators by `make_frame`'s
                // callers before they run; reaching this instruction means resumption.
            }
            op::YIELD_VALUE => {
                let v = pop!();
                break 'dispatch Ok(Some(Exit::Yield(v)));
            }
            op::SEND => {
                skip_cache!(SEND);
                let v = pop!();
                let receiver = peek!(1).clone();
                match tri!(crate::objects::generator::send_to(vm, &receiver, v)) {
                    crate::objects::generator::SendResult::Yielded(y) => push!(y),
                    crate::objects::generator::SendResult::Returned(r) => {
                        push!(r);
                        // SAFETY: a forward jump's target, computed by the assembler, is an
                        // instruction of this code object.
                        ip = unsafe { ip.add(oparg as usize) };
                    }
                }
            }
            op::CLEANUP_THROW => {
                let exc = pop!();
                let last_sent = pop!();
                let sub_iter = pop!();
                drop(last_sent);
                drop(sub_iter);
                if exc.ty().is_subtype(exceptions::stop_iteration()) {
                    let value = tri!(ob::getattr_str(vm, &exc, "value"));
                    push!(none::none());
                    push!(value);
                } else {
                    break 'dispatch Err(cold_error(PyErr::from_value(exc)));
                }
            }
            op::GET_AWAITABLE => {
                let v = pop!();
                let it = tri!(ops::get_awaitable(vm, &v, oparg));
                push!(it);
            }
            op::GET_AITER => {
                let v = pop!();
                let it = tri!(ops::get_aiter(vm, &v));
                push!(it);
            }
            op::GET_ANEXT => {
                let awaitable = tri!(ops::get_anext(vm, peek!(1)));
                push!(awaitable);
            }
            op::BEFORE_ASYNC_WITH => {
                let mgr = pop!();
                let (exit, res) = tri!(ops::before_async_with(vm, &mgr));
                push!(exit);
                push!(res);
            }
            op::END_ASYNC_FOR => {
                // (awaitable, exc -- ): the loop ends on StopAsyncIteration; anything else
                // is re-raised.
                let exc = pop!();
                if exc.ty().is_subtype(exceptions::stop_async_iteration()) {
                    drop_n!(1);
                } else {
                    break 'dispatch Err(cold_error(PyErr::from_value(exc).reraised()));
                }
            }
            op::RAISE_VARARGS => {
                sync!();
                let r = ops::raise(vm, f, oparg);
                resync!();
                break 'dispatch Err(cold_error(r));
            }
            op::RERAISE => {
                // CPython also restores `f_lasti` from the stack here; the only observable effect
                // is `f_lineno` while unwinding, so Pyrite keeps the RERAISE position, which is
                // also what the exception-table lookup needs.
                let exc = pop!();
                break 'dispatch Err(cold_error(PyErr::from_value(exc).reraised()));
            }
            op::PUSH_EXC_INFO => {
                let exc = pop!();
                let prev = vm.handled_exception.replace(exc.clone()).unwrap_or_else(none::none);
                push!(prev);
                push!(exc);
            }
            op::POP_EXCEPT => {
                let prev = pop!();
                vm.handled_exception = if none::is_none(&prev) { None } else { Some(prev) };
            }
            op::CHECK_EXC_MATCH => {
                let ty = pop!();
                let exc = peek!(1).clone();
                tri!(ops::check_except_type(vm, &ty));
                let m = tri!(ob::isinstance(vm, &exc, &ty));
                push!(none::bool_value(m));
            }
            op::CHECK_EG_MATCH => {
                let match_type = pop!();
                let exc_value = pop!();
                let (rest, matched) = tri!(exceptions::check_eg_match(vm, exc_value, match_type));
                if !none::is_none(&matched) {
                    vm.handled_exception = Some(matched.clone());
                }
                push!(rest);
                push!(matched);
            }
            op::LOAD_ASSERTION_ERROR => push!(exceptions::ASSERTION_ERROR.to_value()),
            op::LOAD_BUILD_CLASS => {
                let key = vm.intern("__build_class__");
                match dict::get_str_key(&f.builtins, &key) {
                    Some(b) => push!(b),
                    None => break 'dispatch Err(cold_error(vm.name_error("__build_class__ not found"))),
                }
            }
            op::SETUP_ANNOTATIONS => {
                let locals = f.locals.clone().expect("locals");
                let key = vm.intern("__annotations__");
                let present = match dict::dict_data(&locals) {
                    Some(d) => d.get_str(&key).is_some(),
                    None => ob::getitem(vm, &locals, &key).is_ok(),
                };
                if !present {
                    tri!(ob::setitem(vm, &locals, &key, Some(&dict::new_dict())));
                }
            }
            op::BEFORE_WITH => {
                let mgr = pop!();
                let (exit, res) = tri!(ops::before_with(vm, &mgr));
                push!(exit);
                push!(res);
            }
            op::WITH_EXCEPT_START => {
                // Stack: exit, lasti, prev_exc, val
                let val = peek!(1).clone();
                let exit = peek!(4).clone();
                let tb = exceptions::exc_data(&val).traceback().unwrap_or_else(none::none);
                let ty = val.ty().to_value();
                let r = tri!(crate::protocols::call::call(vm, &exit, &[ty, val, tb], None));
                push!(r);
            }
            op::GET_LEN => {
                let n = tri!(ob::len(vm, peek!(1)));
                push!(int::from_usize(n));
            }
            op::MATCH_MAPPING => {
                let r = ops::is_mapping(peek!(1));
                push!(none::bool_value(r));
            }
            op::MATCH_SEQUENCE => {
                let r = ops::is_sequence(peek!(1));
                push!(none::bool_value(r));
            }
            op::MATCH_KEYS => {
                let keys = peek!(1).clone();
                let subject = peek!(2).clone();
                let r = tri!(ops::match_keys(vm, &subject, &keys));
                push!(r);
            }
            op::MATCH_CLASS => {
                let names = pop!();
                let cls = pop!();
                let subject = pop!();
                let r = tri!(ops::match_class(vm, &subject, &cls, oparg as usize, &names));
                push!(r);
            }
            op::IMPORT_NAME => {
                let name = code!().names[oparg as usize].clone();
                let fromlist = pop!();
                let level = pop!();
                let m = tri!(crate::import::import_name(vm, f, &name, &fromlist, &level));
                push!(m);
            }
            op::IMPORT_FROM => {
                let name = code!().names[oparg as usize].clone();
                let module = peek!(1).clone();
                let v = tri!(crate::import::import_from(vm, &module, &name));
                push!(v);
            }
            _ => {
                break 'dispatch Err(cold_error(vm.new_exception(exceptions::system_error(), format!("unknown opcode {code} ({})", Opcode::dispatch(code).name()))));
            }
        }
        break Ok(None);
    };
    sync!();
    result
}

/// Marks the error exits of the dispatch loop as unlikely, so that LLVM keeps the loop's
/// state in registers on the hot paths and spills only on the way out.
#[cold]
#[inline(never)]
fn cold_error(e: PyErr) -> PyErr {
    e
}

#[cold]
fn unbound_local(vm: &mut Vm, f: &Frame, oparg: u32) -> PyErr {
    let name = pystr::as_str(&f.code_data().localsplusnames[oparg as usize]).to_owned();
    vm.new_exception(exceptions::unbound_local_error(), format!("cannot access local variable '{name}' where it is not associated with a value"))
}

#[cold]
fn unbound_deref(vm: &mut Vm, f: &Frame, oparg: u32) -> PyErr {
    let cd = f.code_data();
    let name = pystr::as_str(&cd.localsplusnames[oparg as usize]).to_owned();
    let kind = cd.code.localspluskinds[oparg as usize];
    if kind & pyrite_bytecode::code::local_kind::FREE != 0 {
        vm.name_error(format!("cannot access free variable '{name}' where it is not associated with a value in enclosing scope"))
    } else {
        vm.new_exception(exceptions::unbound_local_error(), format!("cannot access local variable '{name}' where it is not associated with a value"))
    }
}

#[cold]
pub(crate) fn name_error(vm: &mut Vm, name: &Value) -> PyErr {
    let e = vm.name_error(format!("name '{}' is not defined", pystr::as_str(name)));
    exceptions::set_exc_attr(vm, &e.exc, "name", name.clone());
    e
}
