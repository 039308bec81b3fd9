//! One-time, per-process setup of the immortal built-in types: slots, MROs, and the
//! `__dict__` of each type (methods, getsets, slot wrappers). Runs under `std::sync::Once`
//! before any interpreter exists; afterwards the static types are never written again.

use std::sync::Once;

use crate::object::{make_immortal, Value};
use crate::objects::{descr::{self, SlotKind}, dict, none, str as pystr, tuple};
use crate::typeobj::{CompareOp, PyType, StaticType, NB_BINARY};

static INIT: Once = Once::new();

pub fn init_static_types() {
    INIT.call_once(|| {
        // The objects made here belong to no interpreter: they are allocated through a
        // start-up state of their own, which lives (unused) for the rest of the process.
        let boot: &'static crate::pystate::InterpreterState = Box::leak(crate::pystate::InterpreterState::new(crate::Config::default()));
        // SAFETY: the state is leaked, so it outlives the guard.
        let _attached = unsafe { crate::pystate::Attached::new(boot) };
        none::init_bools();
        let types = crate::objects::all_static_types();
        for (i, t) in types.iter().enumerate() {
            // Unique tags below the range heap types draw from (see `next_version_tag`).
            t.version_tag.set(i as u32 + 1);
        }
        for t in &types {
            inherit_slots(t);
            set_mro(t);
        }
        for t in &types {
            fill_dict(t);
        }
    });
}

/// Copy unset slots from the base (CPython's `inherit_slots`).
fn inherit_slots(t: &'static StaticType) {
    let Some(base) = t.base() else { return };
    let s = &t.slots;
    let b = &base.slots;
    macro_rules! inherit {
        ($($f:ident),*) => { $( if s.$f.get().is_none() { s.$f.set(b.$f.get()); } )* };
    }
    inherit!(repr, str, getattro, setattro, call, iter, iternext, descr_get, descr_set, init, nb_negative, nb_positive, nb_invert, nb_absolute, nb_bool, nb_int, nb_float, nb_index, len, getitem, setitem, contains, traverse, clear);
    // `new` is inherited except by types that forbid instantiation (they leave it None and
    // set a flag); built-in iterator/descriptor types are not instantiable from Python.
    if s.new.get().is_none() && (std::ptr::eq(base, crate::objects::object::object_type()) == false || is_instantiable(t)) {
        s.new.set(b.new.get());
    }
    // Hash and rich comparison are inherited together.
    if s.richcompare.get().is_none() && s.hash.get().is_none() {
        s.richcompare.set(b.richcompare.get());
        s.hash.set(b.hash.get());
    }
    for i in 0..NB_BINARY {
        if s.nb[i].get().is_none() {
            s.nb[i].set(b.nb[i].get());
        }
        if s.nb_inplace[i].get().is_none() {
            s.nb_inplace[i].set(b.nb_inplace[i].get());
        }
    }
    if t.dictoffset.get() == 0 {
        t.dictoffset.set(base.dictoffset.get());
    }
}

fn is_instantiable(t: &StaticType) -> bool {
    std::ptr::eq(&t.0, crate::objects::object::object_type())
}

fn set_mro(t: &'static StaticType) {
    let mut mro = vec![t.to_value()];
    let mut b = t.base();
    while let Some(x) = b {
        mro.push(x.to_value());
        b = x.base();
    }
    let mut bases = match t.base() {
        Some(x) => vec![x.to_value()],
        None => vec![],
    };
    // ExceptionGroup is the one static type with two bases, (BaseExceptionGroup, Exception);
    // its static base is BaseExceptionGroup, so Exception is spliced into the MRO here.
    if std::ptr::eq(t, &crate::objects::exceptions::EXCEPTION_GROUP) {
        let exc = crate::objects::exceptions::EXCEPTION.to_value();
        mro.insert(2, exc.clone());
        bases.push(exc);
    }
    let mro_t = tuple::new_tuple(mro);
    let bases_t = tuple::new_tuple(bases);
    make_immortal(&mro_t);
    make_immortal(&bases_t);
    // SAFETY: runs once, before any interpreter can observe the type.
    unsafe {
        *t.mro.get() = Some(mro_t);
        *t.bases.get() = Some(bases_t);
    }
}

fn put(d: &Value, name: &str, v: Value) {
    let key = pystr::new_str(name);
    make_immortal(&key);
    make_immortal(&v);
    dict::dict_data(d).expect("dict").set_str(key, v);
}

fn fill_dict(t: &'static StaticType) {
    let d = dict::new_dict();
    make_immortal(&d);
    let ty: &'static PyType = &t.0;
    for m in t.methods {
        let v = match m.kind {
            crate::typeobj::MethodKind::Static => {
                let f = descr::new_builtin_function(m.name, m.func);
                make_immortal(&f);
                let sm = crate::object::alloc_object(&descr::STATICMETHOD_TYPE, descr::WrapperData { callable: std::cell::UnsafeCell::new(f) });
                sm
            }
            _ => descr::new_method_descr(m, ty),
        };
        put(&d, m.name, v);
    }
    for g in t.getsets {
        put(&d, g.name, descr::new_getset_descr(g, ty));
    }
    // Slot wrappers for the slots this type defines itself (not inherited ones).
    let s = &ty.slots;
    let base = ty.base();
    let own = |f: Option<usize>, bf: Option<usize>| f.is_some() && f != bf;
    // As CPython's `add_operators`: a method the type defines itself under the same name
    // (dict's METH_COEXIST `__contains__`/`__getitem__`) is kept.
    let defined = |name: &str| t.methods.iter().any(|m| m.name == name);
    macro_rules! wrap {
        ($slot:ident, $name:literal, $kind:expr) => {
            if !defined($name) && own(s.$slot.get().map(|f| f as usize), base.and_then(|b| b.slots.$slot.get().map(|f| f as usize))) {
                put(&d, $name, descr::new_slot_wrapper($name, $kind, ty));
            }
        };
    }
    wrap!(repr, "__repr__", SlotKind::Repr);
    wrap!(str, "__str__", SlotKind::Str);
    wrap!(call, "__call__", SlotKind::Call);
    wrap!(iter, "__iter__", SlotKind::Iter);
    wrap!(iternext, "__next__", SlotKind::Next);
    wrap!(init, "__init__", SlotKind::Init);
    wrap!(getattro, "__getattribute__", SlotKind::GetAttribute);
    wrap!(nb_negative, "__neg__", SlotKind::Neg);
    wrap!(nb_positive, "__pos__", SlotKind::Pos);
    wrap!(nb_invert, "__invert__", SlotKind::Invert);
    wrap!(nb_absolute, "__abs__", SlotKind::Abs);
    wrap!(nb_bool, "__bool__", SlotKind::Bool);
    wrap!(nb_int, "__int__", SlotKind::Int);
    wrap!(nb_float, "__float__", SlotKind::Float);
    wrap!(nb_index, "__index__", SlotKind::Index);
    wrap!(len, "__len__", SlotKind::Len);
    wrap!(getitem, "__getitem__", SlotKind::GetItem);
    wrap!(contains, "__contains__", SlotKind::Contains);
    wrap!(descr_get, "__get__", SlotKind::Get);
    wrap!(am_await, "__await__", SlotKind::Await);
    wrap!(am_aiter, "__aiter__", SlotKind::AIter);
    wrap!(am_anext, "__anext__", SlotKind::ANext);
    if own(s.setattro.get().map(|f| f as usize), base.and_then(|b| b.slots.setattro.get().map(|f| f as usize))) {
        put(&d, "__setattr__", descr::new_slot_wrapper("__setattr__", SlotKind::SetAttr, ty));
        put(&d, "__delattr__", descr::new_slot_wrapper("__delattr__", SlotKind::DelAttr, ty));
    }
    if own(s.setitem.get().map(|f| f as usize), base.and_then(|b| b.slots.setitem.get().map(|f| f as usize))) {
        put(&d, "__setitem__", descr::new_slot_wrapper("__setitem__", SlotKind::SetItem, ty));
        put(&d, "__delitem__", descr::new_slot_wrapper("__delitem__", SlotKind::DelItem, ty));
    }
    if own(s.descr_set.get().map(|f| f as usize), base.and_then(|b| b.slots.descr_set.get().map(|f| f as usize))) {
        put(&d, "__set__", descr::new_slot_wrapper("__set__", SlotKind::Set, ty));
        put(&d, "__delete__", descr::new_slot_wrapper("__delete__", SlotKind::Delete, ty));
    }
    if own(s.hash.get().map(|f| f as usize), base.and_then(|b| b.slots.hash.get().map(|f| f as usize))) {
        if s.hash.get().map(|f| f as usize) == Some(crate::objects::object::hash_not_implemented as *const () as usize) {
            put(&d, "__hash__", none::none());
        } else {
            put(&d, "__hash__", descr::new_slot_wrapper("__hash__", SlotKind::Hash, ty));
        }
    }
    if own(s.richcompare.get().map(|f| f as usize), base.and_then(|b| b.slots.richcompare.get().map(|f| f as usize))) {
        for (op, name) in [(CompareOp::Lt, "__lt__"), (CompareOp::Le, "__le__"), (CompareOp::Eq, "__eq__"), (CompareOp::Ne, "__ne__"), (CompareOp::Gt, "__gt__"), (CompareOp::Ge, "__ge__")] {
            put(&d, name, descr::new_slot_wrapper(name, SlotKind::RichCompare(op), ty));
        }
    }
    if s.new.get().is_some() && base.map(|b| b.slots.new.get().map(|f| f as usize) != s.new.get().map(|f| f as usize)).unwrap_or(true) {
        put(&d, "__new__", descr::new_slot_wrapper("__new__", SlotKind::New, ty));
    }
    for (i, (name, rname, iname)) in crate::typeobj::heaptype_slots::BINARY_DUNDERS.iter().enumerate() {
        let f = s.nb[i].get().map(|f| f as usize);
        let bf = base.and_then(|b| b.slots.nb[i].get().map(|f| f as usize));
        if own(f, bf) {
            put(&d, name, descr::new_slot_wrapper(name, SlotKind::Binary(i as u32), ty));
            put(&d, rname, descr::new_slot_wrapper(rname, SlotKind::ReflectedBinary(i as u32), ty));
        }
        let f = s.nb_inplace[i].get().map(|f| f as usize);
        let bf = base.and_then(|b| b.slots.nb_inplace[i].get().map(|f| f as usize));
        if own(f, bf) {
            put(&d, iname, descr::new_slot_wrapper(iname, SlotKind::InplaceBinary(i as u32), ty));
        }
    }
    // PEP 585: the built-in collections are generic (`list[int]`).
    let generic = [&crate::objects::list::LIST_TYPE.0, &crate::objects::dict::DICT_TYPE.0, &crate::objects::tuple::TUPLE_TYPE.0,
        &crate::objects::set::SET_TYPE.0, &crate::objects::set::FROZENSET_TYPE.0, &crate::typeobj::TYPE_TYPE.0,
        &crate::objects::iter::ENUMERATE_TYPE.0];
    if generic.iter().any(|g| std::ptr::eq(*g, ty)) {
        put(&d, "__class_getitem__", descr::new_method_descr(&crate::objects::genericalias::CLASS_GETITEM, ty));
    }
    if let Some(doc) = ty.doc {
        put(&d, "__doc__", pystr::new_str(doc));
    }
    // SAFETY: runs once under `Once`, before any interpreter can observe the type.
    unsafe { *t.dict.get() = Some(d) };
}
