//! `object`: the root type, generic attribute access and the default slots
//! (CPython: `Objects/object.c` `PyObject_GenericGetAttr`, `Objects/typeobject.c` object_*).

use crate::object::{alloc_object, ObjHeader, Payload, PyObj, Value};
use crate::objects::{dict, none, str as pystr, tuple, exceptions};
use crate::typeobj::{flags, instance_dict_cell, CompareOp, GetSetDef, MethodDef, MethodKind, PyType, StaticType, SlotDefs};
use crate::vm::{PyResult, Vm};

/// Payload of plain `object()` instances and of Python classes deriving only from object.
pub struct ObjectData;

impl Payload for ObjectData {
    fn class() -> &'static PyType {
        &OBJECT_TYPE
    }
}

unsafe fn object_dealloc(obj: *mut ObjHeader) {
    // SAFETY: called by the object core, once, on a dead instance of `object` (or a class whose
    // payload is `ObjectData`), as `dealloc_payload` requires.
    unsafe { crate::object::dealloc_payload::<ObjectData>(obj) }
}

pub static OBJECT_TYPE: StaticType = StaticType::new(
    "object",
    None,
    flags::BASETYPE,
    std::mem::size_of::<PyObj<ObjectData>>(),
    object_dealloc,
    OBJECT_METHODS,
    OBJECT_GETSETS,
)
.with_slots(SlotDefs {
    repr: Some(object_repr),
    str: Some(object_str),
    hash: Some(object_hash),
    richcompare: Some(object_richcompare),
    getattro: Some(generic_getattr),
    setattro: Some(generic_setattr),
    new: Some(object_new),
    init: Some(object_init),
    ..SlotDefs::EMPTY
});

pub fn object_type() -> &'static PyType {
    &OBJECT_TYPE
}

/// `PyObject_GenericGetAttr`: data descriptors on the type, then the instance dict, then
/// non-data descriptors and plain class attributes.
/// Whether instances of `ty` look attributes up with [`generic_getattr`] (no
/// `__getattribute__` or `__getattr__` of their own).
#[inline]
pub fn has_generic_getattr(ty: &crate::typeobj::PyType) -> bool {
    ty.slots.getattro.get().map(|f| f as usize == generic_getattr as *const () as usize).unwrap_or(true)
}

pub fn generic_getattr(vm: &mut Vm, obj: &Value, name: &Value) -> PyResult<Value> {
    let ty = obj.ty();
    let descr = ty.lookup(name);
    let mut getter = None;
    if let Some(d) = &descr {
        let dt = d.ty();
        getter = dt.slots.descr_get.get();
        if let Some(g) = getter {
            if dt.slots.descr_set.get().is_some() {
                let t = ty.to_value();
                return g(vm, d, Some(obj), &t);
            }
        }
    }
    match crate::objects::inline_values::get(obj, name) {
        Some(Some(v)) => return Ok(v),
        Some(None) => {}
        None => {
            if let Some(cell) = instance_dict_cell(obj) {
                // SAFETY: single-threaded read of the dict cell.
                if let Some(d) = unsafe { &*cell.get() } {
                    let found = if pystr::is_str(name) { dict::get_str_key(d, name) } else { None };
                    if let Some(v) = found {
                        return Ok(v);
                    }
                }
            }
        }
    }
    if let Some(g) = getter {
        let d = descr.expect("descr");
        let t = ty.to_value();
        return g(vm, &d, Some(obj), &t);
    }
    if let Some(d) = descr {
        return Ok(d);
    }
    Err(attribute_error(vm, obj, name))
}

#[cold]
pub fn attribute_error(vm: &mut Vm, obj: &Value, name: &Value) -> crate::vm::PyErr {
    let n = pystr::try_str(name).unwrap_or("?");
    let err = if let Some(m) = obj.downcast::<crate::objects::module::ModuleData>() {
        let mname = m.name();
        vm.attribute_error(format!("module '{mname}' has no attribute '{n}'"))
    } else if let Some(t) = obj.as_type() {
        vm.attribute_error(format!("type object '{}' has no attribute '{n}'", t.name()))
    } else {
        vm.attribute_error(format!("'{}' object has no attribute '{n}'", obj.ty().name()))
    };
    exceptions::set_attribute_error_context(&err, obj, name);
    err
}

/// `PyObject_GenericSetAttr` (value `None` deletes).
/// Whether instances of `ty` set attributes with [`generic_setattr`] (no `__setattr__` of
/// their own).
#[inline]
pub fn has_generic_setattr(ty: &crate::typeobj::PyType) -> bool {
    ty.slots.setattro.get().map(|f| f as usize == generic_setattr as *const () as usize).unwrap_or(false)
}

pub fn generic_setattr(vm: &mut Vm, obj: &Value, name: &Value, value: Option<&Value>) -> PyResult<()> {
    if !pystr::is_str(name) {
        return Err(vm.type_error(format!("attribute name must be string, not '{}'", name.ty().name())));
    }
    let ty = obj.ty();
    if let Some(d) = ty.lookup(name) {
        if let Some(set) = d.ty().slots.descr_set.get() {
            return set(vm, &d, obj, value);
        }
    }
    let Some(cell) = instance_dict_cell(obj) else {
        let n = pystr::as_str(name);
        return Err(if ty.lookup(name).is_some() {
            vm.attribute_error(format!("'{}' object attribute '{n}' is read-only", ty.name()))
        } else {
            vm.attribute_error(format!("'{}' object has no attribute '{n}'", ty.name()))
        });
    };
    match crate::objects::inline_values::set(obj, name, value) {
        Some(true) => return Ok(()),
        Some(false) => return Err(attribute_error(vm, obj, name)),
        // No inline block, or a name that does not fit: the dict takes it.
        None => {
            crate::objects::inline_values::materialize(obj);
        }
    }
    // SAFETY: single-threaded access to the dict cell; the dict value is cloned out.
    let d = unsafe { (*cell.get()).get_or_insert_with(dict::new_dict).clone() };
    let dd = dict::dict_data(&d).expect("dict");
    match value {
        Some(v) => {
            dd.set_str(name.clone(), v.clone());
            Ok(())
        }
        None => match dd.remove(vm, name)? {
            Some(_) => Ok(()),
            None => Err(attribute_error(vm, obj, name)),
        },
    }
}

/// The instance's `__dict__`, created on demand.
pub fn instance_dict(vm: &mut Vm, obj: &Value) -> PyResult<Value> {
    match crate::objects::inline_values::materialize(obj) {
        Some(d) => Ok(d),
        None => Err(vm.attribute_error(format!("'{}' object has no attribute '__dict__'", obj.ty().name()))),
    }
}

pub fn object_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let ty = v.ty();
    let module = match ty.dict_ref().and_then(|d| {
        let key = pystr::new_str("__module__");
        dict::get_str_key(d, &key)
    }) {
        Some(m) if pystr::is_str(&m) && pystr::as_str(&m) != "builtins" => format!("{}.", pystr::as_str(&m)),
        _ => String::new(),
    };
    let _ = vm;
    Ok(pystr::from_string(format!("<{module}{} object at {:#x}>", ty.qualname(), v.bits())))
}

fn object_str(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    crate::protocols::object::repr(vm, v)
}

fn object_hash(_vm: &mut Vm, v: &Value) -> PyResult<i64> {
    // CPython: the address rotated by 4 bits.
    let p = v.bits() as u64;
    Ok(p.rotate_right(4) as i64)
}

/// The `hash` slot of unhashable types (`__hash__ = None`).
pub fn hash_not_implemented(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    Err(vm.type_error(format!("unhashable type: '{}'", v.ty().name())))
}

fn object_richcompare(vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
    match op {
        CompareOp::Eq => Ok(if a.is(b) { none::bool_value(true) } else { none::not_implemented() }),
        CompareOp::Ne => {
            // `__ne__` inverts `__eq__` unless that returns NotImplemented.
            let Some(f) = a.ty().slots.richcompare.get() else { return Ok(none::not_implemented()) };
            let r = f(vm, a, b, CompareOp::Eq)?;
            if none::is_not_implemented(&r) {
                return Ok(r);
            }
            let t = crate::protocols::object::is_true(vm, &r)?;
            Ok(none::bool_value(!t))
        }
        _ => Ok(none::not_implemented()),
    }
}

pub fn object_init(vm: &mut Vm, this: &Value, args: &[Value], kwnames: Option<&Value>) -> PyResult<()> {
    let ty = this.ty();
    if !args.is_empty() || kwnames.is_some() {
        // Excess arguments are an error unless __new__ is overridden and __init__ is not.
        let init_overridden = !same_slot_init(ty);
        let new_overridden = !same_slot_new(ty);
        if init_overridden || !new_overridden {
            return Err(if init_overridden {
                vm.type_error("object.__init__() takes exactly one argument (the instance to initialize)")
            } else {
                vm.type_error(format!("{}() takes no arguments", ty.name()))
            });
        }
    }
    Ok(())
}

fn same_slot_init(ty: &PyType) -> bool {
    ty.slots.init.get().map(|f| f as usize == object_init as *const () as usize).unwrap_or(true)
}
/// Are instances of `ty` created by `object.__new__` itself (no `__new__` override)?
pub fn uses_object_new(ty: &PyType) -> bool {
    ty.slots.new.get().map(|f| f as usize == object_new as *const () as usize).unwrap_or(false)
}
fn same_slot_new(ty: &PyType) -> bool {
    ty.slots.new.get().map(|f| f as usize == object_new as *const () as usize).unwrap_or(true)
}

pub fn object_new(vm: &mut Vm, cls: &Value, args: &[Value], kwnames: Option<&Value>) -> PyResult<Value> {
    // SAFETY: `cls` is a type (the new slot is only called with one).
    let ty = unsafe { cls.as_type_unchecked() };
    if !args.is_empty() || kwnames.is_some() {
        let new_overridden = !same_slot_new(ty);
        let init_overridden = !same_slot_init(ty);
        if new_overridden || !init_overridden {
            return Err(if new_overridden {
                vm.type_error("object.__new__() takes exactly one argument (the type to instantiate)")
            } else {
                vm.type_error(format!("{}() takes no arguments", ty.name()))
            });
        }
    }
    if ty.has_flag(crate::typeobj::flags::IMMUTABLE) && !ty.is_heap_type() && !std::ptr::eq(ty, &OBJECT_TYPE.0) {
        return Err(vm.type_error(format!("object.__new__({}) is not safe, use {}.__new__()", ty.name(), ty.name())));
    }
    if let Some(abstract_methods) = crate::typeobj::methods::abstract_methods(vm, ty)? {
        return Err(vm.type_error(abstract_methods));
    }
    Ok(alloc_object(ty, ObjectData))
}

fn object_get_class(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(v.ty().to_value())
}

fn object_set_class(vm: &mut Vm, v: &Value, value: Option<&Value>) -> PyResult<()> {
    let Some(new) = value else { return Err(vm.type_error("can't delete __class__ attribute")) };
    let Some(nt) = new.as_type() else {
        return Err(vm.type_error(format!("__class__ must be set to a class, not '{}' object", new.ty().name())));
    };
    let old = v.ty();
    if !nt.is_heap_type() || !old.is_heap_type() {
        return Err(vm.type_error("__class__ assignment only supported for mutable types or ModuleType subclasses"));
    }
    if !std::ptr::eq(nt.solid_base(), old.solid_base()) || nt.basicsize.get() != old.basicsize.get() || nt.dictoffset.get() != old.dictoffset.get() {
        return Err(vm.type_error(format!("__class__ assignment: '{}' object layout differs from '{}'", nt.name(), old.name())));
    }
    // Inline attributes are indexed by the old class's keys: move them into a real dict.
    crate::objects::inline_values::materialize(v);
    let h = v.header().expect("heap object");
    nt.incref_as_type();
    let old_ptr = h.ob_type.replace(nt);
    // SAFETY: the instance owned one reference to its old type.
    unsafe { PyType::decref_as_type(old_ptr) };
    Ok(())
}

fn object_get_dict(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    instance_dict(vm, v)
}

fn object_set_dict(vm: &mut Vm, v: &Value, value: Option<&Value>) -> PyResult<()> {
    let Some(cell) = instance_dict_cell(v) else {
        return Err(vm.attribute_error(format!("'{}' object has no attribute '__dict__'", v.ty().name())));
    };
    match value {
        Some(d) if dict::dict_data(d).is_some() => {
            // SAFETY: single-threaded write; the old dict is dropped after.
            let old = std::mem::replace(unsafe { &mut *cell.get() }, Some(d.clone()));
            // The new dict replaces every attribute, inline ones included (cleared after it is
            // installed, so that a `__del__` run by the clearing stores into the new dict).
            if let Some(h) = v.header() {
                // SAFETY: `h` heads the live instance `v` of `h.ty()`.
                unsafe { crate::objects::inline_values::clear(h as *const _ as *const u8, h.ty()) };
            }
            drop(old);
            Ok(())
        }
        Some(d) => Err(vm.type_error(format!("__dict__ must be set to a dictionary, not a '{}'", d.ty().name()))),
        None => Err(vm.type_error("cannot delete __dict__")),
    }
}

/// `__dict__` descriptor installed on heap types whose instances have a dict.
pub static DICT_GETSET: GetSetDef = GetSetDef { name: "__dict__", get: object_get_dict, set: Some(object_set_dict) };

static OBJECT_GETSETS: &[GetSetDef] = &[GetSetDef { name: "__class__", get: object_get_class, set: Some(object_set_class) }];

fn object_dir(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    crate::protocols::args::Spec::noargs("object.__dir__").check(vm, &args[1..], kw)?;
    let this = &args[0];
    let result = dict::new_dict();
    let rd = dict::dict_data(&result).expect("dict");
    crate::objects::inline_values::materialize(this);
    if let Some(cell) = instance_dict_cell(this) {
        // SAFETY: read.
        if let Some(d) = unsafe { (*cell.get()).clone() } {
            for k in dict::dict_data(&d).expect("dict").keys() {
                rd.set(vm, k, none::none())?;
            }
        }
    }
    let cls = this.ty().to_value();
    for t in crate::typeobj::methods::mro_of(&cls) {
        // SAFETY: mro entries are types.
        if let Some(d) = unsafe { t.as_type_unchecked() }.dict_value() {
            for k in dict::dict_data(&d).expect("dict").keys() {
                rd.set(vm, k, none::none())?;
            }
        }
    }
    Ok(crate::objects::list::new_list(rd.keys()))
}

fn object_format(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    let spec = crate::protocols::args::Spec::one("object.__format__").arg(vm, &args[1..], kw)?;
    let this = &args[0];
    let Some(s) = pystr::try_str(spec) else {
        return Err(vm.type_error(format!("__format__() argument must be str, not {}", spec.ty().name())));
    };
    if !s.is_empty() {
        return Err(vm.type_error(format!("unsupported format string passed to {}.__format__", this.ty().name())));
    }
    crate::protocols::object::str(vm, this)
}

fn object_init_subclass(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    // A class method: CPython names it after the class it is bound to.
    crate::protocols::args::Spec::noargs("__init_subclass__").check_in(vm, args[0].as_type().map_or("object", |t| t.name()), &args[1..], kw)?;
    Ok(none::none())
}

fn object_subclasshook(_vm: &mut Vm, _args: &[Value], _kw: Option<&Value>) -> PyResult<Value> {
    Ok(none::not_implemented())
}

fn object_reduce_ex(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    crate::protocols::args::Spec::one("object.__reduce_ex__").check(vm, &args[1..], kw)?;
    let this = &args[0];
    let cls = this.ty().to_value();
    let copyreg_args = tuple::new_tuple(vec![cls]);
    if crate::objects::inline_values::active(this).map(|b| !b.is_empty()).unwrap_or(false) {
        crate::objects::inline_values::materialize(this);
    }
    let state = match instance_dict_cell(this) {
        // SAFETY: read of the dict cell.
        Some(cell) => unsafe { (*cell.get()).clone() }.unwrap_or_else(none::none),
        None => none::none(),
    };
    let _ = vm;
    Ok(tuple::new_tuple(vec![none::none(), copyreg_args, state]))
}

fn object_sizeof(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    crate::protocols::args::Spec::noargs("object.__sizeof__").check(vm, &args[1..], kw)?;
    Ok(Value::int(args[0].ty().basicsize.get() as i64))
}

static OBJECT_METHODS: &[MethodDef] = &[
    MethodDef { name: "__dir__", func: object_dir, kind: MethodKind::Instance, doc: "Default dir() implementation." },
    MethodDef { name: "__format__", func: object_format, kind: MethodKind::Instance, doc: "Default object formatter." },
    MethodDef { name: "__init_subclass__", func: object_init_subclass, kind: MethodKind::Class, doc: "" },
    MethodDef { name: "__subclasshook__", func: object_subclasshook, kind: MethodKind::Class, doc: "" },
    MethodDef { name: "__reduce_ex__", func: object_reduce_ex, kind: MethodKind::Instance, doc: "" },
    MethodDef { name: "__sizeof__", func: object_sizeof, kind: MethodKind::Instance, doc: "" },
];
