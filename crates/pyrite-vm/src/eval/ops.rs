//! Out-of-line bodies of the less common instructions (kept out of the dispatch loop).

use pyrite_bytecode::opcode::{binop, intrinsic1, intrinsic2};

use crate::object::Value;
use crate::objects::{dict, exceptions, function, list, none, str as pystr, tuple};
use crate::protocols::{call, iter, number, object as ob};
use crate::vm::{PyErr, PyResult, Vm};

use super::frame::Frame;

/// Whether `a <op> b` holds for COMPARE_OP's argument `oparg`, whose low four bits are the
/// mask of outcomes that make it true (1 unordered, 2 less, 4 greater, 8 equal; CPython's
/// COMPARISON_BIT): one shift and one test instead of a branch per operator.
#[inline(always)]
pub fn compare_by_mask<T: PartialOrd>(a: T, b: T, oparg: u32) -> bool {
    let outcome = 1u32 << (2 * (a >= b) as u32 + (a <= b) as u32);
    outcome & oparg != 0
}

/// The attribute LOAD_ATTR_INSTANCE_VALUE reads when its guard holds (`owner`'s class still has
/// the version tag cached in units 1..2 of `cache`, and the inline value at the key index in
/// units 3..4 is set), else `None`. Shared with LOAD_FAST__LOAD_ATTR and COPY 1, which run a
/// following read themselves.
///
/// # Safety
/// `cache` points at a LOAD_ATTR_INSTANCE_VALUE's cache units.
#[inline(always)]
pub unsafe fn instance_value(owner: &Value, cache: *const u16) -> Option<Value> {
    // SAFETY: by the caller's contract (`# Safety` above) `cache` points at
    // LOAD_ATTR_INSTANCE_VALUE's cache units, so units 1..5 are readable; the other unsafe call is
    // justified where it stands.
    unsafe {
        let h = owner.header()?;
        if h.ty().version_tag.get() != super::specialize::read_u32(cache.add(1)) {
            return None;
        }
        // SAFETY: the tag vouches that the class keeps inline values with this key index.
        let b = crate::objects::inline_values::active_in_flagged_class(owner)?;
        b.get(super::specialize::read_u32(cache.add(3)) as usize)
    }
}

/// The attribute LOAD_ATTR_SLOT reads when its guard holds (the version tag in units 1..2 of
/// `cache`, a set `__slots__` member at the offset in units 3..4), else `None`.
///
/// # Safety
/// `cache` points at a LOAD_ATTR_SLOT's cache units.
#[inline(always)]
pub unsafe fn slot_value(owner: &Value, cache: *const u16) -> Option<Value> {
    // SAFETY: by the caller's contract (`# Safety` above) `cache` points at LOAD_ATTR_SLOT's cache
    // units, so units 1..5 are readable; a matching version tag means the offset is a slot cell of
    // `owner`'s layout.
    unsafe {
        let h = owner.header()?;
        if h.ty().version_tag.get() != super::specialize::read_u32(cache.add(1)) {
            return None;
        }
        // SAFETY: the tag vouches that the type (and so the offset) is unchanged.
        (*crate::typeobj::instance_slot_cell(owner, super::specialize::read_u32(cache.add(3)) as usize).get()).clone()
    }
}

/// The inline values STORE_ATTR_INSTANCE_VALUE stores into when its guard holds (the version
/// tag in units 1..2 of `cache`), and the key index (unit 3); else `None`.
///
/// # Safety
/// `cache` points at a STORE_ATTR_INSTANCE_VALUE's cache units.
#[inline(always)]
pub unsafe fn instance_store_target(owner: &Value, cache: *const u16) -> Option<(&crate::objects::inline_values::InlineValues, usize)> {
    // SAFETY: by the caller's contract (`# Safety` above) `cache` points at
    // STORE_ATTR_INSTANCE_VALUE's cache units, so units 1..4 are readable; the block access is
    // justified where it stands.
    unsafe {
        let h = owner.header()?;
        if h.ty().version_tag.get() != super::specialize::read_u32(cache.add(1)) {
            return None;
        }
        // SAFETY: as in `instance_value`.
        let b = crate::objects::inline_values::active_in_flagged_class(owner)?;
        Some((b, *cache.add(3) as usize))
    }
}

/// LOAD_ATTR_METHOD_WITH_VALUES's guard beyond the type version: the instance keeps its
/// attributes inline and its class's keys are as many as when the method was cached (units 3..4
/// of `cache`), so no instance attribute can shadow the method.
///
/// # Safety
/// `cache` points at a LOAD_ATTR_METHOD_WITH_VALUES's cache units.
#[inline(always)]
pub unsafe fn method_not_shadowed(owner: &Value, cache: *const u16) -> bool {
    // SAFETY: by the caller's contract (`# Safety` above) `cache` points at
    // LOAD_ATTR_METHOD_WITH_VALUES's cache units, so units 3..5 are readable.
    unsafe {
        use crate::objects::inline_values;
        inline_values::active(owner).is_some() && inline_values::keys_len(owner.ty()) as u32 == super::specialize::read_u32(cache.add(3))
    }
}

/// The method LOAD_ATTR_METHOD_NO_DICT or LOAD_ATTR_METHOD_WITH_VALUES (`opcode`) pushes when
/// its guards hold, else `None`. For LOAD_FAST__LOAD_ATTR, which runs the method load itself.
///
/// # Safety
/// `cache` points at the cache units of an instruction `opcode`.
#[inline(always)]
pub unsafe fn cached_method(owner: &Value, opcode: u8, cache: *const u16) -> Option<Value> {
    // SAFETY: by the caller's contract (`# Safety` above) `cache` points at the cache units of an
    // instruction `opcode`, so the tag and pointer units are readable; a matching tag keeps the
    // cached method alive in the type's dict.
    unsafe {
        let h = owner.header()?;
        if h.ty().version_tag.get() != super::specialize::read_u32(cache.add(1)) {
            return None;
        }
        if opcode == pyrite_bytecode::opcode::op8::LOAD_ATTR_METHOD_WITH_VALUES && !method_not_shadowed(owner, cache) {
            return None;
        }
        // SAFETY: the type's dict holds the method while the tag is unchanged.
        Some(Value::from_header_borrowed(super::specialize::read_ptr(cache.add(5))))
    }
}

/// `container[sub]` when BINARY_SUBSCR_LIST_INT's guard holds (an exact list, a small int
/// within it, counting from the end when negative), else `None`. Shared with
/// LOAD_FAST__LOAD_CONST and COPY 2, which run a following subscript themselves.
#[inline(always)]
pub fn list_int_item(container: &Value, sub: &Value) -> Option<Value> {
    let (l, i) = (container.downcast_exact::<list::ListData>()?, sub.as_small_int()?);
    l.get(wrap_index(i, l.len())?)
}

/// As [`list_int_item`], for BINARY_SUBSCR_TUPLE_INT (an exact tuple).
#[inline(always)]
pub fn tuple_int_item(container: &Value, sub: &Value) -> Option<Value> {
    let (t, i) = (container.downcast_exact::<tuple::TupleData>()?, sub.as_small_int()?);
    let items = t.items();
    items.get(wrap_index(i, items.len())?).cloned()
}

/// The cell `list[sub] = v` writes when STORE_SUBSCR_LIST_INT's guard holds (an exact list,
/// a small int within it, counting from the end when negative), else `None`.
#[inline(always)]
pub fn list_int_cell(container: &Value, sub: &Value) -> Option<*mut Value> {
    let (l, i) = (container.downcast_exact::<list::ListData>()?, sub.as_small_int()?);
    l.item_ptr(wrap_index(i, l.len())?)
}

/// A sequence index as Python counts it (negative from the end), if it may be in range.
#[inline(always)]
fn wrap_index(i: i64, len: usize) -> Option<usize> {
    usize::try_from(if i < 0 { i + len as i64 } else { i }).ok()
}

/// BINARY_OP for anything but two small ints: float fast paths, then the protocol.
#[inline]
pub fn binary_op_slow(vm: &mut Vm, a: &Value, b: &Value, op: u32) -> PyResult<Value> {
    use crate::objects::float;
    if let (Some(x), Some(y)) = (float::exact_float(a), float::exact_float(b)) {
        if let Some(r) = float::simple_float_binop(x, y, binop::base(op)) {
            return Ok(float::new_float(r));
        }
    }
    number::binary_op(vm, a, b, op)
}

/// BINARY_SUBSCR with list/tuple/dict fast paths.
#[inline]
pub fn subscr(vm: &mut Vm, container: &Value, sub: &Value) -> PyResult<Value> {
    if let Some(i) = sub.as_small_int() {
        if let Some(l) = container.downcast_exact::<list::ListData>() {
            let n = l.len() as i64;
            let j = if i < 0 { i + n } else { i };
            if j >= 0 && j < n {
                return Ok(l.get(j as usize).expect("in range"));
            }
        } else if let Some(t) = container.downcast_exact::<tuple::TupleData>() {
            let n = t.items().len() as i64;
            let j = if i < 0 { i + n } else { i };
            if j >= 0 && j < n {
                return Ok(t.items()[j as usize].clone());
            }
        }
    }
    ob::getitem(vm, container, sub)
}

/// FOR_ITER's `next()` with fast paths for range, list and tuple iterators.
#[inline]
pub fn for_iter_next(vm: &mut Vm, it: &Value) -> PyResult<Option<Value>> {
    if let Some(r) = it.downcast_exact::<crate::objects::range::RangeIterData>() {
        return Ok(crate::objects::range::range_iter_next(r).map(Value::int));
    }
    // `for c in s`: the str iterator's next, called directly (it never raises).
    if crate::objects::iter::is_str_iterator(it) {
        return crate::objects::iter::str_iter_next(vm, it);
    }
    iter::next(vm, it)
}

pub fn mapping_get(vm: &mut Vm, mapping: &Value, name: &Value) -> PyResult<Option<Value>> {
    if std::ptr::eq(mapping.ty(), &dict::DICT_TYPE.0) {
        return Ok(dict::get_str_key(mapping, name));
    }
    match ob::getitem(vm, mapping, name) {
        Ok(v) => Ok(Some(v)),
        Err(e) if e.matches(exceptions::key_error()) => Ok(None),
        Err(e) => Err(e),
    }
}

/// LOAD_NAME: locals, then globals, then builtins.
pub fn load_name(vm: &mut Vm, f: &Frame, name: &Value) -> PyResult<Value> {
    if let Some(locals) = &f.locals {
        if let Some(v) = mapping_get(vm, locals, name)? {
            return Ok(v);
        }
    }
    if let Some(v) = dict::get_str_key(&f.globals, name) {
        return Ok(v);
    }
    if let Some(v) = dict::get_str_key(&f.builtins, name) {
        return Ok(v);
    }
    Err(super::name_error(vm, name))
}

/// LOAD_ATTR's method form: `(Some(func), _)` when `name` is a plain method found on the type
/// (call with the owner as self), else `(None, attribute)`.
#[inline]
pub fn load_method(vm: &mut Vm, owner: &Value, name: &Value) -> PyResult<(Option<Value>, Value)> {
    let ty = owner.ty();
    if crate::objects::object::has_generic_getattr(ty) {
        if let Some(d) = ty.lookup(name) {
            let is_plain = d.downcast_exact::<function::FunctionData>().is_some() || crate::objects::descr::is_method_descriptor(&d);
            if is_plain {
                // An instance attribute shadows the method.
                if let Some(found) = crate::objects::inline_values::get(owner, name) {
                    if let Some(v) = found {
                        return Ok((None, v));
                    }
                } else if let Some(cell) = crate::typeobj::instance_dict_cell(owner) {
                    // SAFETY: read.
                    if let Some(dd) = unsafe { &*cell.get() } {
                        if let Some(v) = dict::get_str_key(dd, name) {
                            return Ok((None, v));
                        }
                    }
                }
                return Ok((Some(d), none::none()));
            }
        }
    }
    Ok((None, ob::getattr(vm, owner, name)?))
}

/// LOAD_SUPER_ATTR: `super().name` without creating the super object when possible.
pub fn load_super_attr(vm: &mut Vm, global_super: &Value, class: &Value, self_: &Value, name: &Value, oparg: u32) -> PyResult<(Option<Value>, Value)> {
    let sup = if oparg & 2 != 0 {
        call::call(vm, global_super, &[class.clone(), self_.clone()], None)?
    } else {
        call::call(vm, global_super, &[], None)?
    };
    if oparg & 1 != 0 {
        if let Some(sd) = sup.downcast_exact::<crate::objects::superobj::SuperData>() {
            if let Some(d) = crate::objects::superobj::lookup_after(sd, name) {
                if d.downcast_exact::<function::FunctionData>().is_some() || crate::objects::descr::is_method_descriptor(&d) {
                    return Ok((Some(d), none::none()));
                }
            }
        }
    }
    Ok((None, ob::getattr(vm, &sup, name)?))
}

/// DICT_MERGE for `f(**m)`: duplicate keywords are an error.
pub fn dict_merge_kwargs(vm: &mut Vm, f: &Frame, d: &Value, src: &Value, oparg: u32) -> PyResult<()> {
    let dd = dict::dict_data(d).expect("dict");
    let pairs: Vec<(Value, Value)> = if let Some(sd) = dict::dict_data(src) {
        sd.items()
    } else {
        let keys_fn = match ob::getattr_opt(vm, src, "keys")? {
            Some(k) => k,
            None => {
                let callable = f.peek(oparg as usize + 2).clone();
                let cname = callable_name(vm, &callable);
                return Err(vm.type_error(format!("{cname} argument after ** must be a mapping, not {}", src.ty().name())));
            }
        };
        let keys = call::call(vm, &keys_fn, &[], None)?;
        let mut out = Vec::new();
        for k in iter::collect(vm, &keys)? {
            let v = ob::getitem(vm, src, &k)?;
            out.push((k, v));
        }
        out
    };
    for (k, v) in pairs {
        if !pystr::is_str(&k) {
            return Err(vm.type_error("keywords must be strings"));
        }
        if dd.get(vm, &k)?.is_some() {
            let callable = f.peek(oparg as usize + 2).clone();
            let cname = callable_name(vm, &callable);
            return Err(vm.type_error(format!("{cname} got multiple values for keyword argument '{}'", pystr::as_str(&k))));
        }
        dd.set(vm, k, v)?;
    }
    Ok(())
}

/// `f()`-style name of a callable for error messages.
pub fn callable_name(vm: &mut Vm, callable: &Value) -> String {
    match ob::getattr_opt(vm, callable, "__qualname__") {
        Ok(Some(q)) if pystr::is_str(&q) => format!("{}()", pystr::as_str(&q)),
        _ => format!("{} object", callable.ty().name()),
    }
}

pub fn unpack_sequence(vm: &mut Vm, f: &mut Frame, seq: &Value, n: usize) -> PyResult<()> {
    let items: Vec<Value> = if let Some(t) = tuple::try_items(seq) {
        t.to_vec()
    } else if let Some(l) = list::list_data(seq) {
        l.snapshot()
    } else {
        let it = match iter::get_iter(vm, seq) {
            Ok(it) => it,
            Err(e) if e.matches(exceptions::type_error()) => {
                return Err(vm.type_error(format!("cannot unpack non-iterable {} object", seq.ty().name())))
            }
            Err(e) => return Err(e),
        };
        let mut out = Vec::with_capacity(n);
        while let Some(x) = iter::next(vm, &it)? {
            out.push(x);
            if out.len() > n {
                return Err(vm.value_error(format!("too many values to unpack (expected {n})")));
            }
        }
        out
    };
    if items.len() != n {
        return Err(if items.len() < n {
            vm.value_error(format!("not enough values to unpack (expected {n}, got {})", items.len()))
        } else {
            vm.value_error(format!("too many values to unpack (expected {n})"))
        });
    }
    for v in items.into_iter().rev() {
        f.push(v);
    }
    Ok(())
}

pub fn unpack_ex(vm: &mut Vm, f: &mut Frame, seq: &Value, before: usize, after: usize) -> PyResult<()> {
    let items = match iter::collect(vm, seq) {
        Ok(v) => v,
        Err(e) if e.matches(exceptions::type_error()) && seq.ty().slots.iter.get().is_none() => {
            return Err(vm.type_error(format!("cannot unpack non-iterable {} object", seq.ty().name())))
        }
        Err(e) => return Err(e),
    };
    if items.len() < before + after {
        return Err(vm.value_error(format!(
            "not enough values to unpack (expected at least {}, got {})",
            before + after,
            items.len()
        )));
    }
    let mid_end = items.len() - after;
    let mut out: Vec<Value> = Vec::with_capacity(before + after + 1);
    out.extend_from_slice(&items[..before]);
    out.push(list::new_list(items[before..mid_end].to_vec()));
    out.extend_from_slice(&items[mid_end..]);
    for v in out.into_iter().rev() {
        f.push(v);
    }
    Ok(())
}

/// FORMAT_VALUE: conversion (`!s`, `!r`, `!a`) then `format(value, spec)`.
pub fn format_value(vm: &mut Vm, v: &Value, conv: u32, spec: Option<&Value>) -> PyResult<Value> {
    let converted = match conv {
        1 => ob::str(vm, v)?,
        2 => ob::repr(vm, v)?,
        3 => crate::modules::builtins::ascii_of(vm, v)?,
        _ => v.clone(),
    };
    let spec_s = spec.map(pystr::as_str).unwrap_or("");
    if spec_s.is_empty() && std::ptr::eq(converted.ty(), &pystr::STR_TYPE.0) {
        return Ok(converted);
    }
    // An f-string field of an exact float, int or str: its type's `__format__`, called
    // directly with the spec the code already holds (no lookup, no spec str made).
    if let Some(spec) = spec.filter(|s| std::ptr::eq(s.ty(), &pystr::STR_TYPE.0)) {
        use crate::objects::format;
        let ty = converted.ty();
        let method: Option<crate::typeobj::NativeFn> = if std::ptr::eq(ty, &crate::objects::float::FLOAT_TYPE.0) {
            Some(format::float_format_method)
        } else if std::ptr::eq(ty, &pystr::STR_TYPE.0) {
            Some(crate::objects::str_methods::str_dunder_format)
        } else if converted.is_small_int() || std::ptr::eq(ty, &crate::objects::int::INT_TYPE.0) {
            Some(format::int_format_method)
        } else {
            None
        };
        if let Some(m) = method {
            return m(vm, &[converted, spec.clone()], None);
        }
    }
    crate::modules::builtins::format_with_spec(vm, &converted, spec_s)
}

pub fn call_function_ex(vm: &mut Vm, callable: &Value, args: &Value, kwargs: Option<&Value>) -> PyResult<Value> {
    let mut all: Vec<Value> = if let Some(t) = tuple::try_items(args) {
        t.to_vec()
    } else {
        match iter::collect(vm, args) {
            Ok(v) => v,
            Err(e) if e.matches(exceptions::type_error()) && args.ty().slots.iter.get().is_none() => {
                let cname = callable_name(vm, callable);
                return Err(vm.type_error(format!("{cname} argument after * must be an iterable, not {}", args.ty().name())));
            }
            Err(e) => return Err(e),
        }
    };
    let mut names = Vec::new();
    if let Some(kw) = kwargs {
        let d = dict::dict_data(kw).expect("kwargs dict");
        for (k, v) in d.items() {
            names.push(k);
            all.push(v);
        }
    }
    let kwnames = if names.is_empty() { None } else { Some(tuple::new_tuple(names)) };
    call::call(vm, callable, &all, kwnames.as_ref())
}

pub fn intrinsic1(vm: &mut Vm, f: &Frame, which: u32, v: Value) -> PyResult<Value> {
    match which {
        intrinsic1::PRINT => {
            if !none::is_none(&v) {
                let r = ob::repr(vm, &v)?;
                crate::modules::sys::write_stdout(vm, &format!("{}\n", pystr::as_str(&r)))?;
                let key = vm.intern("_");
                dict::dict_data(&vm.builtins()).expect("builtins").set_str(key, v);
            }
            Ok(none::none())
        }
        intrinsic1::IMPORT_STAR => {
            crate::import::import_star(vm, f, &v)?;
            Ok(none::none())
        }
        intrinsic1::STOPITERATION_ERROR => {
            if v.ty().is_subtype(exceptions::stop_iteration()) {
                use pyrite_bytecode::code::flags as co;
                let flags = f.code_data().code.flags;
                let kind = if flags & co::ASYNC_GENERATOR != 0 {
                    "async generator"
                } else if flags & co::COROUTINE != 0 {
                    "coroutine"
                } else {
                    "generator"
                };
                let e = vm.runtime_error(format!("{kind} raised StopIteration"));
                exceptions::exc_data(&e.exc).set_cause(Some(v.clone()));
                exceptions::exc_data(&e.exc).set_context(Some(v));
                return Ok(e.exc);
            }
            Ok(v)
        }
        intrinsic1::UNARY_POSITIVE => number::positive(vm, &v),
        intrinsic1::LIST_TO_TUPLE => Ok(tuple::new_tuple(list::list_data(&v).expect("list").snapshot())),
        _ => Err(vm.not_implemented_error(format!("intrinsic {which} is not supported"))),
    }
}

pub fn intrinsic2(vm: &mut Vm, which: u32, v2: Value, v1: Value) -> PyResult<Value> {
    match which {
        intrinsic2::PREP_RERAISE_STAR => exceptions::prep_reraise_star(vm, v2, v1),
        _ => Err(vm.not_implemented_error(format!("intrinsic2 {which} is not supported"))),
    }
}

/// RAISE_VARARGS: build the exception to raise.
pub fn raise(vm: &mut Vm, f: &mut Frame, oparg: u32) -> PyErr {
    match oparg {
        0 => match vm.handled_exception.clone() {
            Some(e) => PyErr::from_value(e).reraised(),
            None => vm.runtime_error("No active exception to reraise"),
        },
        1 => {
            let v = f.pop();
            match make_exception(vm, &v) {
                Ok(e) => {
                    attach_context(vm, &e);
                    PyErr::from_value(e)
                }
                Err(e) => e,
            }
        }
        _ => {
            let cause = f.pop();
            let v = f.pop();
            let e = match make_exception(vm, &v) {
                Ok(e) => e,
                Err(e) => return e,
            };
            let cause_v = if none::is_none(&cause) {
                None
            } else {
                match make_exception(vm, &cause) {
                    Ok(c) => Some(c),
                    Err(_) => return vm.type_error("exception causes must derive from BaseException"),
                }
            };
            let d = exceptions::exc_data(&e);
            d.set_cause(cause_v);
            d.suppress_context.set(true);
            attach_context(vm, &e);
            PyErr::from_value(e)
        }
    }
}

/// Set `__context__` of a newly raised exception to the one being handled.
pub fn attach_context(vm: &mut Vm, e: &Value) {
    if let Some(h) = &vm.handled_exception {
        if !h.is(e) {
            // Avoid creating a cycle in the context chain.
            let mut cur = Some(h.clone());
            while let Some(c) = cur {
                let next = exceptions::exc_data(&c).context();
                if let Some(n) = &next {
                    if n.is(e) {
                        exceptions::exc_data(&c).set_context(None);
                        break;
                    }
                }
                cur = next;
            }
            exceptions::exc_data(e).set_context(Some(h.clone()));
        }
    }
}

/// An exception instance from `raise X` where X is an instance or a class.
pub fn make_exception(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    if exceptions::is_exception_instance(v) {
        return Ok(v.clone());
    }
    if exceptions::is_exception_class(v) {
        let e = call::call(vm, v, &[], None)?;
        if !exceptions::is_exception_instance(&e) {
            let r = crate::protocols::object::repr_string(vm, v)?;
            return Err(vm.type_error(format!(
                "calling {r} should have returned an instance of BaseException, not {}",
                e.ty().name()
            )));
        }
        return Ok(e);
    }
    Err(vm.type_error("exceptions must derive from BaseException"))
}

pub fn check_except_type(vm: &mut Vm, ty: &Value) -> PyResult<()> {
    let ok = |t: &Value| exceptions::is_exception_class(t);
    if ok(ty) {
        return Ok(());
    }
    if let Some(items) = tuple::try_items(ty) {
        if items.iter().all(ok) {
            return Ok(());
        }
    }
    Err(vm.type_error("catching classes that do not inherit from BaseException is not allowed"))
}

/// BEFORE_WITH: look up `__exit__` and call `__enter__`.
pub fn before_with(vm: &mut Vm, mgr: &Value) -> PyResult<(Value, Value)> {
    let ty = mgr.ty();
    let Some(enter) = ty.lookup_str(vm, "__enter__") else {
        return Err(vm.type_error(format!(
            "'{}' object does not support the context manager protocol",
            ty.name()
        )));
    };
    let Some(exit) = ty.lookup_str(vm, "__exit__") else {
        return Err(vm.type_error(format!(
            "'{}' object does not support the context manager protocol (missed __exit__ method)",
            ty.name()
        )));
    };
    let tyv = ty.to_value();
    let exit_bound = crate::objects::descr::bind(vm, &exit, Some(mgr), &tyv)?;
    let res = call::call_method_value(vm, &enter, mgr, &[])?;
    Ok((exit_bound, res))
}

pub fn is_mapping(v: &Value) -> bool {
    // SAFETY: every item of an MRO tuple is a type object.
    dict::dict_data(v).is_some() || v.ty().is_heap_type() && v.ty().mro_slice().iter().any(|t| unsafe { t.as_type_unchecked() }.name() == "Mapping")
}

pub fn is_sequence(v: &Value) -> bool {
    if pystr::is_str(v) || crate::objects::bytes::bytes_like(v).is_some() || dict::dict_data(v).is_some() {
        return false;
    }
    list::list_data(v).is_some()
        || tuple::try_items(v).is_some()
        || v.downcast::<crate::objects::range::RangeData>().is_some()
        // SAFETY: every item of an MRO tuple is a type object.
        || v.ty().is_heap_type() && v.ty().mro_slice().iter().any(|t| unsafe { t.as_type_unchecked() }.name() == "Sequence")
}

pub fn match_keys(vm: &mut Vm, subject: &Value, keys: &Value) -> PyResult<Value> {
    let mut values = Vec::new();
    for k in tuple::items(keys).to_vec() {
        let got = if let Some(d) = dict::dict_data(subject) {
            d.get(vm, &k)?
        } else {
            let get = ob::getattr_str(vm, subject, "get")?;
            let sentinel = crate::objects::object::OBJECT_TYPE.to_value();
            let r = call::call(vm, &get, &[k.clone(), sentinel.clone()], None)?;
            if r.is(&sentinel) { None } else { Some(r) }
        };
        match got {
            Some(v) => values.push(v),
            None => return Ok(none::none()),
        }
    }
    Ok(tuple::new_tuple(values))
}

pub fn match_class(vm: &mut Vm, subject: &Value, cls: &Value, nargs: usize, names: &Value) -> PyResult<Value> {
    if cls.as_type().is_none() {
        return Err(vm.type_error("called match pattern must be a class"));
    }
    if !ob::isinstance(vm, subject, cls)? {
        return Ok(none::none());
    }
    let mut attrs = Vec::new();
    if nargs > 0 {
        let match_args = ob::getattr_opt(vm, cls, "__match_args__")?;
        // SAFETY: checked to be a type above.
        let t = unsafe { cls.as_type_unchecked() };
        let self_match = t.has_flag(crate::typeobj::flags::LONG_SUBCLASS | crate::typeobj::flags::UNICODE_SUBCLASS | crate::typeobj::flags::LIST_SUBCLASS | crate::typeobj::flags::TUPLE_SUBCLASS | crate::typeobj::flags::DICT_SUBCLASS) && !t.is_heap_type()
            || ["float", "bool", "bytes", "set", "frozenset", "bytearray"].contains(&t.name());
        match match_args {
            Some(ma) => {
                let items = tuple::try_items(&ma).map(<[Value]>::to_vec).ok_or_else(|| vm.type_error(format!("{}.__match_args__ must be a tuple (got {})", t.name(), ma.ty().name())))?;
                if nargs > items.len() {
                    return Err(vm.type_error(format!("{}() accepts {} positional sub-pattern{} ({nargs} given)", t.name(), items.len(), if items.len() == 1 { "" } else { "s" })));
                }
                for n in &items[..nargs] {
                    match ob::getattr_opt(vm, subject, pystr::as_str(n))? {
                        Some(v) => attrs.push(v),
                        None => return Ok(none::none()),
                    }
                }
            }
            None if self_match && nargs == 1 => attrs.push(subject.clone()),
            None => return Err(vm.type_error(format!("{}() accepts 0 positional sub-patterns ({nargs} given)", t.name()))),
        }
    }
    for n in tuple::items(names).to_vec() {
        match ob::getattr_opt(vm, subject, pystr::as_str(&n))? {
            Some(v) => attrs.push(v),
            None => return Ok(none::none()),
        }
    }
    Ok(tuple::new_tuple(attrs))
}

/// GET_AWAITABLE: the iterator `await v` drives; `where_` is the instruction's argument
/// (1: the result of `__aenter__`, 2: of `__aexit__`), which words the error.
#[cold]
pub fn get_awaitable(vm: &mut Vm, v: &Value, where_: u32) -> PyResult<Value> {
    use crate::objects::coroutine;
    let it = match coroutine::get_awaitable_iter(vm, v) {
        Ok(it) => it,
        Err(e) => {
            if v.ty().slots.am_await.get().is_none() && (where_ == 1 || where_ == 2) {
                let from = if where_ == 1 { "__aenter__" } else { "__aexit__" };
                return Err(vm.type_error(format!(
                    "'async with' received an object from {from} that does not implement __await__: {}",
                    v.ty().name()
                )));
            }
            return Err(e);
        }
    };
    if coroutine::is_awaiting(&it) {
        return Err(vm.runtime_error("coroutine is being awaited already"));
    }
    Ok(it)
}

/// GET_AITER: `type(v).__aiter__(v)`, which must have `__anext__`.
#[cold]
pub fn get_aiter(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let Some(getter) = v.ty().slots.am_aiter.get() else {
        return Err(vm.type_error(format!("'async for' requires an object with __aiter__ method, got {}", v.ty().name())));
    };
    let it = getter(vm, v)?;
    if it.ty().slots.am_anext.get().is_none() {
        return Err(vm.type_error(format!(
            "'async for' received an object from __aiter__ that does not implement __anext__: {}",
            it.ty().name()
        )));
    }
    Ok(it)
}

/// GET_ANEXT: the awaitable iterator of `type(it).__anext__(it)`.
#[cold]
pub fn get_anext(vm: &mut Vm, it: &Value) -> PyResult<Value> {
    let Some(getter) = it.ty().slots.am_anext.get() else {
        return Err(vm.type_error(format!("'async for' requires an iterator with __anext__ method, got {}", it.ty().name())));
    };
    let next = getter(vm, it)?;
    match crate::objects::coroutine::get_awaitable_iter(vm, &next) {
        Ok(a) => Ok(a),
        Err(cause) => {
            let e = vm.type_error(format!("'async for' received an invalid object from __anext__: {}", next.ty().name()));
            exceptions::exc_data(&e.exc).set_cause(Some(cause.exc.clone()));
            exceptions::exc_data(&e.exc).set_context(Some(cause.exc));
            exceptions::exc_data(&e.exc).suppress_context.set(true);
            Err(e)
        }
    }
}

/// BEFORE_ASYNC_WITH: the bound `__aexit__` and the result of calling `__aenter__`.
#[cold]
pub fn before_async_with(vm: &mut Vm, mgr: &Value) -> PyResult<(Value, Value)> {
    let ty = mgr.ty();
    let Some(enter) = ty.lookup_str(vm, "__aenter__") else {
        return Err(vm.type_error(format!("'{}' object does not support the asynchronous context manager protocol", ty.name())));
    };
    let Some(exit) = ty.lookup_str(vm, "__aexit__") else {
        return Err(vm.type_error(format!(
            "'{}' object does not support the asynchronous context manager protocol (missed __aexit__ method)",
            ty.name()
        )));
    };
    let tyv = ty.to_value();
    let exit_bound = crate::objects::descr::bind(vm, &exit, Some(mgr), &tyv)?;
    let res = call::call_method_value(vm, &enter, mgr, &[])?;
    Ok((exit_bound, res))
}

/// GET_YIELD_FROM_ITER: generators and coroutines are their own iterators; a coroutine only
/// in a coroutine's code (or a `types.coroutine` generator's).
#[cold]
pub fn get_yield_from_iter(vm: &mut Vm, f: &Frame, v: Value) -> PyResult<Value> {
    use pyrite_bytecode::code::flags as co;
    if v.downcast_exact::<crate::objects::coroutine::CoroutineData>().is_some() {
        if f.code_data().code.flags & (co::COROUTINE | co::ITERABLE_COROUTINE) == 0 {
            return Err(vm.type_error("cannot 'yield from' a coroutine object in a non-coroutine generator"));
        }
        return Ok(v);
    }
    if v.downcast_exact::<crate::objects::generator::GeneratorData>().is_some() {
        return Ok(v);
    }
    iter::get_iter(vm, &v)
}
