//! Frame objects as Python sees them (`sys._getframe()`, `tb_frame`) (CPython:
//! `Objects/frameobject.c`). Pyrite makes them lazily as snapshots of a running frame.

use std::cell::Cell;

use crate::object::{alloc_object, dealloc_payload, ObjHeader, Payload, PyObj, Value};
use crate::objects::{function, none, str as pystr};
use crate::typeobj::{flags, payload_of, GetSetDef, PyType, StaticType, SlotDefs};
use crate::vm::{PyResult, Vm};

pub struct FrameObjectData {
    pub code: Value,
    pub globals: Value,
    pub locals: Option<Value>,
    pub lineno: Cell<u32>,
    pub lasti: u32,
    pub back: Option<Value>,
}

impl Payload for FrameObjectData {
    fn class() -> &'static PyType {
        &FRAME_TYPE
    }
}

pub static FRAME_TYPE: StaticType = StaticType::new(
    "frame",
    Some(&crate::objects::object::OBJECT_TYPE),
    flags::HAVE_GC,
    std::mem::size_of::<PyObj<FrameObjectData>>(),
    dealloc_payload::<FrameObjectData>,
    &[],
    FRAME_GETSETS,
)
.with_slots(SlotDefs {
    traverse: Some(frame_traverse),
    repr: Some(frame_repr),
    ..SlotDefs::EMPTY
});

/// A frame object describing the running frame `f`.
pub fn snapshot(_vm: &mut Vm, f: &crate::eval::frame::Frame) -> Value {
    alloc_object(&FRAME_TYPE, FrameObjectData {
        code: (*f.code).clone(),
        globals: (*f.globals).clone(),
        locals: f.locals.clone(),
        lineno: Cell::new(f.lineno()),
        lasti: f.lasti() as u32,
        back: None,
    })
}

pub fn new_frame_object(code: Value, globals: Value, locals: Option<Value>, lineno: u32, back: Option<Value>) -> Value {
    alloc_object(&FRAME_TYPE, FrameObjectData { code, globals, locals, lineno: Cell::new(lineno), lasti: 0, back })
}

/// (filename, function name, code) of a frame object for traceback printing.
pub fn describe(frame: &Value) -> (String, String, Option<Value>) {
    let d = frame.downcast::<FrameObjectData>().expect("frame");
    let cd = function::code_data(&d.code);
    (cd.code.filename.clone(), cd.code.name.clone(), Some(d.code.clone()))
}

fn fd(v: &Value) -> &FrameObjectData {
    v.downcast::<FrameObjectData>().expect("frame")
}
fn f_code(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(fd(v).code.clone())
}
fn f_globals(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(fd(v).globals.clone())
}
fn f_locals(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(fd(v).locals.clone().unwrap_or_else(crate::objects::dict::new_dict))
}
fn f_lineno(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(Value::int(fd(v).lineno.get() as i64))
}
fn f_lasti(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(Value::int(fd(v).lasti as i64 * 2))
}
fn f_back(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(fd(v).back.clone().unwrap_or_else(none::none))
}

static FRAME_GETSETS: &[GetSetDef] = &[
    GetSetDef { name: "f_code", get: f_code, set: None },
    GetSetDef { name: "f_globals", get: f_globals, set: None },
    GetSetDef { name: "f_locals", get: f_locals, set: None },
    GetSetDef { name: "f_lineno", get: f_lineno, set: None },
    GetSetDef { name: "f_lasti", get: f_lasti, set: None },
    GetSetDef { name: "f_back", get: f_back, set: None },
];

fn frame_repr(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let d = fd(v);
    let cd = function::code_data(&d.code);
    Ok(pystr::from_string(format!(
        "<frame at {:#x}, file '{}', line {}, code {}>",
        v.bits(),
        cd.code.filename,
        d.lineno.get(),
        cd.code.name
    )))
}

fn frame_traverse(h: &ObjHeader, visit: &mut dyn FnMut(&Value)) {
    // SAFETY: frames only.
    let d = unsafe { payload_of::<FrameObjectData>(h) };
    visit(&d.code);
    visit(&d.globals);
    if let Some(l) = &d.locals {
        visit(l);
    }
    if let Some(b) = &d.back {
        visit(b);
    }
}
