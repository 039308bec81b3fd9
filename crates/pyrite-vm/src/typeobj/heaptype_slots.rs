//! Slots of classes defined in Python: each calls the dunder method found along the MRO
//! (CPython: the `slot_*` functions and `update_one_slot` in `Objects/typeobject.c`).

use crate::object::Value;
use crate::objects::{descr::{self, SlotKind}, none, str as pystr};
use crate::protocols::call::call_method_value;
use crate::typeobj::{CompareOp, PyType, NB_BINARY, BinaryFn};
use crate::vm::{PyResult, Vm};

/// Look `name` up on the type of `obj` and call it as a method.
fn call_dunder(vm: &mut Vm, obj: &Value, name: &'static str, args: &[Value]) -> PyResult<Option<Value>> {
    let Some(f) = obj.ty().lookup_str(vm, name) else { return Ok(None) };
    call_method_value(vm, &f, obj, args).map(Some)
}

fn require(vm: &mut Vm, obj: &Value, name: &'static str, args: &[Value]) -> PyResult<Value> {
    match call_dunder(vm, obj, name, args)? {
        Some(v) => Ok(v),
        None => Err(vm.type_error(format!("'{}' object has no {name}", obj.ty().name()))),
    }
}

fn slot_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    require(vm, v, "__repr__", &[])
}
fn slot_str(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    require(vm, v, "__str__", &[])
}
fn slot_hash(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let Some(f) = v.ty().lookup_str(vm, "__hash__") else {
        return Err(vm.type_error(format!("unhashable type: '{}'", v.ty().name())));
    };
    if none::is_none(&f) {
        return Err(vm.type_error(format!("unhashable type: '{}'", v.ty().name())));
    }
    let r = call_method_value(vm, &f, v, &[])?;
    match crate::objects::int::as_int(&r) {
        // A value that fits is the hash itself (-1 is reserved); larger ints are hashed.
        Some(i) => Ok(match i.to_i64() {
            Some(-1) => -2,
            Some(x) => x,
            None => crate::objects::int::hash_int(&i),
        }),
        None => Err(vm.type_error("__hash__ method should return an integer")),
    }
}
fn slot_richcompare(vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
    match call_dunder(vm, a, op.dunder(), std::slice::from_ref(b))? {
        Some(r) => Ok(r),
        None => Ok(none::not_implemented()),
    }
}
fn slot_call(vm: &mut Vm, callable: &Value, args: &[Value], kwnames: Option<&Value>) -> PyResult<Value> {
    let Some(f) = callable.ty().lookup_str(vm, "__call__") else {
        return Err(vm.type_error(format!("'{}' object is not callable", callable.ty().name())));
    };
    let ty = callable.ty().to_value();
    let bound = descr::bind(vm, &f, Some(callable), &ty)?;
    crate::protocols::call::call(vm, &bound, args, kwnames)
}
fn slot_iter(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let Some(f) = v.ty().lookup_str(vm, "__iter__") else {
        return Err(vm.type_error(format!("'{}' object is not iterable", v.ty().name())));
    };
    if none::is_none(&f) {
        return Err(vm.type_error(format!("'{}' object is not iterable", v.ty().name())));
    }
    call_method_value(vm, &f, v, &[])
}
fn slot_iternext(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let r = require(vm, v, "__next__", &[]);
    crate::protocols::iter::stop_iteration_to_none(r)
}
fn slot_am_await(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    require(vm, v, "__await__", &[])
}
fn slot_am_aiter(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    require(vm, v, "__aiter__", &[])
}
fn slot_am_anext(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    require(vm, v, "__anext__", &[])
}
fn slot_descr_get(vm: &mut Vm, d: &Value, obj: Option<&Value>, ty: &Value) -> PyResult<Value> {
    let o = obj.cloned().unwrap_or_else(none::none);
    require(vm, d, "__get__", &[o, ty.clone()])
}
fn slot_descr_set(vm: &mut Vm, d: &Value, obj: &Value, value: Option<&Value>) -> PyResult<()> {
    // A data descriptor may define only one of the two; the missing one is an AttributeError
    // naming it (CPython's slot_tp_descr_set).
    let (name, r) = match value {
        Some(v) => ("__set__", call_dunder(vm, d, "__set__", &[obj.clone(), v.clone()])?),
        None => ("__delete__", call_dunder(vm, d, "__delete__", std::slice::from_ref(obj))?),
    };
    match r {
        Some(_) => Ok(()),
        None => Err(vm.attribute_error(name)),
    }
}
fn slot_init(vm: &mut Vm, this: &Value, args: &[Value], kwnames: Option<&Value>) -> PyResult<()> {
    let Some(f) = this.ty().lookup_str(vm, "__init__") else { return Ok(()) };
    let r = if f.downcast_exact::<crate::objects::function::FunctionData>().is_some() {
        // A plain function: call it with self prepended, without a bound-method object.
        let mut full = Vec::with_capacity(args.len() + 1);
        full.push(this.clone());
        full.extend_from_slice(args);
        crate::eval::call_function(vm, &f, &full, kwnames)?
    } else {
        let ty = this.ty().to_value();
        let bound = descr::bind(vm, &f, Some(this), &ty)?;
        crate::protocols::call::call(vm, &bound, args, kwnames)?
    };
    if !none::is_none(&r) {
        return Err(vm.type_error(format!("__init__() should return None, not '{}'", r.ty().name())));
    }
    Ok(())
}
fn slot_new(vm: &mut Vm, cls: &Value, args: &[Value], kwnames: Option<&Value>) -> PyResult<Value> {
    // SAFETY: cls is a type.
    let ty = unsafe { cls.as_type_unchecked() };
    let Some(f) = ty.lookup_str(vm, "__new__") else { return Err(vm.type_error("no __new__")) };
    // __new__ is a static method: call with the class prepended.
    let f = if let Some(_) = f.downcast::<descr::WrapperData>() {
        descr::bind(vm, &f, None, cls)?
    } else {
        f
    };
    let mut full = Vec::with_capacity(args.len() + 1);
    full.push(cls.clone());
    full.extend_from_slice(args);
    crate::protocols::call::call(vm, &f, &full, kwnames)
}
fn slot_getattr_hook(vm: &mut Vm, obj: &Value, name: &Value) -> PyResult<Value> {
    let ty = obj.ty();
    let getattribute = ty.lookup_str(vm, "__getattribute__");
    let r = match &getattribute {
        Some(ga) if descr::slot_wrapper_owner(ga, SlotKind::GetAttribute).is_none() => {
            call_method_value(vm, ga, obj, std::slice::from_ref(name))
        }
        _ => crate::objects::object::generic_getattr(vm, obj, name),
    };
    match r {
        Err(e) if e.matches(crate::objects::exceptions::attribute_error()) => {
            match ty.lookup_str(vm, "__getattr__") {
                Some(ga) => call_method_value(vm, &ga, obj, std::slice::from_ref(name)),
                None => Err(e),
            }
        }
        r => r,
    }
}
fn slot_setattro(vm: &mut Vm, obj: &Value, name: &Value, value: Option<&Value>) -> PyResult<()> {
    match value {
        Some(v) => require(vm, obj, "__setattr__", &[name.clone(), v.clone()])?,
        None => require(vm, obj, "__delattr__", std::slice::from_ref(name))?,
    };
    Ok(())
}
fn slot_len(vm: &mut Vm, v: &Value) -> PyResult<usize> {
    let r = require(vm, v, "__len__", &[])?;
    let Some(i) = crate::objects::int::as_int(&r) else {
        return Err(vm.type_error(format!("'{}' object cannot be interpreted as an integer", r.ty().name())));
    };
    if i.is_negative() {
        return Err(vm.value_error("__len__() should return >= 0"));
    }
    match i.to_i64() {
        Some(n) => Ok(n as usize),
        None => Err(vm.overflow_error("cannot fit 'int' into an index-sized integer")),
    }
}
fn slot_bool(vm: &mut Vm, v: &Value) -> PyResult<bool> {
    if let Some(f) = v.ty().lookup_str(vm, "__bool__") {
        let r = call_method_value(vm, &f, v, &[])?;
        if !std::ptr::eq(r.ty(), &none::BOOL_TYPE.0) {
            return Err(vm.type_error(format!("__bool__ should return bool, returned {}", r.ty().name())));
        }
        return Ok(r.as_ptr() == none::true_ptr());
    }
    if v.ty().lookup_str(vm, "__len__").is_some() {
        return Ok(slot_len(vm, v)? != 0);
    }
    Ok(true)
}
fn slot_getitem(vm: &mut Vm, v: &Value, key: &Value) -> PyResult<Value> {
    require(vm, v, "__getitem__", std::slice::from_ref(key))
}
fn slot_setitem(vm: &mut Vm, v: &Value, key: &Value, value: Option<&Value>) -> PyResult<()> {
    match value {
        Some(x) => require(vm, v, "__setitem__", &[key.clone(), x.clone()])?,
        None => require(vm, v, "__delitem__", std::slice::from_ref(key))?,
    };
    Ok(())
}
fn slot_contains(vm: &mut Vm, v: &Value, item: &Value) -> PyResult<bool> {
    match v.ty().lookup_str(vm, "__contains__") {
        Some(f) if !none::is_none(&f) => {
            let r = call_method_value(vm, &f, v, std::slice::from_ref(item))?;
            crate::protocols::object::is_true(vm, &r)
        }
        _ => {
            let it = crate::protocols::iter::get_iter(vm, v)?;
            while let Some(x) = crate::protocols::iter::next(vm, &it)? {
                if crate::protocols::object::eq(vm, &x, item)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
    }
}

macro_rules! unary_slot {
    ($fn:ident, $name:literal) => {
        fn $fn(vm: &mut Vm, v: &Value) -> PyResult<Value> {
            require(vm, v, $name, &[])
        }
    };
}
unary_slot!(slot_neg, "__neg__");
unary_slot!(slot_pos, "__pos__");
unary_slot!(slot_invert, "__invert__");
unary_slot!(slot_abs, "__abs__");
unary_slot!(slot_int, "__int__");
unary_slot!(slot_float, "__float__");
unary_slot!(slot_index, "__index__");

/// Names of the binary dunders, indexed by `NB_*`: (method, reflected, in-place).
pub const BINARY_DUNDERS: [(&str, &str, &str); NB_BINARY] = [
    ("__add__", "__radd__", "__iadd__"),
    ("__and__", "__rand__", "__iand__"),
    ("__floordiv__", "__rfloordiv__", "__ifloordiv__"),
    ("__lshift__", "__rlshift__", "__ilshift__"),
    ("__matmul__", "__rmatmul__", "__imatmul__"),
    ("__mul__", "__rmul__", "__imul__"),
    ("__mod__", "__rmod__", "__imod__"),
    ("__or__", "__ror__", "__ior__"),
    ("__pow__", "__rpow__", "__ipow__"),
    ("__rshift__", "__rrshift__", "__irshift__"),
    ("__sub__", "__rsub__", "__isub__"),
    ("__truediv__", "__rtruediv__", "__itruediv__"),
    ("__xor__", "__rxor__", "__ixor__"),
];

/// CPython's SLOT1BINFULL: try `a.__op__(b)`, and `b.__rop__(a)` when `b`'s type also
/// uses this slot (first if `b`'s type is a subclass that overrides `__rop__`).
fn binary_slot(vm: &mut Vm, a: &Value, b: &Value, op: usize) -> PyResult<Value> {
    let (name, rname, _) = BINARY_DUNDERS[op];
    let this = BINARY_SLOTS[op] as usize;
    let a_uses = a.ty().slots.nb[op].get().map(|f| f as usize == this).unwrap_or(false);
    let b_uses = b.ty().slots.nb[op].get().map(|f| f as usize == this).unwrap_or(false);
    let same = std::ptr::eq(a.ty(), b.ty());
    let mut do_other = !same && b_uses;
    if a_uses {
        if do_other && b.ty().is_subtype(a.ty()) {
            let b_r = b.ty().lookup_str(vm, rname);
            let a_r = a.ty().lookup_str(vm, rname);
            let overrides = match (&b_r, &a_r) {
                (Some(x), Some(y)) => !x.is(y),
                (Some(_), None) => true,
                _ => false,
            };
            if overrides {
                if let Some(r) = call_dunder(vm, b, rname, std::slice::from_ref(a))? {
                    if !none::is_not_implemented(&r) {
                        return Ok(r);
                    }
                }
                do_other = false;
            }
        }
        if let Some(r) = call_dunder(vm, a, name, std::slice::from_ref(b))? {
            if !none::is_not_implemented(&r) || same {
                return Ok(r);
            }
        }
    }
    if do_other {
        if let Some(r) = call_dunder(vm, b, rname, std::slice::from_ref(a))? {
            return Ok(r);
        }
    }
    Ok(none::not_implemented())
}

fn inplace_slot(vm: &mut Vm, a: &Value, b: &Value, op: usize) -> PyResult<Value> {
    let (_, _, iname) = BINARY_DUNDERS[op];
    match call_dunder(vm, a, iname, std::slice::from_ref(b))? {
        Some(r) => Ok(r),
        None => Ok(none::not_implemented()),
    }
}

macro_rules! nb_slots {
    ($($i:literal => $b:ident, $ip:ident;)*) => {
        $( fn $b(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> { binary_slot(vm, a, b, $i) }
           fn $ip(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> { inplace_slot(vm, a, b, $i) } )*
        static BINARY_SLOTS: [BinaryFn; NB_BINARY] = [$($b),*];
        static INPLACE_SLOTS: [BinaryFn; NB_BINARY] = [$($ip),*];
    };
}
nb_slots! {
    0 => nb0, inb0; 1 => nb1, inb1; 2 => nb2, inb2; 3 => nb3, inb3; 4 => nb4, inb4;
    5 => nb5, inb5; 6 => nb6, inb6; 7 => nb7, inb7; 8 => nb8, inb8; 9 => nb9, inb9;
    10 => nb10, inb10; 11 => nb11, inb11; 12 => nb12, inb12;
}

/// Is `name` a dunder that maps to a slot (so setting it on a class must refresh slots)?
pub fn is_slot_dunder(name: &str) -> bool {
    name.starts_with("__") && name.ends_with("__")
}

/// Find `name` along the MRO; if it is the slot wrapper of a built-in type for `kind`, return
/// `Inherit(owner)`; if it is something else return `Python`; if absent, `Missing`.
enum Found {
    Missing,
    Inherit(&'static PyType),
    Python,
    ExplicitNone,
}

fn find(vm: &mut Vm, ty: &PyType, name: &'static str, kind: SlotKind) -> Found {
    match ty.lookup_str(vm, name) {
        None => Found::Missing,
        Some(v) if none::is_none(&v) => Found::ExplicitNone,
        Some(v) => match descr::slot_wrapper_owner(&v, kind) {
            Some(owner) => Found::Inherit(owner),
            None => Found::Python,
        },
    }
}

/// Recompute every slot of heap type `ty` from the dunders along its MRO.
pub fn update_slots(vm: &mut Vm, ty: &PyType) {
    let s = &ty.slots;
    let base = ty.base().expect("heap types have a base");
    // Start from the solid base's machinery.
    s.dealloc.set(base.slots.dealloc.get());
    s.traverse.set(Some(base.slots.traverse.get().unwrap_or(crate::typeobj::traverse_instance_extras)));
    s.clear.set(Some(base.slots.clear.get().unwrap_or(crate::typeobj::clear_instance_extras_gc)));
    // The buffer procedures come with the solid base's memory layout (`inherit_special`).
    s.buffer.set(base.slots.buffer.get());

    macro_rules! pick {
        ($slot:ident, $name:literal, $kind:expr, $py:expr) => {
            s.$slot.set(match find(vm, ty, $name, $kind) {
                Found::Missing => None,
                Found::ExplicitNone => None,
                Found::Inherit(owner) => owner.slots.$slot.get(),
                Found::Python => Some($py),
            });
        };
    }
    pick!(repr, "__repr__", SlotKind::Repr, slot_repr);
    pick!(str, "__str__", SlotKind::Str, slot_str);
    pick!(call, "__call__", SlotKind::Call, slot_call);
    pick!(iter, "__iter__", SlotKind::Iter, slot_iter);
    pick!(iternext, "__next__", SlotKind::Next, slot_iternext);
    pick!(init, "__init__", SlotKind::Init, slot_init);
    pick!(new, "__new__", SlotKind::New, slot_new);
    pick!(nb_negative, "__neg__", SlotKind::Neg, slot_neg);
    pick!(nb_positive, "__pos__", SlotKind::Pos, slot_pos);
    pick!(nb_invert, "__invert__", SlotKind::Invert, slot_invert);
    pick!(nb_absolute, "__abs__", SlotKind::Abs, slot_abs);
    pick!(nb_int, "__int__", SlotKind::Int, slot_int);
    pick!(nb_float, "__float__", SlotKind::Float, slot_float);
    pick!(nb_index, "__index__", SlotKind::Index, slot_index);
    pick!(len, "__len__", SlotKind::Len, slot_len);
    pick!(getitem, "__getitem__", SlotKind::GetItem, slot_getitem);
    pick!(contains, "__contains__", SlotKind::Contains, slot_contains);
    pick!(descr_get, "__get__", SlotKind::Get, slot_descr_get);
    pick!(am_await, "__await__", SlotKind::Await, slot_am_await);
    pick!(am_aiter, "__aiter__", SlotKind::AIter, slot_am_aiter);
    pick!(am_anext, "__anext__", SlotKind::ANext, slot_am_anext);

    // __bool__ falls back to __len__.
    s.nb_bool.set(match find(vm, ty, "__bool__", SlotKind::Bool) {
        Found::Inherit(owner) => owner.slots.nb_bool.get(),
        Found::Python => Some(slot_bool),
        _ => match find(vm, ty, "__len__", SlotKind::Len) {
            Found::Python => Some(slot_bool),
            _ => None,
        },
    });
    // __hash__: explicit None makes the type unhashable; defining __eq__ alone does too
    // (handled at class creation by inserting `__hash__ = None`).
    s.hash.set(match find(vm, ty, "__hash__", SlotKind::Hash) {
        Found::Missing | Found::ExplicitNone => Some(crate::objects::object::hash_not_implemented),
        Found::Inherit(owner) => owner.slots.hash.get(),
        Found::Python => Some(slot_hash),
    });
    // Rich comparison: any Python-level comparison method selects the generic slot.
    let mut rc = None;
    let mut python_cmp = false;
    for op in [CompareOp::Eq, CompareOp::Ne, CompareOp::Lt, CompareOp::Le, CompareOp::Gt, CompareOp::Ge] {
        match find(vm, ty, op.dunder(), SlotKind::RichCompare(op)) {
            Found::Python => python_cmp = true,
            Found::Inherit(owner) => {
                if rc.is_none() {
                    rc = owner.slots.richcompare.get();
                }
            }
            _ => {}
        }
    }
    s.richcompare.set(if python_cmp { Some(slot_richcompare) } else { rc });
    // Attribute access.
    let ga = find(vm, ty, "__getattribute__", SlotKind::GetAttribute);
    let has_getattr = ty.lookup_str(vm, "__getattr__").is_some();
    s.getattro.set(match (ga, has_getattr) {
        (Found::Python, _) | (_, true) => Some(slot_getattr_hook),
        (Found::Inherit(owner), false) => owner.slots.getattro.get(),
        _ => Some(crate::objects::object::generic_getattr),
    });
    let sa = find(vm, ty, "__setattr__", SlotKind::SetAttr);
    let da = find(vm, ty, "__delattr__", SlotKind::DelAttr);
    s.setattro.set(match (sa, da) {
        (Found::Python, _) | (_, Found::Python) => Some(slot_setattro),
        (Found::Inherit(owner), _) => owner.slots.setattro.get(),
        _ => Some(crate::objects::object::generic_setattr),
    });
    let si = find(vm, ty, "__setitem__", SlotKind::SetItem);
    let di = find(vm, ty, "__delitem__", SlotKind::DelItem);
    s.setitem.set(match (si, di) {
        (Found::Python, _) | (_, Found::Python) => Some(slot_setitem),
        (Found::Inherit(owner), _) | (_, Found::Inherit(owner)) => owner.slots.setitem.get(),
        _ => None,
    });
    let ds = find(vm, ty, "__set__", SlotKind::Set);
    let dd = find(vm, ty, "__delete__", SlotKind::Delete);
    s.descr_set.set(match (ds, dd) {
        (Found::Python, _) | (_, Found::Python) => Some(slot_descr_set),
        (Found::Inherit(owner), _) => owner.slots.descr_set.get(),
        _ => None,
    });
    for (i, (name, rname, iname)) in BINARY_DUNDERS.iter().enumerate() {
        let f = find(vm, ty, name, SlotKind::Binary(i as u32));
        let r = find(vm, ty, rname, SlotKind::ReflectedBinary(i as u32));
        s.nb[i].set(match (f, r) {
            (Found::Python, _) | (_, Found::Python) => Some(BINARY_SLOTS[i]),
            (Found::Inherit(owner), _) | (_, Found::Inherit(owner)) => owner.slots.nb[i].get(),
            _ => None,
        });
        s.nb_inplace[i].set(match find(vm, ty, iname, SlotKind::InplaceBinary(i as u32)) {
            Found::Python => Some(INPLACE_SLOTS[i]),
            Found::Inherit(owner) => owner.slots.nb_inplace[i].get(),
            _ => None,
        });
    }
    let has_del = ty.lookup_str(vm, "__del__").is_some();
    let f = ty.flags.get();
    ty.flags.set(if has_del { f | crate::typeobj::flags::HAS_FINALIZER } else { f & !crate::typeobj::flags::HAS_FINALIZER });
    ty.modified();
    let _ = pystr::new_str;
}
