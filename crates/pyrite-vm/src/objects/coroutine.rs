//! Coroutines, the objects `async def` functions return, and their `__await__` iterator
//! (CPython: `PyCoro_Type` and `_PyCoroWrapper_Type` in `Objects/genobject.c`, and
//! `_PyCoro_GetAwaitableIter`). A coroutine is a generator's payload under its own type: the
//! frame machinery (resume, throw, close, `yield from` delegation) is `objects/generator.rs`'s.

use crate::object::{alloc_object, dealloc_payload, ObjHeader, Payload, PyObj, Value};
use crate::objects::generator::{self, GeneratorData};
use crate::objects::{none, str as pystr};
use crate::protocols::args::Spec;
use crate::typeobj::{flags, payload_of, GetSetDef, MethodDef, MethodKind, PyType, SlotDefs, StaticType};
use crate::vm::{PyResult, Vm};

/// A coroutine: the generator payload, typed `coroutine`.
#[repr(transparent)]
pub struct CoroutineData(pub(crate) GeneratorData);

impl Payload for CoroutineData {
    fn class() -> &'static PyType {
        &COROUTINE_TYPE
    }
}

pub static COROUTINE_TYPE: StaticType = StaticType::new(
    "coroutine",
    Some(&crate::objects::object::OBJECT_TYPE),
    flags::HAVE_GC | flags::HAS_FINALIZER,
    std::mem::size_of::<PyObj<CoroutineData>>(),
    dealloc_payload::<CoroutineData>,
    CORO_METHODS,
    CORO_GETSETS,
)
.with_slots(SlotDefs {
    repr: Some(coro_repr),
    am_await: Some(coro_await),
    traverse: Some(coro_traverse),
    clear: Some(generator::gen_clear),
    ..SlotDefs::EMPTY
});

fn coro_send(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    generator::send_method(vm, &Spec::one("coroutine.send"), args, kw)
}
fn coro_throw(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    const THROW: Spec = Spec::positional("coroutine.throw", generator::THROW_PARAMS);
    generator::throw_method(vm, &THROW, args, kw)
}
fn coro_close(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    generator::close_method(vm, &Spec::noargs("coroutine.close"), args, kw)
}

static CORO_METHODS: &[MethodDef] = &[
    MethodDef { name: "send", func: coro_send, kind: MethodKind::Instance, doc: "" },
    MethodDef { name: "throw", func: coro_throw, kind: MethodKind::Instance, doc: "" },
    MethodDef { name: "close", func: coro_close, kind: MethodKind::Instance, doc: "" },
];

/// `cr_origin`: None (Pyrite has no `sys.set_coroutine_origin_tracking_depth`).
fn coro_origin(_vm: &mut Vm, _v: &Value) -> PyResult<Value> {
    Ok(none::none())
}

static CORO_GETSETS: &[GetSetDef] = &[
    GetSetDef { name: "__name__", get: generator::gen_name, set: None },
    GetSetDef { name: "__qualname__", get: generator::gen_qualname, set: None },
    GetSetDef { name: "cr_code", get: generator::gen_code, set: None },
    GetSetDef { name: "cr_running", get: generator::gen_running, set: None },
    GetSetDef { name: "cr_frame", get: generator::gen_frame, set: None },
    GetSetDef { name: "cr_suspended", get: generator::gen_suspended, set: None },
    GetSetDef { name: "cr_await", get: generator::gen_yieldfrom, set: None },
    GetSetDef { name: "cr_origin", get: coro_origin, set: None },
];

fn coro_repr(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(pystr::from_string(format!("<coroutine object {} at {:#x}>", pystr::as_str(&generator::gen(v).qualname), v.bits())))
}

/// `am_await`: `coroutine.__await__()` is an iterator over the coroutine.
fn coro_await(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(alloc_object(&CORO_WRAPPER_TYPE, CoroWrapperData { coro: v.clone() }))
}

/// Is `v` something `await` takes as it is: a coroutine, or a generator whose code is marked
/// CO_ITERABLE_COROUTINE (`types.coroutine`)?
fn is_coroutine_like(v: &Value) -> bool {
    v.downcast_exact::<CoroutineData>().is_some()
        || (v.downcast_exact::<GeneratorData>().is_some() && generator::code_flags(v) & pyrite_bytecode::code::flags::ITERABLE_COROUTINE != 0)
}

/// The iterator `await o` drives (CPython's `_PyCoro_GetAwaitableIter`): a coroutine itself,
/// or what its type's `am_await` returns, which must be an iterator and not a coroutine.
pub fn get_awaitable_iter(vm: &mut Vm, o: &Value) -> PyResult<Value> {
    if is_coroutine_like(o) {
        return Ok(o.clone());
    }
    let Some(getter) = o.ty().slots.am_await.get() else {
        return Err(vm.type_error(format!("object {} can't be used in 'await' expression", o.ty().name())));
    };
    let r = getter(vm, o)?;
    if is_coroutine_like(&r) {
        return Err(vm.type_error("__await__() returned a coroutine"));
    }
    if r.ty().slots.iternext.get().is_none() {
        return Err(vm.type_error(format!("__await__() returned non-iterator of type '{}'", r.ty().name())));
    }
    Ok(r)
}

/// Is `o` a coroutine suspended in an `await` (GET_AWAITABLE refuses to await it again)?
pub fn is_awaiting(o: &Value) -> bool {
    o.downcast_exact::<CoroutineData>().is_some() && generator::yield_from_target(o).is_some()
}

// --- coroutine_wrapper: what `coroutine.__await__()` returns ------------------------------

pub struct CoroWrapperData {
    coro: Value,
}

impl Payload for CoroWrapperData {
    fn class() -> &'static PyType {
        &CORO_WRAPPER_TYPE
    }
}

pub static CORO_WRAPPER_TYPE: StaticType = StaticType::new(
    "coroutine_wrapper",
    Some(&crate::objects::object::OBJECT_TYPE),
    flags::HAVE_GC,
    std::mem::size_of::<PyObj<CoroWrapperData>>(),
    dealloc_payload::<CoroWrapperData>,
    WRAPPER_METHODS,
    &[],
)
.with_slots(SlotDefs {
    iter: Some(wrapper_iter),
    iternext: Some(wrapper_iternext),
    traverse: Some(wrapper_traverse),
    ..SlotDefs::EMPTY
});

fn wrapped(v: &Value) -> &Value {
    &v.downcast::<CoroWrapperData>().expect("coroutine_wrapper").coro
}

/// The wrapper's method called on its coroutine (`args[0]` replaced).
fn forward(vm: &mut Vm, args: &[Value], kw: Option<&Value>, f: crate::typeobj::NativeFn) -> PyResult<Value> {
    let mut a = args.to_vec();
    a[0] = wrapped(&args[0]).clone();
    f(vm, &a, kw)
}
fn wrapper_send(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    let [v] = Spec::one("coroutine_wrapper.send").parse(vm, &args[1..], kw)?;
    let coro = wrapped(&args[0]).clone();
    forward(vm, &[coro, v.expect("bound").clone()], None, coro_send)
}
fn wrapper_throw(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    forward(vm, args, kw, coro_throw)
}
fn wrapper_close(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    Spec::noargs("coroutine_wrapper.close").check(vm, &args[1..], kw)?;
    generator::close(vm, wrapped(&args[0]))?;
    Ok(none::none())
}

static WRAPPER_METHODS: &[MethodDef] = &[
    MethodDef { name: "send", func: wrapper_send, kind: MethodKind::Instance, doc: "" },
    MethodDef { name: "throw", func: wrapper_throw, kind: MethodKind::Instance, doc: "" },
    MethodDef { name: "close", func: wrapper_close, kind: MethodKind::Instance, doc: "" },
];

fn wrapper_iter(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(v.clone())
}
fn wrapper_iternext(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let coro = wrapped(v).clone();
    generator::gen_iternext(vm, &coro)
}

fn wrapper_traverse(h: &ObjHeader, visit: &mut dyn FnMut(&Value)) {
    // SAFETY: coroutine_wrapper objects only.
    let d = unsafe { payload_of::<CoroWrapperData>(h) };
    visit(&d.coro);
}

fn coro_traverse(h: &ObjHeader, visit: &mut dyn FnMut(&Value)) {
    // CoroutineData is `repr(transparent)` over GeneratorData.
    generator::gen_traverse(h, visit)
}

