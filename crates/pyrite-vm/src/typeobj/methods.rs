//! The `type` type's behaviour: calling a type, attribute access on classes, class creation
//! with C3 linearisation, and the per-process setup of static types' dicts
//! (CPython: `Objects/typeobject.c` type_call, type_getattro, type_new, mro_internal).

use std::borrow::Cow;
use std::cell::{Cell, UnsafeCell};

use crate::object::{ObjHeader, Value};
use crate::objects::{descr, dict, none, str as pystr, tuple, function};
use crate::typeobj::{heaptype_slots, flags, type_type, GetSetDef, MethodDef, MethodKind, PyType, Slots, SlotDefs, nb_slots};
use pyrite_bytecode::opcode::binop;
use crate::vm::{PyResult, Vm};

/// The MRO of a type value as a vector.
pub fn mro_of(ty: &Value) -> Vec<Value> {
    // SAFETY: callers pass types.
    unsafe { ty.as_type_unchecked() }.mro_slice().to_vec()
}

/// `type(x)` / `T(args)`: `__new__` then `__init__` (CPython's `type_call`).
fn type_call(vm: &mut Vm, callable: &Value, args: &[Value], kwnames: Option<&Value>) -> PyResult<Value> {
    // SAFETY: the call slot of `type` is only reached for type objects.
    let ty = unsafe { callable.as_type_unchecked() };
    if std::ptr::eq(ty, type_type()) {
        let npos = crate::protocols::args::npositional(args, kwnames);
        if npos == 1 && kwnames.is_none() {
            return Ok(args[0].ty().to_value());
        }
        if npos != 3 {
            return Err(vm.type_error("type() takes 1 or 3 arguments"));
        }
    }
    let Some(new) = ty.slots.new.get() else {
        return Err(vm.type_error(format!("cannot create '{}' instances", ty.name())));
    };
    let obj = new(vm, callable, args, kwnames)?;
    if !obj.ty().is_subtype(ty) {
        return Ok(obj);
    }
    if let Some(init) = obj.ty().slots.init.get() {
        init(vm, &obj, args, kwnames)?;
    }
    Ok(obj)
}

/// Attribute lookup on a class (CPython's `type_getattro`).
pub fn type_getattro(vm: &mut Vm, obj: &Value, name: &Value) -> PyResult<Value> {
    // SAFETY: reached only for types.
    let ty = unsafe { obj.as_type_unchecked() };
    let meta = obj.ty();
    let meta_attr = meta.lookup(name);
    let mut meta_get = None;
    if let Some(ma) = &meta_attr {
        meta_get = ma.ty().slots.descr_get.get();
        if let Some(g) = meta_get {
            if ma.ty().slots.descr_set.get().is_some() {
                let mt = meta.to_value();
                return g(vm, ma, Some(obj), &mt);
            }
        }
    }
    if let Some(attr) = ty.lookup(name) {
        if let Some(g) = attr.ty().slots.descr_get.get() {
            return g(vm, &attr, None, obj);
        }
        return Ok(attr);
    }
    if let Some(g) = meta_get {
        let mt = meta.to_value();
        return g(vm, &meta_attr.expect("meta attr"), Some(obj), &mt);
    }
    if let Some(ma) = meta_attr {
        return Ok(ma);
    }
    // A metaclass's __getattr__.
    if meta.is_heap_type() {
        if let Some(ga) = meta.lookup_str(vm, "__getattr__") {
            return crate::protocols::call::call_method_value(vm, &ga, obj, std::slice::from_ref(name));
        }
    }
    Err(crate::objects::object::attribute_error(vm, obj, name))
}

fn type_setattro(vm: &mut Vm, obj: &Value, name: &Value, value: Option<&Value>) -> PyResult<()> {
    // SAFETY: reached only for types.
    let ty = unsafe { obj.as_type_unchecked() };
    let Some(n) = pystr::try_str(name) else {
        return Err(vm.type_error(format!("attribute name must be string, not '{}'", name.ty().name())));
    };
    if !ty.is_heap_type() {
        return Err(vm.type_error(format!("cannot set '{n}' attribute of immutable type '{}'", ty.name())));
    }
    let meta = obj.ty();
    if let Some(d) = meta.lookup(name) {
        if let Some(set) = d.ty().slots.descr_set.get() {
            return set(vm, &d, obj, value);
        }
    }
    let d = ty.dict_value().expect("heap type dict");
    let dd = dict::dict_data(&d).expect("dict");
    let key = vm.intern(n);
    // The replaced value is dropped only after the version tags are renewed: its `__del__`
    // could otherwise run code whose caches still trust the old tags.
    let old = match value {
        Some(v) => {
            let old = dd.get_str(&key);
            dd.set_str(key, v.clone());
            old
        }
        None => match dd.remove(vm, &key)? {
            Some(old) => Some(old),
            None => return Err(vm.attribute_error(format!("type object '{}' has no attribute '{n}'", ty.name()))),
        },
    };
    modified_recursive(vm, obj);
    drop(old);
    if heaptype_slots::is_slot_dunder(n) {
        refresh_slots_recursive(vm, obj);
    }
    Ok(())
}

/// A class attribute changed: the class and every subclass get new version tags.
fn modified_recursive(vm: &mut Vm, ty: &Value) {
    // SAFETY: types only.
    unsafe { ty.as_type_unchecked() }.modified();
    for sub in subclasses_of(vm, ty) {
        modified_recursive(vm, &sub);
    }
}

/// A dunder changed on `ty`: recompute its slots and those of its subclasses.
fn refresh_slots_recursive(vm: &mut Vm, ty: &Value) {
    // SAFETY: types only.
    let t = unsafe { ty.as_type_unchecked() };
    heaptype_slots::update_slots(vm, t);
    for sub in subclasses_of(vm, ty) {
        refresh_slots_recursive(vm, &sub);
    }
}

/// Live heap subclasses of `ty` (tracked through a weak list on the VM).
fn subclasses_of(vm: &mut Vm, ty: &Value) -> Vec<Value> {
    vm.subclasses(ty)
}

fn type_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    // SAFETY: types only.
    let ty = unsafe { v.as_type_unchecked() };
    let module = type_module(vm, ty);
    Ok(pystr::from_string(match module.as_deref() {
        Some(m) if m != "builtins" => format!("<class '{m}.{}'>", ty.qualname()),
        _ => format!("<class '{}'>", ty.qualname()),
    }))
}

fn type_module(vm: &mut Vm, ty: &PyType) -> Option<String> {
    if ty.is_heap_type() {
        let key = vm.intern("__module__");
        let m = ty.dict_ref().and_then(|d| dict::get_str_key(d, &key))?;
        return pystr::try_str(&m).map(str::to_owned);
    }
    // A static type's module is the prefix of its dotted name (CPython's `type_module`).
    Some(ty.name().rsplit_once('.').map(|(m, _)| m).unwrap_or("builtins").to_owned())
}

/// C3 linearisation of `ty` with `bases`.
fn compute_mro(vm: &mut Vm, ty: &Value, bases: &[Value]) -> PyResult<Vec<Value>> {
    let mut seqs: Vec<Vec<Value>> = bases.iter().map(mro_of).collect();
    seqs.push(bases.to_vec());
    let mut out = vec![ty.clone()];
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Ok(out);
        }
        let mut candidate = None;
        for s in &seqs {
            let head = &s[0];
            if !seqs.iter().any(|t| t[1..].iter().any(|x| x.is(head))) {
                candidate = Some(head.clone());
                break;
            }
        }
        let Some(c) = candidate else {
            // SAFETY: the bases were checked to be types before.
            let names: Vec<String> = bases.iter().map(|b| unsafe { b.as_type_unchecked() }.name().to_owned()).collect();
            return Err(vm.type_error(format!(
                "Cannot create a consistent method resolution\norder (MRO) for bases {}",
                names.join(", ")
            )));
        };
        for s in seqs.iter_mut() {
            if s[0].is(&c) {
                s.remove(0);
            }
        }
        out.push(c);
    }
}

/// `type.__new__(meta, name, bases, namespace, **kwargs)`: create a class.
fn type_new(vm: &mut Vm, meta: &Value, args: &[Value], kwnames: Option<&Value>) -> PyResult<Value> {
    let (pos, _kws) = crate::protocols::args::split_kwargs(args, kwnames);
    if pos.len() == 1 {
        return Ok(pos[0].ty().to_value());
    }
    let [name, bases, ns] = pos else { return Err(vm.type_error("type() takes 1 or 3 arguments")) };
    let Some(name_s) = pystr::try_str(name).map(str::to_owned) else {
        return Err(vm.type_error(format!("type.__new__() argument 1 must be str, not {}", name.ty().name())));
    };
    let Some(bases_items) = tuple::try_items(bases).map(<[Value]>::to_vec) else {
        return Err(vm.type_error(format!("type.__new__() argument 2 must be tuple, not {}", bases.ty().name())));
    };
    let Some(ns_d) = dict::dict_data(ns) else {
        return Err(vm.type_error(format!("type.__new__() argument 3 must be dict, not {}", ns.ty().name())));
    };
    let bases_items = if bases_items.is_empty() { vec![crate::objects::object::OBJECT_TYPE.to_value()] } else { bases_items };
    // Metaclass: the most derived of meta and the bases' metaclasses.
    // SAFETY: meta is a type.
    let mut winner = meta.clone();
    for b in &bases_items {
        let bt = b.ty().to_value();
        // SAFETY: `winner` starts as the metaclass and is only replaced by a base's type; both are
        // types.
        let (w, t) = unsafe { (winner.as_type_unchecked(), bt.as_type_unchecked()) };
        if w.is_subtype(t) {
            continue;
        }
        if t.is_subtype(w) {
            winner = bt;
            continue;
        }
        return Err(vm.type_error("metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases"));
    }
    if !winner.is(meta) {
        // SAFETY: winner is a type.
        let w = unsafe { winner.as_type_unchecked() };
        if let Some(f) = w.slots.new.get() {
            if f as usize != type_new as *const () as usize {
                return f(vm, &winner, args, kwnames);
            }
        }
    }
    // Best (solid) base and acceptable bases.
    let mut base: Option<Value> = None;
    for b in &bases_items {
        let Some(bt) = b.as_type() else {
            return Err(vm.type_error(format!("bases must be types")));
        };
        if !bt.has_flag(flags::BASETYPE) {
            return Err(vm.type_error(format!("type '{}' is not an acceptable base type", bt.name())));
        }
        match &base {
            None => base = Some(b.clone()),
            Some(cur) => {
                // SAFETY: types.
                let (c, n) = unsafe { (cur.as_type_unchecked().solid_base(), bt.solid_base()) };
                if std::ptr::eq(c, n) || c.is_subtype(n) {
                } else if n.is_subtype(c) {
                    base = Some(b.clone());
                } else {
                    return Err(vm.type_error("multiple bases have instance lay-out conflict"));
                }
            }
        }
    }
    let base = base.expect("at least one base");
    // SAFETY: type.
    let base_t = unsafe { base.as_type_unchecked() };

    // The class dict is a copy of the namespace.
    let cls_dict = dict::new_dict();
    let cd = dict::dict_data(&cls_dict).expect("dict");
    for (k, v) in ns_d.items() {
        cd.set(vm, k, v)?;
    }
    let k_module = vm.intern("__module__");
    if cd.get_str(&k_module).is_none() {
        if let Some(m) = vm.current_globals().and_then(|g| {
            let key = pystr::new_str("__name__");
            dict::get_str_key(&g, &key)
        }) {
            cd.set_str(k_module.clone(), m);
        }
    }
    let k_qualname = vm.intern("__qualname__");
    let qualname = match cd.get_str(&k_qualname) {
        Some(q) => {
            let Some(s) = pystr::try_str(&q).map(str::to_owned) else {
                return Err(vm.type_error(format!("type __qualname__ must be a str, not {}", q.ty().name())));
            };
            cd.remove(vm, &k_qualname)?;
            s
        }
        None => name_s.clone(),
    };
    // `__eq__` without `__hash__` makes instances unhashable.
    let k_eq = vm.intern("__eq__");
    let k_hash = vm.intern("__hash__");
    if cd.get_str(&k_eq).is_some() && cd.get_str(&k_hash).is_none() {
        cd.set_str(k_hash, none::none());
    }
    // `__new__`, `__init_subclass__`, `__class_getitem__` are implicitly static/class methods.
    for (n, wrap_class) in [("__new__", false), ("__init_subclass__", true), ("__class_getitem__", true)] {
        let k = vm.intern(n);
        if let Some(f) = cd.get_str(&k) {
            if f.downcast_exact::<function::FunctionData>().is_some() {
                let ty = if wrap_class { &descr::CLASSMETHOD_TYPE } else { &descr::STATICMETHOD_TYPE };
                let w = crate::protocols::call::call(vm, &ty.to_value(), &[f], None)?;
                cd.set_str(k, w);
            }
        }
    }

    // Layout: base payload, then __dict__ (unless __slots__ forbid it), then slots.
    let k_slots = vm.intern("__slots__");
    let slot_names: Option<Vec<Value>> = match cd.get_str(&k_slots) {
        None => None,
        Some(s) => {
            if pystr::is_str(&s) {
                Some(vec![s])
            } else {
                Some(crate::protocols::iter::collect(vm, &s)?)
            }
        }
    };
    let mut basicsize = base_t.basicsize.get();
    let mut dictoffset = base_t.dictoffset.get();
    // Classes deriving from `type` keep their namespace in the type object itself.
    let mut wants_dict = slot_names.is_none() && !base_t.is_subtype(type_type());
    let mut member_names = Vec::new();
    if let Some(names) = &slot_names {
        for n in names {
            let Some(s) = pystr::try_str(n) else {
                return Err(vm.type_error(format!("__slots__ items must be strings, not '{}'", n.ty().name())));
            };
            if s == "__dict__" {
                wants_dict = true;
            } else if s != "__weakref__" {
                if cd.get_str(n).is_some() {
                    return Err(vm.value_error(format!("'{s}' in __slots__ conflicts with class variable")));
                }
                member_names.push(vm.intern(s));
            }
        }
    }
    // A dict slot made here comes with the inline attribute block (see `inline_values`).
    let inline_values = if wants_dict && dictoffset == 0 {
        dictoffset = basicsize;
        basicsize += 8 + crate::objects::inline_values::BLOCK_SIZE;
        true
    } else {
        dictoffset != 0 && base_t.has_flag(flags::INLINE_VALUES)
    };
    let slotsoffset = basicsize;
    basicsize += 8 * member_names.len();

    // SAFETY: winner is a type.
    let meta_t = unsafe { winner.as_type_unchecked() };
    let ty = alloc_heap_type(meta_t, &name_s, &qualname, base_t, basicsize, dictoffset, slotsoffset, member_names.len());
    // SAFETY: `ty` is the type just created.
    let t = unsafe { ty.as_type_unchecked() };
    t.flags.set(
        flags::HEAPTYPE
            | flags::BASETYPE
            | flags::HAVE_GC
            | (base_t.flags.get() & flags::INHERITED)
            | if dictoffset != 0 { flags::HAS_DICT } else { 0 }
            | if inline_values { flags::INLINE_VALUES } else { 0 },
    );
    // SAFETY: fresh type, no borrows of these cells exist.
    unsafe {
        *t.bases.get() = Some(tuple::new_tuple(bases_items.clone()));
        *t.dict.get() = Some(cls_dict.clone());
    }
    let mro = compute_mro(vm, &ty, &bases_items)?;
    // SAFETY: as above.
    unsafe { *t.mro.get() = Some(tuple::new_tuple(mro)) };
    for (i, n) in member_names.iter().enumerate() {
        let d = descr::new_member_descr(n.clone(), ty.clone(), slotsoffset + 8 * i);
        cd.set_str(n.clone(), d);
    }
    if wants_dict && base_t.dictoffset.get() == 0 {
        let k = vm.intern("__dict__");
        if cd.get_str(&k).is_none() {
            cd.set_str(k, descr::new_getset_descr(&crate::objects::object::DICT_GETSET, &crate::objects::object::OBJECT_TYPE));
        }
    }
    let k_doc = vm.intern("__doc__");
    if cd.get_str(&k_doc).is_none() {
        cd.set_str(k_doc, none::none());
    }
    heaptype_slots::update_slots(vm, t);
    for b in &bases_items {
        vm.register_subclass(b, &ty);
    }
    // __classcell__
    let k_cc = vm.intern("__classcell__");
    if let Some(cell) = cd.get_str(&k_cc) {
        if cell.downcast::<function::CellData>().is_some() {
            function::cell_data(&cell).set(Some(ty.clone()));
        }
        cd.remove(vm, &k_cc)?;
    }
    // __set_name__ on attributes.
    for (k, v) in cd.items() {
        if let Some(sn) = v.ty().lookup_str(vm, "__set_name__") {
            crate::protocols::call::call_method_value(vm, &sn, &v, &[ty.clone(), k])?;
        }
    }
    // __init_subclass__ of the parent, with the class keywords.
    let sup = crate::objects::superobj::new_super(vm, &ty, &ty)?;
    let isc = crate::protocols::object::getattr_str(vm, &sup, "__init_subclass__")?;
    let (_, kws) = crate::protocols::args::split_kwargs(args, kwnames);
    let kw_vals: Vec<Value> = kws.iter().map(|(_, v)| (*v).clone()).collect();
    let kw_names = if kws.is_empty() {
        None
    } else {
        Some(tuple::new_tuple(kws.iter().map(|(n, _)| pystr::new_str(n)).collect()))
    };
    crate::protocols::call::call(vm, &isc, &kw_vals, kw_names.as_ref())?;
    // The dict was edited directly above (`__classcell__`): invalidate cached lookups.
    t.modified();
    Ok(ty)
}

/// Allocate an empty heap type object.
#[allow(clippy::too_many_arguments)]
fn alloc_heap_type(meta: &PyType, name: &str, qualname: &str, base: &PyType, basicsize: usize, dictoffset: usize, slotsoffset: usize, nslots: usize) -> Value {
    let t = PyType {
        header: ObjHeader { refcnt: Cell::new(1), ob_type: Cell::new(meta) },
        name: UnsafeCell::new(Cow::Owned(name.to_owned())),
        qualname: UnsafeCell::new(Cow::Owned(qualname.to_owned())),
        flags: Cell::new(flags::HEAPTYPE),
        base: Cell::new(base),
        basicsize: Cell::new(basicsize),
        dictoffset: Cell::new(dictoffset),
        slotsoffset: Cell::new(slotsoffset),
        nslots: Cell::new(nslots),
        version_tag: Cell::new(crate::typeobj::next_version_tag()),
        slots: Slots::empty(base.slots.dealloc.get()),
        bases: UnsafeCell::new(None),
        mro: UnsafeCell::new(None),
        dict: UnsafeCell::new(None),
        methods: &[],
        getsets: &[],
        doc: None,
        inline_keys: UnsafeCell::new(Vec::new()),
        init_cache: Cell::new((0, std::ptr::null())),
    };
    crate::object::alloc_type_object(meta, t)
}

/// `abstract methods` check for `object.__new__`: the error message if `ty` is abstract.
pub fn abstract_methods(vm: &mut Vm, ty: &PyType) -> PyResult<Option<String>> {
    if !ty.is_heap_type() {
        return Ok(None);
    }
    let key = vm.intern("__abstractmethods__");
    let Some(am) = ty.lookup(&key) else { return Ok(None) };
    let mut names: Vec<String> = Vec::new();
    for n in crate::protocols::iter::collect(vm, &am)? {
        names.push(crate::protocols::object::str_string(vm, &n)?);
    }
    if names.is_empty() {
        return Ok(None);
    }
    names.sort();
    let quoted: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    Ok(Some(format!(
        "Can't instantiate abstract class {} without an implementation for abstract method{} {}",
        ty.name(),
        if names.len() == 1 { "" } else { "s" },
        quoted.join(", ")
    )))
}

// ---------------------------------------------------------------------------------------
// getsets and methods of `type`

fn t(v: &Value) -> &PyType {
    // SAFETY: these getters are installed on `type` and only reached for types.
    unsafe { v.as_type_unchecked() }
}

fn type_get_name(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    // A static type's `__name__` leaves out its module prefix (its qualname).
    Ok(pystr::new_str(if t(v).is_heap_type() { t(v).name() } else { t(v).qualname() }))
}
fn type_set_name(vm: &mut Vm, v: &Value, value: Option<&Value>) -> PyResult<()> {
    match value.and_then(pystr::try_str) {
        Some(s) if t(v).is_heap_type() => {
            t(v).set_name(s.to_owned());
            Ok(())
        }
        Some(_) => Err(vm.type_error(format!("cannot set '__name__' attribute of immutable type '{}'", t(v).name()))),
        None => Err(vm.type_error("can only assign string to __name__")),
    }
}
fn type_get_qualname(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(pystr::new_str(t(v).qualname()))
}
fn type_set_qualname(vm: &mut Vm, v: &Value, value: Option<&Value>) -> PyResult<()> {
    match value.and_then(pystr::try_str) {
        Some(s) => {
            t(v).set_qualname(s.to_owned());
            Ok(())
        }
        None => Err(vm.type_error("can only assign string to __qualname__")),
    }
}
fn type_get_bases(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(t(v).bases_value().unwrap_or_else(tuple::empty_tuple))
}
fn type_get_base(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(t(v).base().map(PyType::to_value).unwrap_or_else(none::none))
}
fn type_get_mro(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(tuple::new_tuple(t(v).mro_slice().to_vec()))
}
fn type_get_dict(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    crate::objects::dict_methods::copy_dict(_vm, &t(v).dict_value().unwrap_or_else(dict::new_dict))
}
fn type_get_module(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(pystr::from_string(type_module(vm, t(v)).unwrap_or_else(|| "builtins".into())))
}
fn type_set_module(vm: &mut Vm, v: &Value, value: Option<&Value>) -> PyResult<()> {
    let key = vm.intern("__module__");
    if let Some(d) = t(v).dict_ref() {
        dict::dict_data(d).expect("dict").set_str(key, value.cloned().unwrap_or_else(none::none));
    }
    t(v).modified();
    Ok(())
}
fn type_get_doc(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let ty = t(v);
    if !ty.is_heap_type() {
        return Ok(ty.doc.map(pystr::new_str).unwrap_or_else(none::none));
    }
    let key = vm.intern("__doc__");
    match ty.dict_ref().and_then(|d| dict::get_str_key(d, &key)) {
        Some(d) => descr::bind(vm, &d, None, v),
        None => Ok(none::none()),
    }
}
fn type_set_doc(vm: &mut Vm, v: &Value, value: Option<&Value>) -> PyResult<()> {
    let ty = t(v);
    if !ty.is_heap_type() {
        return Err(vm.type_error(format!("cannot set '__doc__' attribute of immutable type '{}'", ty.name())));
    }
    let key = vm.intern("__doc__");
    if let Some(d) = ty.dict_ref() {
        dict::dict_data(d).expect("dict").set_str(key, value.cloned().unwrap_or_else(none::none));
    }
    ty.modified();
    Ok(())
}

fn type_get_abstractmethods(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let key = vm.intern("__abstractmethods__");
    match t(v).dict_ref().and_then(|d| dict::get_str_key(d, &key)) {
        Some(x) if !std::ptr::eq(t(v), type_type()) => Ok(x),
        _ => Err(vm.attribute_error("__abstractmethods__")),
    }
}
fn type_set_abstractmethods(vm: &mut Vm, v: &Value, value: Option<&Value>) -> PyResult<()> {
    let key = vm.intern("__abstractmethods__");
    if let Some(d) = t(v).dict_ref() {
        let dd = dict::dict_data(d).expect("dict");
        match value {
            Some(x) => dd.set_str(key, x.clone()),
            None => {
                dd.remove(vm, &key)?;
            }
        }
    }
    t(v).modified();
    Ok(())
}

pub static TYPE_GETSETS: &[GetSetDef] = &[
    GetSetDef { name: "__name__", get: type_get_name, set: Some(type_set_name) },
    GetSetDef { name: "__qualname__", get: type_get_qualname, set: Some(type_set_qualname) },
    GetSetDef { name: "__bases__", get: type_get_bases, set: None },
    GetSetDef { name: "__base__", get: type_get_base, set: None },
    GetSetDef { name: "__mro__", get: type_get_mro, set: None },
    GetSetDef { name: "__dict__", get: type_get_dict, set: None },
    GetSetDef { name: "__module__", get: type_get_module, set: Some(type_set_module) },
    GetSetDef { name: "__doc__", get: type_get_doc, set: Some(type_set_doc) },
    GetSetDef { name: "__abstractmethods__", get: type_get_abstractmethods, set: Some(type_set_abstractmethods) },
];

fn type_mro_method(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    // Bound to a class, CPython names the method after it (`int.mro()`).
    crate::protocols::args::Spec::noargs("mro").check_in(vm, args[0].as_type().map_or("type", |t| t.name()), &args[1..], kw)?;
    Ok(crate::objects::list::new_list(t(&args[0]).mro_slice().to_vec()))
}
fn type_subclasses(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    // Bound to a class, CPython names the method after it (`int.__subclasses__()`).
    crate::protocols::args::Spec::noargs("__subclasses__").check_in(vm, args[0].as_type().map_or("type", |t| t.name()), &args[1..], kw)?;
    Ok(crate::objects::list::new_list(vm.subclasses(&args[0])))
}
fn type_instancecheck(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    let obj = crate::protocols::args::Spec::one("type.__instancecheck__").arg(vm, &args[1..], kw)?;
    let cls = &args[0];
    Ok(none::bool_value(obj.ty().is_subtype(t(cls))))
}
fn type_subclasscheck(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    let sub = crate::protocols::args::Spec::one("type.__subclasscheck__").arg(vm, &args[1..], kw)?;
    let cls = &args[0];
    match sub.as_type() {
        Some(s) => Ok(none::bool_value(s.is_subtype(t(cls)))),
        None => Err(vm.type_error("issubclass() arg 1 must be a class")),
    }
}
fn type_prepare(_vm: &mut Vm, _args: &[Value], _kw: Option<&Value>) -> PyResult<Value> {
    Ok(dict::new_dict())
}
fn type_dir(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    // Bound to a class, CPython names the method after it (`int.__dir__()`).
    crate::protocols::args::Spec::noargs("__dir__").check_in(vm, args[0].as_type().map_or("type", |t| t.name()), &args[1..], kw)?;
    let result = dict::new_dict();
    let rd = dict::dict_data(&result).expect("dict");
    for ty in mro_of(&args[0]) {
        if let Some(d) = t(&ty).dict_value() {
            for k in dict::dict_data(&d).expect("dict").keys() {
                rd.set(vm, k, none::none())?;
            }
        }
    }
    Ok(crate::objects::list::new_list(rd.keys()))
}

pub static TYPE_METHODS: &[MethodDef] = &[
    MethodDef { name: "mro", func: type_mro_method, kind: MethodKind::Instance, doc: "Return a type's method resolution order." },
    MethodDef { name: "__subclasses__", func: type_subclasses, kind: MethodKind::Instance, doc: "Return a list of immediate subclasses." },
    MethodDef { name: "__instancecheck__", func: type_instancecheck, kind: MethodKind::Instance, doc: "" },
    MethodDef { name: "__subclasscheck__", func: type_subclasscheck, kind: MethodKind::Instance, doc: "" },
    MethodDef { name: "__prepare__", func: type_prepare, kind: MethodKind::Class, doc: "" },
    MethodDef { name: "__dir__", func: type_dir, kind: MethodKind::Instance, doc: "" },
];

fn type_traverse(h: &ObjHeader, visit: &mut dyn FnMut(&Value)) {
    // SAFETY: called for type objects only.
    let ty = unsafe { &*(h as *const ObjHeader as *const PyType) };
    // SAFETY: `ty` is the live type object being traversed; the collector's visit runs no Python
    // code, so none of its cells is replaced while borrowed.
    unsafe {
        for c in [&ty.bases, &ty.mro, &ty.dict] {
            if let Some(v) = &*c.get() {
                visit(v);
            }
        }
    }
    crate::typeobj::traverse_instance_extras(h, visit);
}

fn type_clear(h: &ObjHeader) {
    // SAFETY: called by the collector for an unreachable heap type.
    let ty = unsafe { &*(h as *const ObjHeader as *const PyType) };
    if !ty.is_heap_type() {
        return;
    }
    // SAFETY: `ty` is a live heap type being cleared by the collector; no other borrow of its cells
    // is alive, and the old values are dropped after the replacement.
    unsafe {
        if let Some(d) = (*ty.dict.get()).clone() {
            dict::dict_data(&d).expect("dict").clear();
        }
        // The MRO tuple contains the type itself: drop it to break that cycle (CPython's
        // type_clear does the same). `bases` stay: freeing unregisters from them.
        let mro = (*ty.mro.get()).take();
        drop(mro);
    }
    ty.modified();
}

fn type_init(vm: &mut Vm, _this: &Value, args: &[Value], kwnames: Option<&Value>) -> PyResult<()> {
    let npos = crate::protocols::args::npositional(args, kwnames);
    if npos != 1 && npos != 3 {
        return Err(vm.type_error("type.__init__() takes 1 or 3 arguments"));
    }
    Ok(())
}

/// The slots of `type` (its declaration, `TYPE_TYPE`, is in `typeobj/mod.rs`).
pub(crate) const TYPE_SLOTS: SlotDefs = SlotDefs {
    traverse: Some(type_traverse),
    clear: Some(type_clear),
    repr: Some(type_repr),
    getattro: Some(type_getattro),
    setattro: Some(type_setattro),
    call: Some(type_call),
    new: Some(type_new),
    init: Some(type_init),
    // PEP 604: `int | str`.
    nb: nb_slots(&[(binop::OR, crate::objects::genericalias::type_or)]),
    ..SlotDefs::EMPTY
};
