//! `types.GenericAlias` (`list[int]`) and `types.UnionType` (`int | None`)
//! (CPython: `Objects/genericaliasobject.c`, `Objects/unionobject.c`).

use crate::object::{alloc_object, dealloc_payload, ObjHeader, Payload, PyObj, Value};
use crate::objects::{none, str as pystr, tuple};
use crate::typeobj::{flags, payload_of, CompareOp, MethodDef, MethodKind, PyType, StaticType, SlotDefs, nb_slots};
use crate::vm::{PyResult, Vm};
use pyrite_bytecode::opcode::binop;

pub struct GenericAliasData {
    pub origin: Value,
    /// Always a tuple.
    pub args: Value,
}

impl Payload for GenericAliasData {
    fn class() -> &'static PyType {
        &GENERIC_ALIAS_TYPE
    }
}

pub static GENERIC_ALIAS_TYPE: StaticType = StaticType::new(
    "types.GenericAlias",
    Some(&crate::objects::object::OBJECT_TYPE),
    flags::HAVE_GC,
    std::mem::size_of::<PyObj<GenericAliasData>>(),
    dealloc_payload::<GenericAliasData>,
    GA_METHODS,
    &[],
)
.with_slots(SlotDefs {
    traverse: Some(ga_traverse),
    repr: Some(ga_repr),
    hash: Some(ga_hash),
    richcompare: Some(ga_richcompare),
    getattro: Some(ga_getattro),
    call: Some(ga_call),
    nb: nb_slots(&[(binop::OR, type_or)]),
    ..SlotDefs::EMPTY
});

pub struct UnionData {
    /// A tuple of the distinct members, in order.
    pub args: Value,
}

impl Payload for UnionData {
    fn class() -> &'static PyType {
        &UNION_TYPE
    }
}

pub static UNION_TYPE: StaticType = StaticType::new(
    "types.UnionType",
    Some(&crate::objects::object::OBJECT_TYPE),
    flags::HAVE_GC,
    std::mem::size_of::<PyObj<UnionData>>(),
    dealloc_payload::<UnionData>,
    &[],
    &[],
)
.with_slots(SlotDefs {
    traverse: Some(union_traverse),
    repr: Some(union_repr),
    hash: Some(union_hash),
    richcompare: Some(union_richcompare),
    getattro: Some(union_getattro),
    nb: nb_slots(&[(binop::OR, type_or)]),
    ..SlotDefs::EMPTY
});

/// `origin[args]`.
pub fn new_generic_alias(origin: Value, args: Value) -> Value {
    let args = if tuple::try_items(&args).is_some() && std::ptr::eq(args.ty(), &tuple::TUPLE_TYPE.0) { args } else { tuple::new_tuple(vec![args]) };
    alloc_object(&GENERIC_ALIAS_TYPE, GenericAliasData { origin, args })
}

/// The `__class_getitem__` classmethod of the built-in generic types.
pub fn class_getitem(_vm: &mut Vm, args: &[Value], _kw: Option<&Value>) -> PyResult<Value> {
    Ok(new_generic_alias(args[0].clone(), args[1].clone()))
}

pub static CLASS_GETITEM: MethodDef = MethodDef { name: "__class_getitem__", func: class_getitem, kind: MethodKind::Class, doc: "See PEP 585" };

/// How CPython's `ga_repr_item` shows one argument.
fn repr_item(vm: &mut Vm, v: &Value) -> PyResult<String> {
    if v.is(&none::ellipsis()) {
        return Ok("...".into());
    }
    if let Some(t) = v.as_type() {
        if v.downcast::<GenericAliasData>().is_none() {
            let module = crate::protocols::object::getattr_opt(vm, v, "__module__")?.and_then(|m| pystr::try_str(&m).map(str::to_owned));
            return Ok(match module.as_deref() {
                Some("builtins") | None => t.qualname().to_owned(),
                Some(m) => format!("{m}.{}", t.qualname()),
            });
        }
    }
    crate::protocols::object::repr_string(vm, v)
}

fn ga(v: &Value) -> &GenericAliasData {
    v.downcast::<GenericAliasData>().expect("GenericAlias")
}

fn ga_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let (origin, args) = (ga(v).origin.clone(), ga(v).args.clone());
    let mut out = repr_item(vm, &origin)?;
    out.push('[');
    let items = tuple::items(&args).to_vec();
    if items.is_empty() {
        out.push_str("()");
    }
    for (i, a) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        if let Some(inner) = tuple::try_items(a).filter(|_| std::ptr::eq(a.ty(), &tuple::TUPLE_TYPE.0)) {
            let inner = inner.to_vec();
            out.push('[');
            for (j, x) in inner.iter().enumerate() {
                if j > 0 {
                    out.push_str(", ");
                }
                out.push_str(&repr_item(vm, x)?);
            }
            out.push(']');
        } else {
            out.push_str(&repr_item(vm, a)?);
        }
    }
    out.push(']');
    Ok(pystr::from_string(out))
}

fn ga_call(vm: &mut Vm, v: &Value, args: &[Value], kwnames: Option<&Value>) -> PyResult<Value> {
    let origin = ga(v).origin.clone();
    let obj = crate::protocols::call::call(vm, &origin, args, kwnames)?;
    // CPython sets __orig_class__ when it can; failures are ignored.
    let _ = crate::protocols::object::setattr_str(vm, &obj, "__orig_class__", v.clone());
    Ok(obj)
}

fn ga_getattro(vm: &mut Vm, v: &Value, name: &Value) -> PyResult<Value> {
    match pystr::try_str(name) {
        Some("__origin__") => return Ok(ga(v).origin.clone()),
        Some("__args__") => return Ok(ga(v).args.clone()),
        Some("__parameters__") => return Ok(tuple::empty_tuple()),
        Some("__class__") => return Ok(GENERIC_ALIAS_TYPE.to_value()),
        Some(n) if n.starts_with("__") && n.ends_with("__") && n != "__doc__" && n != "__name__" && n != "__qualname__" && n != "__module__" => {
            return crate::objects::object::generic_getattr(vm, v, name);
        }
        _ => {}
    }
    let origin = ga(v).origin.clone();
    crate::protocols::object::getattr(vm, &origin, name)
}

fn ga_richcompare(vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
    let Some(y) = b.downcast::<GenericAliasData>() else { return Ok(none::not_implemented()) };
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(none::not_implemented());
    }
    let (yo, ya) = (y.origin.clone(), y.args.clone());
    let (xo, xa) = (ga(a).origin.clone(), ga(a).args.clone());
    let eq = crate::protocols::object::eq(vm, &xo, &yo)? && crate::protocols::object::eq(vm, &xa, &ya)?;
    Ok(none::bool_value(eq == (op == CompareOp::Eq)))
}

fn ga_hash(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let (o, a) = (ga(v).origin.clone(), ga(v).args.clone());
    Ok(crate::protocols::object::hash(vm, &o)? ^ crate::protocols::object::hash(vm, &a)?)
}

fn ga_mro_entries(_vm: &mut Vm, args: &[Value], _kw: Option<&Value>) -> PyResult<Value> {
    Ok(tuple::new_tuple(vec![ga(&args[0]).origin.clone()]))
}

fn ga_instancecheck(vm: &mut Vm, _args: &[Value], _kw: Option<&Value>) -> PyResult<Value> {
    Err(vm.type_error("isinstance() argument 2 cannot be a parameterized generic"))
}

fn ga_subclasscheck(vm: &mut Vm, _args: &[Value], _kw: Option<&Value>) -> PyResult<Value> {
    Err(vm.type_error("issubclass() argument 2 cannot be a parameterized generic"))
}

static GA_METHODS: &[MethodDef] = &[
    MethodDef { name: "__mro_entries__", func: ga_mro_entries, kind: MethodKind::Instance, doc: "" },
    MethodDef { name: "__instancecheck__", func: ga_instancecheck, kind: MethodKind::Instance, doc: "" },
    MethodDef { name: "__subclasscheck__", func: ga_subclasscheck, kind: MethodKind::Instance, doc: "" },
];

fn ga_traverse(h: &ObjHeader, visit: &mut dyn FnMut(&Value)) {
    // SAFETY: GenericAlias objects only.
    let d = unsafe { payload_of::<GenericAliasData>(h) };
    visit(&d.origin);
    visit(&d.args);
}

// ---------------------------------------------------------------------------------------
// X | Y

/// Can `v` be a member of a `X | Y` union (a type, None, a generic alias or a union)?
fn unionable(v: &Value) -> bool {
    none::is_none(v) || v.as_type().is_some() || v.downcast::<GenericAliasData>().is_some() || v.downcast::<UnionData>().is_some()
}

/// `a | b` for types: a `types.UnionType`, or `NotImplemented`.
pub fn type_or(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    if !unionable(a) || !unionable(b) {
        return Ok(none::not_implemented());
    }
    let mut members: Vec<Value> = Vec::new();
    for side in [a, b] {
        let items: Vec<Value> = match side.downcast::<UnionData>() {
            Some(u) => tuple::items(&u.args).to_vec(),
            None => vec![if none::is_none(side) { none::NONE_TYPE.to_value() } else { side.clone() }],
        };
        for it in items {
            let mut dup = false;
            for m in &members {
                if m.is(&it) || (it.downcast::<GenericAliasData>().is_some() && crate::protocols::object::eq(vm, m, &it)?) {
                    dup = true;
                    break;
                }
            }
            if !dup {
                members.push(it);
            }
        }
    }
    if members.len() == 1 {
        return Ok(members.pop().expect("one member"));
    }
    Ok(alloc_object(&UNION_TYPE, UnionData { args: tuple::new_tuple(members) }))
}

fn union_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let args = v.downcast::<UnionData>().expect("union").args.clone();
    let mut parts = Vec::new();
    for a in tuple::items(&args).to_vec() {
        if a.is(&none::NONE_TYPE.to_value()) {
            parts.push("None".to_owned());
        } else {
            parts.push(repr_item(vm, &a)?);
        }
    }
    Ok(pystr::from_string(parts.join(" | ")))
}

fn union_getattro(vm: &mut Vm, v: &Value, name: &Value) -> PyResult<Value> {
    if pystr::try_str(name) == Some("__args__") {
        return Ok(v.downcast::<UnionData>().expect("union").args.clone());
    }
    crate::objects::object::generic_getattr(vm, v, name)
}

fn union_richcompare(vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
    let Some(y) = b.downcast::<UnionData>() else { return Ok(none::not_implemented()) };
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(none::not_implemented());
    }
    let xa = tuple::items(&a.downcast::<UnionData>().expect("union").args).to_vec();
    let ya = tuple::items(&y.args).to_vec();
    let mut eq = xa.len() == ya.len();
    for x in &xa {
        let mut found = false;
        for w in &ya {
            if crate::protocols::object::eq(vm, x, w)? {
                found = true;
                break;
            }
        }
        eq &= found;
    }
    Ok(none::bool_value(eq == (op == CompareOp::Eq)))
}

fn union_hash(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let args = v.downcast::<UnionData>().expect("union").args.clone();
    let mut h: i64 = 0;
    for a in tuple::items(&args).to_vec() {
        h ^= crate::protocols::object::hash(vm, &a)?;
    }
    Ok(h)
}

/// The members of a union used as the second argument of isinstance/issubclass.
pub fn union_members(v: &Value) -> Option<Value> {
    // `types.UnionType` cannot be subclassed: an exact check, no MRO walk.
    v.downcast_exact::<UnionData>().map(|u| u.args.clone())
}

fn union_traverse(h: &ObjHeader, visit: &mut dyn FnMut(&Value)) {
    // SAFETY: union objects only.
    let d = unsafe { payload_of::<UnionData>(h) };
    visit(&d.args);
}
