//! Exception unwinding through the exception table and the traceback entries it adds
//! (CPython: `Python/ceval.c` exception_unwind, `PyTraceBack_Here`). Printing is in
//! `crate::traceback`.

use crate::object::Value;
use crate::objects::{exceptions, frameobj};
use crate::vm::{PyErr, Vm};

use super::frame::Frame;

/// Add a traceback entry for `f` unless the error is being re-raised from this frame.
pub fn record_traceback(vm: &mut Vm, f: &Frame, err: &mut PyErr) {
    let d = exceptions::exc_data(&err.exc);
    if d.reraised.replace(false) {
        return;
    }
    if d.traceback().is_none() && d.context().is_none() {
        super::ops::attach_context(vm, &err.exc);
    }
    add_traceback(vm, &err.exc, f);
}

/// Prepend a traceback entry for frame `f` to `exc.__traceback__`.
pub fn add_traceback(vm: &mut Vm, exc: &Value, f: &Frame) {
    let d = exceptions::exc_data(exc);
    let frame = frameobj::snapshot(vm, f);
    let tb = exceptions::new_traceback(d.traceback(), frame, f.lasti() as u32, f.lineno());
    d.set_traceback(Some(tb));
}

/// Find a handler for the current instruction; on success the frame's stack and ip are set
/// up for the handler (the caller pushes the exception).
pub fn find_handler(f: &mut Frame, _err: &PyErr) -> Option<()> {
    let entry = *f.code_data().code.find_handler(f.lasti() as u32)?;
    let depth = f.stack_base + entry.depth as usize;
    while f.sp > depth {
        f.sp -= 1;
        let v = f.slots[f.sp].take();
        drop(v);
    }
    if entry.lasti {
        let lasti = Value::int(f.lasti() as i64);
        f.push(lasti);
    }
    f.ip = entry.target as usize;
    Some(())
}
