//! Generic object operations: repr/str/hash, comparison, truth, attributes, items
//! (CPython: `Objects/object.c`, parts of `Objects/abstract.c`).

use crate::object::Value;
use crate::objects::{none, str as pystr, exceptions};
use crate::typeobj::CompareOp;
use crate::vm::{PyResult, Vm};

/// `repr(v)`.
pub fn repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    if let Some(i) = v.as_small_int() {
        return Ok(pystr::from_string(i.to_string()));
    }
    let f = v.ty().slots.repr.get().unwrap_or(crate::objects::object::object_repr);
    vm.enter_native_call()?;
    let r = f(vm, v);
    vm.leave_native_call();
    let r = r?;
    if !pystr::is_str(&r) {
        return Err(vm.type_error(format!("__repr__ returned non-string (type {})", r.ty().name())));
    }
    Ok(r)
}

pub fn repr_string(vm: &mut Vm, v: &Value) -> PyResult<String> {
    Ok(pystr::as_str(&repr(vm, v)?).to_owned())
}

/// `str(v)`.
pub fn str(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    if let Some(i) = v.as_small_int() {
        return Ok(pystr::from_string(i.to_string()));
    }
    if std::ptr::eq(v.ty(), &pystr::STR_TYPE.0) {
        return Ok(v.clone());
    }
    let f = match v.ty().slots.str.get() {
        Some(f) => f,
        None => return repr(vm, v),
    };
    vm.enter_native_call()?;
    let r = f(vm, v);
    vm.leave_native_call();
    let r = r?;
    if !pystr::is_str(&r) {
        return Err(vm.type_error(format!("__str__ returned non-string (type {})", r.ty().name())));
    }
    Ok(r)
}

pub fn str_string(vm: &mut Vm, v: &Value) -> PyResult<String> {
    Ok(pystr::as_str(&str(vm, v)?).to_owned())
}

/// `hash(v)`.
pub fn hash(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    if let Some(i) = v.as_small_int() {
        return Ok(crate::objects::int::hash_small_int(i));
    }
    if let Some(d) = pystr::str_data(v) {
        if std::ptr::eq(v.ty(), &pystr::STR_TYPE.0) {
            return Ok(d.hash());
        }
    }
    match v.ty().slots.hash.get() {
        Some(f) => f(vm, v),
        None => Err(vm.type_error(format!("unhashable type: '{}'", v.ty().name()))),
    }
}

/// The text of an exact `str` (not a subclass, whose comparisons may be overridden), as
/// generalized UTF-8: its byte order is the code-point order.
#[inline(always)]
fn exact_str(v: &Value) -> Option<&[u8]> {
    v.downcast_exact::<pystr::StrData>().map(|d| d.as_bytes())
}

/// How deep [`fast_ordering`] follows nested tuples before leaving them to the general
/// comparison (which checks the recursion limit).
const FAST_ORDERING_DEPTH: u32 = 16;

/// The order of `a` and `b` when both are of one exact built-in type whose `==` and `<` follow
/// a total order (small ints, strs, floats other than NaN, and tuples of such): no method is
/// called, so the answer is the one the full protocol would give, without its cost. `None`
/// when the full protocol must decide.
#[inline]
pub fn fast_ordering(a: &Value, b: &Value) -> Option<std::cmp::Ordering> {
    fast_ordering_at(a, b, 0)
}

fn fast_ordering_at(a: &Value, b: &Value, depth: u32) -> Option<std::cmp::Ordering> {
    use std::cmp::Ordering;
    if let (Some(x), Some(y)) = (a.as_small_int(), b.as_small_int()) {
        return Some(x.cmp(&y));
    }
    if let (Some(x), Some(y)) = (exact_str(a), exact_str(b)) {
        return Some(x.cmp(y));
    }
    if let (Some(x), Some(y)) = (crate::objects::float::exact_float(a), crate::objects::float::exact_float(b)) {
        return x.partial_cmp(&y);
    }
    if depth < FAST_ORDERING_DEPTH {
        if let (Some(x), Some(y)) = (a.downcast_exact::<crate::objects::tuple::TupleData>(), b.downcast_exact::<crate::objects::tuple::TupleData>()) {
            for (p, q) in x.items().iter().zip(y.items().iter()) {
                // Tuples compare items with the identity shortcut, as CPython's do.
                if p.is(q) {
                    continue;
                }
                match fast_ordering_at(p, q, depth + 1)? {
                    Ordering::Equal => continue,
                    unequal => return Some(unequal),
                }
            }
            return Some(x.items().len().cmp(&y.items().len()));
        }
    }
    None
}

/// `a == b` as a bool, with the identity shortcut CPython's containers use.
#[inline]
pub fn eq(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<bool> {
    if a.is(b) {
        return Ok(true);
    }
    if a.is_small_int() && b.is_small_int() {
        return Ok(false);
    }
    if exact_str(a).is_some() && exact_str(b).is_some() {
        return Ok(pystr::str_eq(a, b));
    }
    richcompare_bool(vm, a, b, CompareOp::Eq)
}

/// `a OP b` converted to bool (no identity shortcut).
pub fn richcompare_bool(vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<bool> {
    if let (Some(x), Some(y)) = (a.as_small_int(), b.as_small_int()) {
        return Ok(op.test(x.cmp(&y)));
    }
    // Exact strs compare by code point order, which UTF-8 byte order preserves.
    if let (Some(x), Some(y)) = (exact_str(a), exact_str(b)) {
        return Ok(op.test(x.cmp(y)));
    }
    // Exact tuples compare item by item without building intermediate bools.
    if let (Some(x), Some(y)) = (a.downcast_exact::<crate::objects::tuple::TupleData>(), b.downcast_exact::<crate::objects::tuple::TupleData>()) {
        if let Some(order) = fast_ordering(a, b) {
            return Ok(op.test(order));
        }
        vm.enter_native_call()?;
        let r = compare_sequences_bool(vm, x.items(), y.items(), op);
        vm.leave_native_call();
        return r;
    }
    let r = richcompare(vm, a, b, op)?;
    is_true(vm, &r)
}

/// `a OP b` (CPython's `do_richcompare`): the reflected method of a right operand whose type
/// is a proper subclass goes first; `NotImplemented` from both falls back to identity for
/// `==`/`!=` and a TypeError otherwise.
pub fn richcompare(vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
    if let (Some(x), Some(y)) = (a.as_small_int(), b.as_small_int()) {
        return Ok(none::bool_value(op.test(x.cmp(&y))));
    }
    if let (Some(x), Some(y)) = (exact_str(a), exact_str(b)) {
        return Ok(none::bool_value(op.test(x.cmp(y))));
    }
    vm.enter_native_call()?;
    let r = richcompare_inner(vm, a, b, op);
    vm.leave_native_call();
    r
}

fn richcompare_inner(vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
    let ta = a.ty();
    let tb = b.ty();
    let mut checked_reverse = false;
    if !std::ptr::eq(ta, tb) && tb.is_subtype(ta) {
        if let Some(f) = tb.slots.richcompare.get() {
            checked_reverse = true;
            let r = f(vm, b, a, op.swapped())?;
            if !none::is_not_implemented(&r) {
                return Ok(r);
            }
        }
    }
    if let Some(f) = ta.slots.richcompare.get() {
        let r = f(vm, a, b, op)?;
        if !none::is_not_implemented(&r) {
            return Ok(r);
        }
    }
    if !checked_reverse {
        if let Some(f) = tb.slots.richcompare.get() {
            let r = f(vm, b, a, op.swapped())?;
            if !none::is_not_implemented(&r) {
                return Ok(r);
            }
        }
    }
    match op {
        CompareOp::Eq => Ok(none::bool_value(a.is(b))),
        CompareOp::Ne => Ok(none::bool_value(!a.is(b))),
        _ => Err(vm.type_error(format!(
            "'{}' not supported between instances of '{}' and '{}'",
            op.symbol(),
            ta.name(),
            tb.name()
        ))),
    }
}

/// Lexicographic comparison of two sequences (lists, tuples).
/// [`compare_sequences`] as a bool (the last differing items' comparison made truthy).
pub fn compare_sequences_bool(vm: &mut Vm, x: &[Value], y: &[Value], op: CompareOp) -> PyResult<bool> {
    if matches!(op, CompareOp::Eq | CompareOp::Ne) && x.len() != y.len() {
        return Ok(op == CompareOp::Ne);
    }
    let n = x.len().min(y.len());
    for i in 0..n {
        if !eq(vm, &x[i], &y[i])? {
            return match op {
                CompareOp::Eq => Ok(false),
                CompareOp::Ne => Ok(true),
                _ => richcompare_bool(vm, &x[i], &y[i], op),
            };
        }
    }
    Ok(op.test(x.len().cmp(&y.len())))
}

pub fn compare_sequences(vm: &mut Vm, x: &[Value], y: &[Value], op: CompareOp) -> PyResult<Value> {
    if matches!(op, CompareOp::Eq | CompareOp::Ne) && x.len() != y.len() {
        return Ok(none::bool_value(op == CompareOp::Ne));
    }
    let n = x.len().min(y.len());
    for i in 0..n {
        if !eq(vm, &x[i], &y[i])? {
            return match op {
                CompareOp::Eq => Ok(none::bool_value(false)),
                CompareOp::Ne => Ok(none::bool_value(true)),
                _ => richcompare(vm, &x[i], &y[i], op),
            };
        }
    }
    Ok(none::bool_value(op.test(x.len().cmp(&y.len()))))
}

/// Truth value (`PyObject_IsTrue`).
#[inline]
pub fn is_true(vm: &mut Vm, v: &Value) -> PyResult<bool> {
    if let Some(i) = v.as_small_int() {
        return Ok(i != 0);
    }
    let p = v.as_ptr();
    if p == none::true_ptr() {
        return Ok(true);
    }
    if p == none::false_ptr() || none::is_none(v) {
        return Ok(false);
    }
    let ty = v.ty();
    if let Some(f) = ty.slots.nb_bool.get() {
        return f(vm, v);
    }
    if let Some(f) = ty.slots.len.get() {
        return Ok(f(vm, v)? != 0);
    }
    Ok(true)
}

/// `getattr(obj, name)`; `name` is a str value.
#[inline]
pub fn getattr(vm: &mut Vm, obj: &Value, name: &Value) -> PyResult<Value> {
    match obj.ty().slots.getattro.get() {
        Some(f) => f(vm, obj, name),
        None => crate::objects::object::generic_getattr(vm, obj, name),
    }
}

pub fn getattr_str(vm: &mut Vm, obj: &Value, name: &str) -> PyResult<Value> {
    let n = vm.intern(name);
    getattr(vm, obj, &n)
}

/// `getattr(obj, name, None)`-like: `Ok(None)` when the attribute is missing (AttributeError).
pub fn getattr_opt(vm: &mut Vm, obj: &Value, name: &str) -> PyResult<Option<Value>> {
    match getattr_str(vm, obj, name) {
        Ok(v) => Ok(Some(v)),
        Err(e) if e.matches(exceptions::attribute_error()) => Ok(None),
        Err(e) => Err(e),
    }
}

/// `setattr(obj, name, value)` or `delattr` when `value` is None.
pub fn setattr(vm: &mut Vm, obj: &Value, name: &Value, value: Option<&Value>) -> PyResult<()> {
    match obj.ty().slots.setattro.get() {
        Some(f) => f(vm, obj, name, value),
        None => crate::objects::object::generic_setattr(vm, obj, name, value),
    }
}

pub fn setattr_str(vm: &mut Vm, obj: &Value, name: &str, value: Value) -> PyResult<()> {
    let n = vm.intern(name);
    setattr(vm, obj, &n, Some(&value))
}

/// `obj[key]`.
pub fn getitem(vm: &mut Vm, obj: &Value, key: &Value) -> PyResult<Value> {
    if let Some(f) = obj.ty().slots.getitem.get() {
        return f(vm, obj, key);
    }
    if let Some(t) = obj.as_type() {
        // `type[...]`: __class_getitem__.
        if let Some(cg) = t.lookup_str(vm, "__class_getitem__") {
            let bound = crate::objects::descr::bind(vm, &cg, Some(obj), obj)?;
            return crate::protocols::call::call(vm, &bound, &[key.clone()], None);
        }
        if std::ptr::eq(t, crate::typeobj::type_type()) {
            return Ok(obj.clone());
        }
    }
    Err(vm.type_error(format!("'{}' object is not subscriptable", obj.ty().name())))
}

/// `obj[start:stop]` (`BINARY_SLICE`) for an exact str, list or tuple with bounds that are
/// small ints or None: the range is taken directly, without making a slice object (nothing
/// here can run Python code). None when the generic path (`obj[slice(start, stop)]`) must run.
pub fn slice_simple(obj: &Value, start: &Value, stop: &Value) -> Option<Value> {
    fn bound(v: &Value, default: isize) -> Option<isize> {
        if crate::objects::none::is_none(v) { Some(default) } else { v.as_small_int().map(|i| i as isize) }
    }
    let (mut a, mut b) = (bound(start, 0)?, bound(stop, isize::MAX)?);
    let clip = |len: usize, a: &mut isize, b: &mut isize| -> (usize, usize) {
        crate::objects::slice::adjust_indices(len as isize, a, b, 1);
        (*a as usize, (*b).max(*a) as usize)
    };
    if let Some(d) = obj.downcast_exact::<pystr::StrData>() {
        let (a, b) = clip(d.len, &mut a, &mut b);
        return Some(pystr::substring(obj, a, b));
    }
    if let Some(l) = obj.downcast_exact::<crate::objects::list::ListData>() {
        let (a, b) = clip(l.len(), &mut a, &mut b);
        return Some(crate::objects::list::new_list(l.copy_range(a, b)));
    }
    if let Some(items) = crate::objects::tuple::exact_items(obj) {
        let (a, b) = clip(items.len(), &mut a, &mut b);
        if a == 0 && b == items.len() {
            return Some(obj.clone());
        }
        return Some(crate::objects::tuple::new_tuple(items[a..b].to_vec()));
    }
    None
}

/// `obj[key] = value` / `del obj[key]`.
pub fn setitem(vm: &mut Vm, obj: &Value, key: &Value, value: Option<&Value>) -> PyResult<()> {
    match obj.ty().slots.setitem.get() {
        Some(f) => f(vm, obj, key, value),
        None => Err(vm.type_error(if value.is_some() {
            format!("'{}' object does not support item assignment", obj.ty().name())
        } else {
            format!("'{}' object doesn't support item deletion", obj.ty().name())
        })),
    }
}

/// `len(obj)`.
pub fn len(vm: &mut Vm, obj: &Value) -> PyResult<usize> {
    match obj.ty().slots.len.get() {
        Some(f) => f(vm, obj),
        None => Err(vm.type_error(format!("object of type '{}' has no len()", obj.ty().name()))),
    }
}

/// `item in container`.
pub fn contains(vm: &mut Vm, container: &Value, item: &Value) -> PyResult<bool> {
    if let Some(f) = container.ty().slots.contains.get() {
        return f(vm, container, item);
    }
    // Fall back to iteration.
    let it = match crate::protocols::iter::get_iter(vm, container) {
        Ok(it) => it,
        Err(e) if e.matches(exceptions::type_error()) => {
            return Err(vm.type_error(format!("argument of type '{}' is not iterable", container.ty().name())))
        }
        Err(e) => return Err(e),
    };
    while let Some(x) = crate::protocols::iter::next(vm, &it)? {
        if eq(vm, &x, item)? {
            return Ok(true);
        }
    }
    Ok(false)
}

/// `isinstance(obj, cls)` with `__instancecheck__` and tuples.
pub fn isinstance(vm: &mut Vm, obj: &Value, cls: &Value) -> PyResult<bool> {
    if let Some(members) = crate::objects::genericalias::union_members(cls) {
        return isinstance(vm, obj, &members);
    }
    if let Some(t) = cls.as_type() {
        if obj.ty().is_subtype(t) {
            return Ok(true);
        }
        // `__class__` may differ from the type (proxies); check it when the type is a heap type.
        if !std::ptr::eq(cls.ty(), crate::typeobj::type_type()) {
            if let Some(check) = cls.ty().lookup_str(vm, "__instancecheck__") {
                let r = crate::protocols::call::call_method_value(vm, &check, cls, &[obj.clone()])?;
                return is_true(vm, &r);
            }
        }
        return Ok(false);
    }
    if let Some(items) = crate::objects::tuple::try_items(cls) {
        let items = items.to_vec();
        for c in &items {
            if isinstance(vm, obj, c)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    if let Some(check) = cls.ty().lookup_str(vm, "__instancecheck__") {
        let r = crate::protocols::call::call_method_value(vm, &check, cls, &[obj.clone()])?;
        return is_true(vm, &r);
    }
    Err(vm.type_error("isinstance() arg 2 must be a type, a tuple of types, or a union"))
}

/// `issubclass(sub, cls)`.
pub fn issubclass(vm: &mut Vm, sub: &Value, cls: &Value) -> PyResult<bool> {
    if let Some(members) = crate::objects::genericalias::union_members(cls) {
        return issubclass(vm, sub, &members);
    }
    if let Some(items) = crate::objects::tuple::try_items(cls) {
        let items = items.to_vec();
        for c in &items {
            if issubclass(vm, sub, c)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    if let Some(t) = cls.as_type() {
        if !std::ptr::eq(cls.ty(), crate::typeobj::type_type()) {
            if let Some(check) = cls.ty().lookup_str(vm, "__subclasscheck__") {
                let r = crate::protocols::call::call_method_value(vm, &check, cls, &[sub.clone()])?;
                return is_true(vm, &r);
            }
        }
        let Some(s) = sub.as_type() else {
            return Err(vm.type_error("issubclass() arg 1 must be a class"));
        };
        return Ok(s.is_subtype(t));
    }
    if let Some(check) = cls.ty().lookup_str(vm, "__subclasscheck__") {
        let r = crate::protocols::call::call_method_value(vm, &check, cls, &[sub.clone()])?;
        return is_true(vm, &r);
    }
    Err(vm.type_error("issubclass() arg 2 must be a class, a tuple of classes, or a union"))
}
