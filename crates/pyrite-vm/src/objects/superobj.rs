//! `super` (CPython: `Objects/typeobject.c` super_*).

use crate::object::{alloc_object, dealloc_payload, ObjHeader, Payload, PyObj, Value};
use crate::objects::{none, str as pystr};
use crate::typeobj::{flags, payload_of, PyType, StaticType, SlotDefs};
use crate::vm::{PyResult, Vm};

pub struct SuperData {
    /// The class after which the MRO search starts.
    pub type_: Value,
    /// The bound object (or None) and the type whose MRO is searched.
    pub obj: Option<Value>,
    pub obj_type: Option<Value>,
}

impl Payload for SuperData {
    fn class() -> &'static PyType {
        &SUPER_TYPE
    }
}

pub static SUPER_TYPE: StaticType = StaticType::new(
    "super",
    Some(&crate::objects::object::OBJECT_TYPE),
    flags::BASETYPE | flags::HAVE_GC,
    std::mem::size_of::<PyObj<SuperData>>(),
    dealloc_payload::<SuperData>,
    &[],
    &[],
)
.with_slots(SlotDefs {
    traverse: Some(super_traverse),
    repr: Some(super_repr),
    getattro: Some(super_getattro),
    new: Some(super_new),
    init: Some(super_init),
    ..SlotDefs::EMPTY
});

/// `super(type_, obj)`.
pub fn new_super(vm: &mut Vm, type_: &Value, obj: &Value) -> PyResult<Value> {
    let obj_type = supercheck(vm, type_, obj)?;
    Ok(alloc_object(&SUPER_TYPE, SuperData { type_: type_.clone(), obj: Some(obj.clone()), obj_type: Some(obj_type) }))
}

fn supercheck(vm: &mut Vm, type_: &Value, obj: &Value) -> PyResult<Value> {
    // SAFETY: callers check `type_` is a type.
    let t = unsafe { type_.as_type_unchecked() };
    if let Some(ot) = obj.as_type() {
        if ot.is_subtype(t) {
            return Ok(obj.clone());
        }
    }
    if obj.ty().is_subtype(t) {
        return Ok(obj.ty().to_value());
    }
    Err(vm.type_error("super(type, obj): obj must be an instance or subtype of type"))
}

/// The attribute `name` found in the MRO of the bound type after `type_` (no binding).
pub fn lookup_after(d: &SuperData, name: &Value) -> Option<Value> {
    let start = d.obj_type.as_ref()?;
    // SAFETY: obj_type is a type.
    let mro = unsafe { start.as_type_unchecked() }.mro_slice();
    let pos = mro.iter().position(|t| t.is(&d.type_))?;
    for t in &mro[pos + 1..] {
        // SAFETY: MRO entries are types.
        if let Some(dict) = unsafe { t.as_type_unchecked() }.dict_ref() {
            if let Some(v) = crate::objects::dict::get_str_key(dict, name) {
                return Some(v);
            }
        }
    }
    None
}

fn super_getattro(vm: &mut Vm, sup: &Value, name: &Value) -> PyResult<Value> {
    let d = sup.downcast::<SuperData>().expect("super");
    let skip = pystr::try_str(name) == Some("__class__");
    if !skip {
        if let Some(v) = lookup_after(d, name) {
            if let Some(get) = v.ty().slots.descr_get.get() {
                let obj = d.obj.clone();
                let obj_for_get = match (&obj, &d.obj_type) {
                    (Some(o), Some(ot)) if o.is(ot) => None,
                    _ => obj.clone(),
                };
                let ot = d.obj_type.clone().unwrap_or_else(none::none);
                return get(vm, &v, obj_for_get.as_ref(), &ot);
            }
            return Ok(v);
        }
    }
    crate::objects::object::generic_getattr(vm, sup, name)
}

/// `super()` / `super(type)` / `super(type, obj)`.
fn super_new(vm: &mut Vm, _cls: &Value, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    // `_PyArg_NoKwnames("super", ...)` and `_PyArg_CheckPositional("super()", ...)`.
    const SUPER: crate::protocols::args::Spec = crate::protocols::args::Spec::positional("super()", &[crate::protocols::args::Param::pos_opt("type"), crate::protocols::args::Param::pos_opt("object_or_type")]);
    crate::protocols::args::no_kwargs(vm, "super", kw)?;
    let (type_, obj) = match SUPER.check(vm, args, None)? {
        [t, o] => (t.clone(), o.clone()),
        [t] => {
            if t.as_type().is_none() {
                return Err(vm.type_error(format!("super() argument 1 must be a type, not {}", t.ty().name())));
            }
            return Ok(alloc_object(&SUPER_TYPE, SuperData { type_: t.clone(), obj: None, obj_type: None }));
        }
        [] => match vm.zero_arg_super_context() {
            Some(pair) => pair,
            None => return Err(vm.runtime_error("super(): no arguments")),
        },
        _ => unreachable!("checked"),
    };
    if type_.as_type().is_none() {
        return Err(vm.type_error(format!("super() argument 1 must be a type, not {}", type_.ty().name())));
    }
    new_super(vm, &type_, &obj)
}

fn super_init(_vm: &mut Vm, _this: &Value, _args: &[Value], _kw: Option<&Value>) -> PyResult<()> {
    Ok(())
}

fn super_repr(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let d = v.downcast::<SuperData>().expect("super");
    // SAFETY: type_ is a type.
    let tn = unsafe { d.type_.as_type_unchecked() }.name().to_owned();
    Ok(pystr::from_string(match &d.obj_type {
        // SAFETY: `obj_type` is always a type (set by `super()` from a checked type).
        Some(ot) => format!("<super: <class '{tn}'>, <{} object>>", unsafe { ot.as_type_unchecked() }.name()),
        None => format!("<super: <class '{tn}'>, NULL>"),
    }))
}

fn super_traverse(h: &ObjHeader, visit: &mut dyn FnMut(&Value)) {
    // SAFETY: super objects only.
    let d = unsafe { payload_of::<SuperData>(h) };
    visit(&d.type_);
    if let Some(o) = &d.obj {
        visit(o);
    }
    if let Some(o) = &d.obj_type {
        visit(o);
    }
}
