//! Built-in functions and descriptors: builtin functions and bound builtin methods, method
//! descriptors of built-in types, slot wrappers, getset and member descriptors, `classmethod`,
//! `staticmethod`, `property` (CPython: `Objects/descrobject.c`, `Objects/methodobject.c`,
//! `Objects/funcobject.c` for classmethod/staticmethod).

use std::cell::UnsafeCell;

use crate::object::{alloc_object, dealloc_payload, ObjHeader, Payload, PyObj, Value};
use crate::protocols::args::{Param, Spec};
use crate::objects::{function::FunctionData, none, str as pystr};
use crate::typeobj::{flags, payload_of, GetSetDef, MethodDef, MethodKind, NativeFn, PyType, StaticType, SlotDefs};
use crate::vm::{PyResult, Vm};

// ---------------------------------------------------------------------------------------
// builtin_function_or_method

pub struct BuiltinFunctionData {
    pub name: &'static str,
    pub func: NativeFn,
    /// The bound `self` (a module for module functions, the instance for bound methods).
    pub self_: Option<Value>,
    /// For bound methods of built-in types: the type that defined the method (for repr).
    pub bound_method: bool,
}

impl Payload for BuiltinFunctionData {
    fn class() -> &'static PyType {
        &BUILTIN_FUNCTION_TYPE
    }
}

pub static BUILTIN_FUNCTION_TYPE: StaticType = StaticType::new(
    "builtin_function_or_method",
    Some(&crate::objects::object::OBJECT_TYPE),
    flags::HAVE_GC,
    std::mem::size_of::<PyObj<BuiltinFunctionData>>(),
    dealloc_payload::<BuiltinFunctionData>,
    &[],
    BUILTIN_FUNCTION_GETSETS,
)
.with_slots(SlotDefs {
    traverse: Some(builtin_traverse),
    repr: Some(builtin_repr),
    call: Some(builtin_call),
    ..SlotDefs::EMPTY
});

/// A module-level builtin function (no bound self).
pub fn new_builtin_function(name: &'static str, func: NativeFn) -> Value {
    alloc_object(&BUILTIN_FUNCTION_TYPE, BuiltinFunctionData { name, func, self_: None, bound_method: false })
}

fn builtin_call(vm: &mut Vm, callable: &Value, args: &[Value], kwnames: Option<&Value>) -> PyResult<Value> {
    let d = callable.downcast::<BuiltinFunctionData>().expect("builtin");
    match (&d.self_, d.bound_method) {
        (Some(s), true) => {
            let mut full = Vec::with_capacity(args.len() + 1);
            full.push(s.clone());
            full.extend_from_slice(args);
            (d.func)(vm, &full, kwnames)
        }
        _ => (d.func)(vm, args, kwnames),
    }
}

fn builtin_repr(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let d = v.downcast::<BuiltinFunctionData>().expect("builtin");
    match (&d.self_, d.bound_method) {
        (Some(s), true) => Ok(pystr::from_string(format!(
            "<built-in method {} of {} object at {:#x}>",
            d.name,
            s.ty().name(),
            s.bits()
        ))),
        _ => Ok(pystr::from_string(format!("<built-in function {}>", d.name))),
    }
}

fn builtin_traverse(h: &ObjHeader, visit: &mut dyn FnMut(&Value)) {
    // SAFETY: called for builtin functions only.
    let d = unsafe { payload_of::<BuiltinFunctionData>(h) };
    if let Some(s) = &d.self_ {
        visit(s);
    }
}

fn builtin_get_name(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(pystr::new_str(v.downcast::<BuiltinFunctionData>().expect("builtin").name))
}
fn builtin_get_self(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(v.downcast::<BuiltinFunctionData>().expect("builtin").self_.clone().unwrap_or_else(none::none))
}

static BUILTIN_FUNCTION_GETSETS: &[GetSetDef] = &[
    GetSetDef { name: "__name__", get: builtin_get_name, set: None },
    GetSetDef { name: "__qualname__", get: builtin_get_name, set: None },
    GetSetDef { name: "__self__", get: builtin_get_self, set: None },
];

// ---------------------------------------------------------------------------------------
// method_descriptor / classmethod_descriptor: methods of built-in types

pub struct MethodDescrData {
    pub def: &'static MethodDef,
    pub owner: &'static PyType,
}

impl Payload for MethodDescrData {
    fn class() -> &'static PyType {
        &METHOD_DESCR_TYPE
    }
}

pub static METHOD_DESCR_TYPE: StaticType = StaticType::new(
    "method_descriptor",
    Some(&crate::objects::object::OBJECT_TYPE),
    0,
    std::mem::size_of::<PyObj<MethodDescrData>>(),
    dealloc_payload::<MethodDescrData>,
    &[],
    DESCR_GETSETS,
)
.with_slots(SlotDefs {
    repr: Some(method_descr_repr),
    call: Some(method_descr_call),
    descr_get: Some(method_descr_get),
    ..SlotDefs::EMPTY
});

pub static CLASSMETHOD_DESCR_TYPE: StaticType = StaticType::new(
    "classmethod_descriptor",
    Some(&crate::objects::object::OBJECT_TYPE),
    0,
    std::mem::size_of::<PyObj<MethodDescrData>>(),
    dealloc_payload::<MethodDescrData>,
    &[],
    DESCR_GETSETS,
)
.with_slots(SlotDefs {
    repr: Some(method_descr_repr),
    call: Some(method_descr_call),
    descr_get: Some(classmethod_descr_get),
    ..SlotDefs::EMPTY
});

pub fn new_method_descr(def: &'static MethodDef, owner: &'static PyType) -> Value {
    let ty = match def.kind {
        MethodKind::Class => &CLASSMETHOD_DESCR_TYPE,
        _ => &METHOD_DESCR_TYPE,
    };
    alloc_object(ty, MethodDescrData { def, owner })
}

/// Is `v` a method descriptor of a built-in type (callable with self as the first argument)?
#[inline]
pub fn is_method_descriptor(v: &Value) -> bool {
    !v.is_small_int() && std::ptr::eq(v.ty(), &METHOD_DESCR_TYPE.0)
}

#[cold]
fn descr_type_error(vm: &mut Vm, d: &MethodDescrData, obj: &Value) -> crate::vm::PyErr {
    vm.type_error(format!(
        "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
        d.def.name,
        d.owner.name(),
        obj.ty().name()
    ))
}

fn method_descr_call(vm: &mut Vm, callable: &Value, args: &[Value], kwnames: Option<&Value>) -> PyResult<Value> {
    // SAFETY: both method-descriptor types carry `MethodDescrData`.
    let d = unsafe { callable.payload_unchecked::<MethodDescrData>() };
    let npos = crate::protocols::args::npositional(args, kwnames);
    if npos == 0 {
        return Err(vm.type_error(format!("unbound method {}.{}() needs an argument", d.owner.name(), d.def.name)));
    }
    if !args[0].ty().is_subtype(d.owner) {
        return Err(descr_type_error(vm, d, &args[0]));
    }
    (d.def.func)(vm, args, kwnames)
}

/// Call a method descriptor with self as `args[0]` (used by the eval loop's method calls).
#[inline]
pub fn call_method_descr(vm: &mut Vm, callable: &Value, args: &[Value], kwnames: Option<&Value>) -> PyResult<Value> {
    method_descr_call(vm, callable, args, kwnames)
}

fn method_descr_get(vm: &mut Vm, descr: &Value, obj: Option<&Value>, _ty: &Value) -> PyResult<Value> {
    // SAFETY: both method-descriptor types carry `MethodDescrData`.
    let d = unsafe { descr.payload_unchecked::<MethodDescrData>() };
    match obj {
        None => Ok(descr.clone()),
        Some(o) => {
            if !o.ty().is_subtype(d.owner) {
                return Err(descr_type_error(vm, d, o));
            }
            Ok(alloc_object(&BUILTIN_FUNCTION_TYPE, BuiltinFunctionData {
                name: d.def.name,
                func: d.def.func,
                self_: Some(o.clone()),
                bound_method: true,
            }))
        }
    }
}

fn classmethod_descr_get(_vm: &mut Vm, descr: &Value, obj: Option<&Value>, ty: &Value) -> PyResult<Value> {
    // SAFETY: both method-descriptor types carry `MethodDescrData`.
    let d = unsafe { descr.payload_unchecked::<MethodDescrData>() };
    let cls = match obj {
        Some(o) if none::is_none(ty) => o.ty().to_value(),
        _ => ty.clone(),
    };
    Ok(alloc_object(&BUILTIN_FUNCTION_TYPE, BuiltinFunctionData {
        name: d.def.name,
        func: d.def.func,
        self_: Some(cls),
        bound_method: true,
    }))
}

fn method_descr_repr(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    // SAFETY: both method-descriptor types carry `MethodDescrData`.
    let d = unsafe { v.payload_unchecked::<MethodDescrData>() };
    Ok(pystr::from_string(format!("<method '{}' of '{}' objects>", d.def.name, d.owner.name())))
}

fn descr_get_name(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    if let Some(d) = v.downcast::<MethodDescrData>() {
        return Ok(pystr::new_str(d.def.name));
    }
    if let Some(d) = v.downcast::<GetSetDescrData>() {
        return Ok(pystr::new_str(d.def.name));
    }
    if let Some(d) = v.downcast::<SlotWrapperData>() {
        return Ok(pystr::new_str(d.name));
    }
    Ok(none::none())
}

fn descr_get_objclass(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    if let Some(d) = v.downcast::<MethodDescrData>() {
        return Ok(d.owner.to_value());
    }
    if let Some(d) = v.downcast::<GetSetDescrData>() {
        return Ok(d.owner.to_value());
    }
    if let Some(d) = v.downcast::<SlotWrapperData>() {
        return Ok(d.owner.to_value());
    }
    Ok(none::none())
}

fn descr_get_doc(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    if let Some(d) = v.downcast::<MethodDescrData>() {
        if !d.def.doc.is_empty() {
            return Ok(pystr::new_str(d.def.doc));
        }
    }
    Ok(none::none())
}

static DESCR_GETSETS: &[GetSetDef] = &[
    GetSetDef { name: "__name__", get: descr_get_name, set: None },
    GetSetDef { name: "__qualname__", get: descr_get_name, set: None },
    GetSetDef { name: "__objclass__", get: descr_get_objclass, set: None },
    GetSetDef { name: "__doc__", get: descr_get_doc, set: None },
];

// ---------------------------------------------------------------------------------------
// getset_descriptor

pub struct GetSetDescrData {
    pub def: &'static GetSetDef,
    pub owner: &'static PyType,
}

impl Payload for GetSetDescrData {
    fn class() -> &'static PyType {
        &GETSET_DESCR_TYPE
    }
}

pub static GETSET_DESCR_TYPE: StaticType = StaticType::new(
    "getset_descriptor",
    Some(&crate::objects::object::OBJECT_TYPE),
    0,
    std::mem::size_of::<PyObj<GetSetDescrData>>(),
    dealloc_payload::<GetSetDescrData>,
    &[],
    DESCR_GETSETS,
)
.with_slots(SlotDefs {
    repr: Some(getset_repr),
    descr_get: Some(getset_get),
    descr_set: Some(getset_set),
    ..SlotDefs::EMPTY
});

pub fn new_getset_descr(def: &'static GetSetDef, owner: &'static PyType) -> Value {
    alloc_object(&GETSET_DESCR_TYPE, GetSetDescrData { def, owner })
}

fn getset_get(vm: &mut Vm, descr: &Value, obj: Option<&Value>, _ty: &Value) -> PyResult<Value> {
    let d = descr.downcast::<GetSetDescrData>().expect("getset");
    match obj {
        None => Ok(descr.clone()),
        Some(o) => {
            if !o.ty().is_subtype(d.owner) {
                return Err(vm.type_error(format!(
                    "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
                    d.def.name,
                    d.owner.name(),
                    o.ty().name()
                )));
            }
            (d.def.get)(vm, o)
        }
    }
}

fn getset_set(vm: &mut Vm, descr: &Value, obj: &Value, value: Option<&Value>) -> PyResult<()> {
    let d = descr.downcast::<GetSetDescrData>().expect("getset");
    match d.def.set {
        Some(f) => f(vm, obj, value),
        None => Err(vm.attribute_error(format!(
            "attribute '{}' of '{}' objects is not writable",
            d.def.name,
            d.owner.name()
        ))),
    }
}

fn getset_repr(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let d = v.downcast::<GetSetDescrData>().expect("getset");
    Ok(pystr::from_string(format!("<attribute '{}' of '{}' objects>", d.def.name, d.owner.name())))
}

// ---------------------------------------------------------------------------------------
// member_descriptor: one `__slots__` entry of a Python class

pub struct MemberDescrData {
    pub name: Value,
    pub owner: Value,
    /// Byte offset of the slot cell in instances.
    pub offset: usize,
}

impl Payload for MemberDescrData {
    fn class() -> &'static PyType {
        &MEMBER_DESCR_TYPE
    }
}

pub static MEMBER_DESCR_TYPE: StaticType = StaticType::new(
    "member_descriptor",
    Some(&crate::objects::object::OBJECT_TYPE),
    // A slot's descriptor refers to its class, which refers to it: a cycle the collector
    // must see (CPython's member descriptors are GC types too).
    flags::HAVE_GC,
    std::mem::size_of::<PyObj<MemberDescrData>>(),
    dealloc_payload::<MemberDescrData>,
    &[],
    &[],
)
.with_slots(SlotDefs {
    traverse: Some(member_traverse),
    repr: Some(member_repr),
    descr_get: Some(member_get),
    descr_set: Some(member_set),
    ..SlotDefs::EMPTY
});

pub fn new_member_descr(name: Value, owner: Value, offset: usize) -> Value {
    alloc_object(&MEMBER_DESCR_TYPE, MemberDescrData { name, owner, offset })
}

#[cold]
fn member_type_error(vm: &mut Vm, d: &MemberDescrData, owner: &PyType, obj: &Value) -> crate::vm::PyErr {
    vm.type_error(format!(
        "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
        pystr::as_str(&d.name),
        owner.name(),
        obj.ty().name()
    ))
}

fn member_get(vm: &mut Vm, descr: &Value, obj: Option<&Value>, _ty: &Value) -> PyResult<Value> {
    let d = descr.downcast::<MemberDescrData>().expect("member");
    let Some(o) = obj else { return Ok(descr.clone()) };
    // SAFETY: the owner type is a base of `o`'s type, so the slot offset is in bounds.
    let owner = unsafe { d.owner.as_type_unchecked() };
    if !o.ty().is_subtype(owner) {
        return Err(member_type_error(vm, d, owner, o));
    }
    // SAFETY: a member descriptor's offset names a slot cell of its owner's layout, and `o` is an
    // instance of the owner (checked just above).
    let cell = unsafe { crate::typeobj::instance_slot_cell(o, d.offset) };
    // SAFETY: single-threaded read of the cell.
    match unsafe { &*cell.get() } {
        Some(v) => Ok(v.clone()),
        None => Err(vm.attribute_error(format!("'{}' object has no attribute '{}'", o.ty().name(), pystr::as_str(&d.name)))),
    }
}

fn member_set(vm: &mut Vm, descr: &Value, obj: &Value, value: Option<&Value>) -> PyResult<()> {
    let d = descr.downcast::<MemberDescrData>().expect("member");
    // SAFETY: owner is a type.
    let owner = unsafe { d.owner.as_type_unchecked() };
    if !obj.ty().is_subtype(owner) {
        return Err(member_type_error(vm, d, owner, obj));
    }
    // SAFETY: as in `member_get`.
    let cell = unsafe { crate::typeobj::instance_slot_cell(obj, d.offset) };
    // SAFETY: the slot cell of `obj` (above); no other borrow of it is alive, and the old value is
    // dropped only after the write.
    let old = unsafe { &mut *cell.get() };
    if value.is_none() && old.is_none() {
        return Err(vm.attribute_error(format!("'{}' object has no attribute '{}'", obj.ty().name(), pystr::as_str(&d.name))));
    }
    let prev = std::mem::replace(old, value.cloned());
    drop(prev);
    Ok(())
}

fn member_repr(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let d = v.downcast::<MemberDescrData>().expect("member");
    // SAFETY: owner is a type.
    let owner = unsafe { d.owner.as_type_unchecked() };
    Ok(pystr::from_string(format!("<member '{}' of '{}' objects>", pystr::as_str(&d.name), owner.name())))
}

fn member_traverse(h: &ObjHeader, visit: &mut dyn FnMut(&Value)) {
    // SAFETY: called for member descriptors only.
    let d = unsafe { payload_of::<MemberDescrData>(h) };
    visit(&d.owner);
}

// ---------------------------------------------------------------------------------------
// wrapper_descriptor: `int.__add__`, `object.__init__`... backed by a type's slot

/// Which slot a wrapper calls.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum SlotKind {
    Repr,
    Str,
    Hash,
    Call,
    Iter,
    Next,
    Init,
    New,
    GetAttribute,
    SetAttr,
    DelAttr,
    RichCompare(crate::typeobj::CompareOp),
    Binary(u32),
    ReflectedBinary(u32),
    InplaceBinary(u32),
    Neg,
    Pos,
    Invert,
    Abs,
    Bool,
    Int,
    Float,
    Index,
    Len,
    GetItem,
    SetItem,
    DelItem,
    Contains,
    Get,
    Set,
    Delete,
    Await,
    AIter,
    ANext,
}

pub struct SlotWrapperData {
    pub name: &'static str,
    pub kind: SlotKind,
    pub owner: &'static PyType,
}

impl Payload for SlotWrapperData {
    fn class() -> &'static PyType {
        &SLOT_WRAPPER_TYPE
    }
}

pub static SLOT_WRAPPER_TYPE: StaticType = StaticType::new(
    "wrapper_descriptor",
    Some(&crate::objects::object::OBJECT_TYPE),
    0,
    std::mem::size_of::<PyObj<SlotWrapperData>>(),
    dealloc_payload::<SlotWrapperData>,
    &[],
    DESCR_GETSETS,
)
.with_slots(SlotDefs {
    repr: Some(slot_wrapper_repr),
    call: Some(slot_wrapper_call),
    descr_get: Some(slot_wrapper_get),
    ..SlotDefs::EMPTY
});

/// `method-wrapper`: a slot wrapper bound to an instance.
pub struct MethodWrapperData {
    pub wrapper: Value,
    pub self_: Value,
}

impl Payload for MethodWrapperData {
    fn class() -> &'static PyType {
        &METHOD_WRAPPER_TYPE
    }
}

pub static METHOD_WRAPPER_TYPE: StaticType = StaticType::new(
    "method-wrapper",
    Some(&crate::objects::object::OBJECT_TYPE),
    flags::HAVE_GC,
    std::mem::size_of::<PyObj<MethodWrapperData>>(),
    dealloc_payload::<MethodWrapperData>,
    &[],
    &[],
)
.with_slots(SlotDefs {
    traverse: Some(method_wrapper_traverse),
    repr: Some(method_wrapper_repr),
    call: Some(method_wrapper_call),
    ..SlotDefs::EMPTY
});

pub fn new_slot_wrapper(name: &'static str, kind: SlotKind, owner: &'static PyType) -> Value {
    alloc_object(&SLOT_WRAPPER_TYPE, SlotWrapperData { name, kind, owner })
}

/// Is `v` the slot wrapper of a built-in type for `kind` (so a heap type can inherit the
/// slot function itself instead of going through a Python-level lookup)?
pub fn slot_wrapper_owner(v: &Value, kind: SlotKind) -> Option<&'static PyType> {
    let d = v.downcast_exact::<SlotWrapperData>()?;
    if d.kind == kind { Some(d.owner) } else { None }
}

fn slot_wrapper_call(vm: &mut Vm, callable: &Value, args: &[Value], kwnames: Option<&Value>) -> PyResult<Value> {
    let d = callable.downcast::<SlotWrapperData>().expect("wrapper");
    let Some(self_) = args.first() else {
        // `T.__new__` is CPython's `tp_new_wrapper`, which words it so.
        if matches!(d.kind, SlotKind::New) {
            return Err(vm.type_error(format!("{}.__new__(): not enough arguments", d.owner.name())));
        }
        return Err(vm.type_error(format!("descriptor '{}' of '{}' object needs an argument", d.name, d.owner.name())));
    };
    if !self_.ty().is_subtype(d.owner) && !matches!(d.kind, SlotKind::New) {
        return Err(vm.type_error(format!(
            "descriptor '{}' requires a '{}' object but received a '{}'",
            d.name,
            d.owner.name(),
            self_.ty().name()
        )));
    }
    call_slot(vm, d.kind, d.owner, d.name, self_, &args[1..], kwnames)
}

/// Invoke `owner`'s slot `kind` on `self_` with `args` (what a slot wrapper does).
pub fn call_slot(vm: &mut Vm, kind: SlotKind, owner: &PyType, name: &str, self_: &Value, args: &[Value], kwnames: Option<&Value>) -> PyResult<Value> {
    use crate::protocols::object as ob;
    let s = &owner.slots;
    let nargs = args.len();
    // `wrapperdescr_call` refuses keywords; each `wrap_*` function checks the count.
    const UNPACK_TWO: Spec = Spec::positional("", &[Param::pos("a"), Param::pos("b")]);
    const UNPACK_GET: Spec = Spec::positional("", &[Param::pos("instance"), Param::pos_opt("owner")]);
    let need = |vm: &mut Vm, n: usize| -> PyResult<()> {
        if kwnames.is_some_and(|k| !crate::objects::tuple::items(k).is_empty()) {
            return Err(vm.type_error(format!("wrapper {name}() takes no keyword arguments")));
        }
        if n == 2 {
            UNPACK_TWO.check(vm, args, None).map(|_| ())
        } else {
            crate::protocols::args::check_num_args(vm, args, n)
        }
    };
    match kind {
        SlotKind::Init => {
            let f = s.init.get().unwrap_or(crate::objects::object::object_init);
            f(vm, self_, args, kwnames)?;
            Ok(none::none())
        }
        SlotKind::New => {
            // `T.__new__(cls, *args)`: self_ is the class.
            let Some(cls) = self_.as_type() else {
                return Err(vm.type_error(format!("{}.__new__(X): X is not a type object ({})", owner.name(), self_.ty().name())));
            };
            if !cls.is_subtype(owner) {
                return Err(vm.type_error(format!("{}.__new__({}): {} is not a subtype of {}", owner.name(), cls.name(), cls.name(), owner.name())));
            }
            let f = s.new.get().ok_or_else(|| vm.type_error(format!("cannot create '{}' instances", owner.name())))?;
            f(vm, self_, args, kwnames)
        }
        SlotKind::Call => {
            let f = s.call.get().ok_or_else(|| vm.type_error("not callable"))?;
            f(vm, self_, args, kwnames)
        }
        _ => {
            let f_missing = |vm: &mut Vm| vm.type_error(format!("'{}' slot missing", name));
            match kind {
                SlotKind::Repr => { need(vm, 0)?; (s.repr.get().unwrap_or(crate::objects::object::object_repr))(vm, self_) }
                SlotKind::Str => { need(vm, 0)?; match s.str.get() { Some(f) => f(vm, self_), None => ob::repr(vm, self_) } }
                SlotKind::Hash => { need(vm, 0)?; let f = s.hash.get().ok_or_else(|| f_missing(vm))?; Ok(Value::int(f(vm, self_)?)) }
                SlotKind::Iter => { need(vm, 0)?; let f = s.iter.get().ok_or_else(|| f_missing(vm))?; f(vm, self_) }
                SlotKind::Await => { need(vm, 0)?; let f = s.am_await.get().ok_or_else(|| f_missing(vm))?; f(vm, self_) }
                SlotKind::AIter => { need(vm, 0)?; let f = s.am_aiter.get().ok_or_else(|| f_missing(vm))?; f(vm, self_) }
                SlotKind::ANext => { need(vm, 0)?; let f = s.am_anext.get().ok_or_else(|| f_missing(vm))?; f(vm, self_) }
                SlotKind::Next => {
                    need(vm, 0)?;
                    let f = s.iternext.get().ok_or_else(|| f_missing(vm))?;
                    match f(vm, self_)? { Some(v) => Ok(v), None => Err(vm.stop_iteration(None)) }
                }
                SlotKind::GetAttribute => { need(vm, 1)?; let f = s.getattro.get().unwrap_or(crate::objects::object::generic_getattr); check_name(vm, &args[0])?; f(vm, self_, &args[0]) }
                SlotKind::SetAttr => { need(vm, 2)?; let f = s.setattro.get().unwrap_or(crate::objects::object::generic_setattr); check_name(vm, &args[0])?; f(vm, self_, &args[0], Some(&args[1]))?; Ok(none::none()) }
                SlotKind::DelAttr => { need(vm, 1)?; let f = s.setattro.get().unwrap_or(crate::objects::object::generic_setattr); check_name(vm, &args[0])?; f(vm, self_, &args[0], None)?; Ok(none::none()) }
                SlotKind::RichCompare(op) => { need(vm, 1)?; let f = s.richcompare.get().ok_or_else(|| f_missing(vm))?; f(vm, self_, &args[0], op) }
                SlotKind::Binary(op) => { need(vm, 1)?; let f = s.nb[op as usize].get().ok_or_else(|| f_missing(vm))?; f(vm, self_, &args[0]) }
                SlotKind::ReflectedBinary(op) => { need(vm, 1)?; let f = s.nb[op as usize].get().ok_or_else(|| f_missing(vm))?; f(vm, &args[0], self_) }
                SlotKind::InplaceBinary(op) => { need(vm, 1)?; let f = s.nb_inplace[op as usize].get().ok_or_else(|| f_missing(vm))?; f(vm, self_, &args[0]) }
                SlotKind::Neg => { need(vm, 0)?; let f = s.nb_negative.get().ok_or_else(|| f_missing(vm))?; f(vm, self_) }
                SlotKind::Pos => { need(vm, 0)?; let f = s.nb_positive.get().ok_or_else(|| f_missing(vm))?; f(vm, self_) }
                SlotKind::Invert => { need(vm, 0)?; let f = s.nb_invert.get().ok_or_else(|| f_missing(vm))?; f(vm, self_) }
                SlotKind::Abs => { need(vm, 0)?; let f = s.nb_absolute.get().ok_or_else(|| f_missing(vm))?; f(vm, self_) }
                SlotKind::Bool => { need(vm, 0)?; let f = s.nb_bool.get().ok_or_else(|| f_missing(vm))?; Ok(none::bool_value(f(vm, self_)?)) }
                SlotKind::Int => { need(vm, 0)?; let f = s.nb_int.get().ok_or_else(|| f_missing(vm))?; f(vm, self_) }
                SlotKind::Float => { need(vm, 0)?; let f = s.nb_float.get().ok_or_else(|| f_missing(vm))?; f(vm, self_) }
                SlotKind::Index => { need(vm, 0)?; let f = s.nb_index.get().ok_or_else(|| f_missing(vm))?; f(vm, self_) }
                SlotKind::Len => { need(vm, 0)?; let f = s.len.get().ok_or_else(|| f_missing(vm))?; Ok(Value::int(f(vm, self_)? as i64)) }
                SlotKind::GetItem => { need(vm, 1)?; let f = s.getitem.get().ok_or_else(|| f_missing(vm))?; f(vm, self_, &args[0]) }
                SlotKind::SetItem => { need(vm, 2)?; let f = s.setitem.get().ok_or_else(|| f_missing(vm))?; f(vm, self_, &args[0], Some(&args[1]))?; Ok(none::none()) }
                SlotKind::DelItem => { need(vm, 1)?; let f = s.setitem.get().ok_or_else(|| f_missing(vm))?; f(vm, self_, &args[0], None)?; Ok(none::none()) }
                SlotKind::Contains => { need(vm, 1)?; let f = s.contains.get().ok_or_else(|| f_missing(vm))?; Ok(none::bool_value(f(vm, self_, &args[0])?)) }
                SlotKind::Get => {
                    if kwnames.is_some_and(|k| !crate::objects::tuple::items(k).is_empty()) {
                        return Err(vm.type_error(format!("wrapper {name}() takes no keyword arguments")));
                    }
                    UNPACK_GET.check(vm, args, None)?;
                    let f = s.descr_get.get().ok_or_else(|| f_missing(vm))?;
                    let obj = if none::is_none(&args[0]) { None } else { Some(&args[0]) };
                    let ty = if nargs == 2 { args[1].clone() } else { args[0].ty().to_value() };
                    f(vm, self_, obj, &ty)
                }
                SlotKind::Set => { need(vm, 2)?; let f = s.descr_set.get().ok_or_else(|| f_missing(vm))?; f(vm, self_, &args[0], Some(&args[1]))?; Ok(none::none()) }
                SlotKind::Delete => { need(vm, 1)?; let f = s.descr_set.get().ok_or_else(|| f_missing(vm))?; f(vm, self_, &args[0], None)?; Ok(none::none()) }
                SlotKind::Init | SlotKind::New | SlotKind::Call => unreachable!("handled above"),
            }
        }
    }
}

fn check_name(vm: &mut Vm, name: &Value) -> PyResult<()> {
    if pystr::is_str(name) {
        Ok(())
    } else {
        Err(vm.type_error(format!("attribute name must be string, not '{}'", name.ty().name())))
    }
}

fn slot_wrapper_get(_vm: &mut Vm, descr: &Value, obj: Option<&Value>, _ty: &Value) -> PyResult<Value> {
    match obj {
        None => Ok(descr.clone()),
        Some(o) => Ok(alloc_object(&METHOD_WRAPPER_TYPE, MethodWrapperData { wrapper: descr.clone(), self_: o.clone() })),
    }
}

fn slot_wrapper_repr(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let d = v.downcast::<SlotWrapperData>().expect("wrapper");
    Ok(pystr::from_string(format!("<slot wrapper '{}' of '{}' objects>", d.name, d.owner.name())))
}

fn method_wrapper_call(vm: &mut Vm, callable: &Value, args: &[Value], kwnames: Option<&Value>) -> PyResult<Value> {
    let m = callable.downcast::<MethodWrapperData>().expect("method-wrapper");
    let d = m.wrapper.downcast::<SlotWrapperData>().expect("wrapper");
    let (kind, owner, name, self_) = (d.kind, d.owner, d.name, m.self_.clone());
    call_slot(vm, kind, owner, name, &self_, args, kwnames)
}

fn method_wrapper_repr(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let m = v.downcast::<MethodWrapperData>().expect("method-wrapper");
    let d = m.wrapper.downcast::<SlotWrapperData>().expect("wrapper");
    Ok(pystr::from_string(format!("<method-wrapper '{}' of {} object at {:#x}>", d.name, m.self_.ty().name(), m.self_.bits())))
}

fn method_wrapper_traverse(h: &ObjHeader, visit: &mut dyn FnMut(&Value)) {
    // SAFETY: called for method-wrappers only.
    let d = unsafe { payload_of::<MethodWrapperData>(h) };
    visit(&d.wrapper);
    visit(&d.self_);
}

// ---------------------------------------------------------------------------------------
// classmethod, staticmethod, property

pub struct WrapperData {
    pub callable: UnsafeCell<Value>,
}

impl Payload for WrapperData {
    fn class() -> &'static PyType {
        &CLASSMETHOD_TYPE
    }
}

pub static CLASSMETHOD_TYPE: StaticType = StaticType::new(
    "classmethod",
    Some(&crate::objects::object::OBJECT_TYPE),
    flags::BASETYPE | flags::HAVE_GC | flags::HAS_DICT,
    std::mem::size_of::<PyObj<WrapperData>>() + 8,
    dealloc_payload::<WrapperData>,
    &[],
    WRAPPER_GETSETS,
)
.with_dictoffset(std::mem::size_of::<PyObj<WrapperData>>())
.with_slots(SlotDefs {
    traverse: Some(wrapper_traverse),
    clear: Some(wrapper_clear),
    repr: Some(wrapper_repr),
    descr_get: Some(classmethod_get),
    new: Some(wrapper_new),
    init: Some(wrapper_init),
    ..SlotDefs::EMPTY
});

pub static STATICMETHOD_TYPE: StaticType = StaticType::new(
    "staticmethod",
    Some(&crate::objects::object::OBJECT_TYPE),
    flags::BASETYPE | flags::HAVE_GC | flags::HAS_DICT,
    std::mem::size_of::<PyObj<WrapperData>>() + 8,
    dealloc_payload::<WrapperData>,
    &[],
    WRAPPER_GETSETS,
)
.with_dictoffset(std::mem::size_of::<PyObj<WrapperData>>())
.with_slots(SlotDefs {
    traverse: Some(wrapper_traverse),
    clear: Some(wrapper_clear),
    repr: Some(wrapper_repr),
    call: Some(staticmethod_call),
    descr_get: Some(staticmethod_get),
    new: Some(wrapper_new),
    init: Some(wrapper_init),
    ..SlotDefs::EMPTY
});

fn wrapper_callable(v: &Value) -> Value {
    // SAFETY: these types' payload is `WrapperData` (checked by callers via type).
    let d = unsafe { v.payload_unchecked::<WrapperData>() };
    // SAFETY: reading the callable cell for a clone; no `&mut` to it is alive (it is only replaced
    // by `wrapper_clear`).
    unsafe { (*d.callable.get()).clone() }
}

fn wrapper_get_func(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(wrapper_callable(v))
}

fn wrapper_get_dict(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    crate::objects::object::instance_dict(vm, v)
}

static WRAPPER_GETSETS: &[GetSetDef] = &[
    GetSetDef { name: "__func__", get: wrapper_get_func, set: None },
    GetSetDef { name: "__wrapped__", get: wrapper_get_func, set: None },
    GetSetDef { name: "__dict__", get: wrapper_get_dict, set: None },
];

fn wrapper_new(vm: &mut Vm, cls: &Value, args: &[Value], kwnames: Option<&Value>) -> PyResult<Value> {
    // SAFETY: cls is a type.
    let ty = unsafe { cls.as_type_unchecked() };
    let name = if ty.is_subtype(&CLASSMETHOD_TYPE) { "classmethod" } else { "staticmethod" };
    const PARAMS: &[crate::protocols::args::Param] = &[crate::protocols::args::Param::pos("function")];
    let [f] = crate::protocols::args::Spec::positional(name, PARAMS).args(vm, args, kwnames)?;
    Ok(alloc_object(ty, WrapperData { callable: UnsafeCell::new(f.clone()) }))
}

fn wrapper_init(_vm: &mut Vm, _this: &Value, _args: &[Value], _kw: Option<&Value>) -> PyResult<()> {
    Ok(())
}

fn classmethod_get(vm: &mut Vm, descr: &Value, obj: Option<&Value>, ty: &Value) -> PyResult<Value> {
    let f = wrapper_callable(descr);
    let cls = if none::is_none(ty) { obj.map(|o| o.ty().to_value()).unwrap_or_else(none::none) } else { ty.clone() };
    if f.ty().slots.descr_get.get().is_some() && f.downcast_exact::<FunctionData>().is_none() {
        // Chained descriptors (3.9-3.12 behaviour).
        return bind(vm, &f, Some(&cls), &cls.ty().to_value());
    }
    Ok(crate::objects::function::new_bound_method(f, cls))
}

fn staticmethod_get(_vm: &mut Vm, descr: &Value, _obj: Option<&Value>, _ty: &Value) -> PyResult<Value> {
    Ok(wrapper_callable(descr))
}

fn staticmethod_call(vm: &mut Vm, callable: &Value, args: &[Value], kwnames: Option<&Value>) -> PyResult<Value> {
    let f = wrapper_callable(callable);
    crate::protocols::call::call(vm, &f, args, kwnames)
}

fn wrapper_traverse(h: &ObjHeader, visit: &mut dyn FnMut(&Value)) {
    // SAFETY: called for classmethod/staticmethod only.
    let d = unsafe { payload_of::<WrapperData>(h) };
    // SAFETY: the collector's visit runs no Python code, so the cell is not replaced while
    // borrowed.
    visit(unsafe { &*d.callable.get() });
    crate::typeobj::traverse_instance_extras(h, visit);
}

fn wrapper_clear(h: &ObjHeader) {
    // SAFETY: called for classmethod/staticmethod only.
    let d = unsafe { payload_of::<WrapperData>(h) };
    // SAFETY: no other borrow of the cell is alive; the old value is dropped after the replacement.
    let old = std::mem::replace(unsafe { &mut *d.callable.get() }, none::none());
    drop(old);
    crate::typeobj::clear_instance_extras_gc(h);
}

fn wrapper_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let f = wrapper_callable(v);
    let r = crate::protocols::object::repr_string(vm, &f)?;
    Ok(pystr::from_string(format!("<{}({})>", v.ty().name(), r)))
}

pub struct PropertyData {
    pub fget: UnsafeCell<Value>,
    pub fset: UnsafeCell<Value>,
    pub fdel: UnsafeCell<Value>,
    pub doc: UnsafeCell<Value>,
    pub name: UnsafeCell<Value>,
}

impl Payload for PropertyData {
    fn class() -> &'static PyType {
        &PROPERTY_TYPE
    }
}

pub static PROPERTY_TYPE: StaticType = StaticType::new(
    "property",
    Some(&crate::objects::object::OBJECT_TYPE),
    flags::BASETYPE | flags::HAVE_GC,
    std::mem::size_of::<PyObj<PropertyData>>(),
    dealloc_payload::<PropertyData>,
    PROPERTY_METHODS,
    PROPERTY_GETSETS,
)
.with_slots(SlotDefs {
    traverse: Some(property_traverse),
    clear: Some(property_clear),
    descr_get: Some(property_get),
    descr_set: Some(property_set),
    new: Some(property_new),
    init: Some(property_init),
    ..SlotDefs::EMPTY
});

impl PropertyData {
    fn get(cell: &UnsafeCell<Value>) -> Value {
        // SAFETY: single-threaded read.
        unsafe { (*cell.get()).clone() }
    }
}

fn property_new(_vm: &mut Vm, cls: &Value, _args: &[Value], _kw: Option<&Value>) -> PyResult<Value> {
    // SAFETY: cls is a type.
    let ty = unsafe { cls.as_type_unchecked() };
    Ok(alloc_object(ty, PropertyData {
        fget: UnsafeCell::new(none::none()),
        fset: UnsafeCell::new(none::none()),
        fdel: UnsafeCell::new(none::none()),
        doc: UnsafeCell::new(none::none()),
        name: UnsafeCell::new(none::none()),
    }))
}

fn property_init(vm: &mut Vm, this: &Value, args: &[Value], kwnames: Option<&Value>) -> PyResult<()> {
    const PROPERTY: crate::protocols::args::Spec = crate::protocols::args::Spec::keywords("property", &[crate::protocols::args::Param::arg_opt("fget"), crate::protocols::args::Param::arg_opt("fset"), crate::protocols::args::Param::arg_opt("fdel"), crate::protocols::args::Param::arg_opt("doc")]);
    let a: [Option<Value>; 4] = PROPERTY.parse(vm, args, kwnames)?.map(|o| o.cloned());
    let d = this.downcast::<PropertyData>().expect("property");
    let set = |cell: &UnsafeCell<Value>, v: Option<Value>| {
        // SAFETY: single-threaded write; the old value is dropped after the write.
        let old = std::mem::replace(unsafe { &mut *cell.get() }, v.unwrap_or_else(none::none));
        drop(old);
    };
    let fget = a[0].clone();
    let mut doc = a[3].clone();
    if doc.as_ref().map(none::is_none).unwrap_or(true) {
        if let Some(g) = &fget {
            if !none::is_none(g) {
                doc = crate::protocols::object::getattr_opt(vm, g, "__doc__")?;
            }
        }
    }
    set(&d.fget, fget);
    set(&d.fset, a[1].clone());
    set(&d.fdel, a[2].clone());
    set(&d.doc, doc);
    Ok(())
}

fn property_get(vm: &mut Vm, descr: &Value, obj: Option<&Value>, _ty: &Value) -> PyResult<Value> {
    let Some(o) = obj else { return Ok(descr.clone()) };
    let d = descr.downcast::<PropertyData>().expect("property");
    let fget = PropertyData::get(&d.fget);
    if none::is_none(&fget) {
        let name = property_name_suffix(vm, descr);
        return Err(vm.attribute_error(format!("property{name} of '{}' object has no getter", o.ty().name())));
    }
    crate::protocols::call::call(vm, &fget, std::slice::from_ref(o), None)
}

fn property_name_suffix(vm: &mut Vm, descr: &Value) -> String {
    let d = descr.downcast::<PropertyData>().expect("property");
    let name = PropertyData::get(&d.name);
    if none::is_none(&name) {
        return String::new();
    }
    match crate::protocols::object::repr_string(vm, &name) {
        Ok(r) => format!(" {r}"),
        Err(_) => String::new(),
    }
}

fn property_set(vm: &mut Vm, descr: &Value, obj: &Value, value: Option<&Value>) -> PyResult<()> {
    let d = descr.downcast::<PropertyData>().expect("property");
    let (f, what) = match value {
        Some(_) => (PropertyData::get(&d.fset), "setter"),
        None => (PropertyData::get(&d.fdel), "deleter"),
    };
    if none::is_none(&f) {
        let name = property_name_suffix(vm, descr);
        return Err(vm.attribute_error(format!("property{name} of '{}' object has no {what}", obj.ty().name())));
    }
    match value {
        Some(v) => crate::protocols::call::call(vm, &f, &[obj.clone(), v.clone()], None)?,
        None => crate::protocols::call::call(vm, &f, std::slice::from_ref(obj), None)?,
    };
    Ok(())
}

fn property_copy_with(vm: &mut Vm, args: &[Value], kw: Option<&Value>, which: usize) -> PyResult<Value> {
    let name = ["property.getter", "property.setter", "property.deleter"][which];
    let f = Spec::one(name).arg(vm, &args[1..], kw)?;
    let this = &args[0];
    let d = this.downcast::<PropertyData>().expect("property");
    let mut parts = [PropertyData::get(&d.fget), PropertyData::get(&d.fset), PropertyData::get(&d.fdel), PropertyData::get(&d.doc)];
    parts[which] = f.clone();
    if which == 0 {
        parts[3] = none::none();
    }
    let cls = this.ty().to_value();
    let r = crate::protocols::call::call(vm, &cls, &parts, None)?;
    if let Some(rd) = r.downcast::<PropertyData>() {
        let name = PropertyData::get(&d.name);
        // SAFETY: single-threaded write to the new property.
        unsafe { *rd.name.get() = name };
    }
    Ok(r)
}

fn property_getter(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    property_copy_with(vm, args, kw, 0)
}
fn property_setter(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    property_copy_with(vm, args, kw, 1)
}
fn property_deleter(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    property_copy_with(vm, args, kw, 2)
}
fn property_set_name(vm: &mut Vm, args: &[Value], _kw: Option<&Value>) -> PyResult<Value> {
    let [this, _owner, name] = args else { return Err(vm.type_error("__set_name__() takes 2 positional arguments")) };
    let d = this.downcast::<PropertyData>().expect("property");
    // SAFETY: single-threaded write.
    let old = std::mem::replace(unsafe { &mut *d.name.get() }, name.clone());
    drop(old);
    Ok(none::none())
}

static PROPERTY_METHODS: &[MethodDef] = &[
    MethodDef { name: "getter", func: property_getter, kind: MethodKind::Instance, doc: "" },
    MethodDef { name: "setter", func: property_setter, kind: MethodKind::Instance, doc: "" },
    MethodDef { name: "deleter", func: property_deleter, kind: MethodKind::Instance, doc: "" },
    MethodDef { name: "__set_name__", func: property_set_name, kind: MethodKind::Instance, doc: "" },
];

fn property_fget(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(PropertyData::get(&v.downcast::<PropertyData>().expect("property").fget))
}
fn property_fset(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(PropertyData::get(&v.downcast::<PropertyData>().expect("property").fset))
}
fn property_fdel(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(PropertyData::get(&v.downcast::<PropertyData>().expect("property").fdel))
}
fn property_doc(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(PropertyData::get(&v.downcast::<PropertyData>().expect("property").doc))
}

static PROPERTY_GETSETS: &[GetSetDef] = &[
    GetSetDef { name: "fget", get: property_fget, set: None },
    GetSetDef { name: "fset", get: property_fset, set: None },
    GetSetDef { name: "fdel", get: property_fdel, set: None },
    GetSetDef { name: "__doc__", get: property_doc, set: None },
];

fn property_traverse(h: &ObjHeader, visit: &mut dyn FnMut(&Value)) {
    // SAFETY: called for properties only.
    let d = unsafe { payload_of::<PropertyData>(h) };
    for c in [&d.fget, &d.fset, &d.fdel, &d.doc, &d.name] {
        // SAFETY: the collector's visit runs no Python code, so the cells are not replaced while
        // borrowed.
        visit(unsafe { &*c.get() });
    }
    crate::typeobj::traverse_instance_extras(h, visit);
}

fn property_clear(h: &ObjHeader) {
    // SAFETY: called for properties only.
    let d = unsafe { payload_of::<PropertyData>(h) };
    for c in [&d.fget, &d.fset, &d.fdel, &d.doc, &d.name] {
        // SAFETY: no other borrow of the cell is alive; the old value is dropped after the
        // replacement.
        let old = std::mem::replace(unsafe { &mut *c.get() }, none::none());
        drop(old);
    }
    crate::typeobj::clear_instance_extras_gc(h);
}

// ---------------------------------------------------------------------------------------

/// Apply the descriptor protocol: `descr.__get__(obj, ty)` if `descr` has `__get__`,
/// otherwise `descr` itself.
pub fn bind(vm: &mut Vm, descr: &Value, obj: Option<&Value>, ty: &Value) -> PyResult<Value> {
    match descr.ty().slots.descr_get.get() {
        Some(f) => f(vm, descr, obj, ty),
        None => Ok(descr.clone()),
    }
}
