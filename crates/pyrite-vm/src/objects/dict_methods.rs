//! The methods of `dict`, its views and iterators, and the update/merge helpers
//! (CPython: `Objects/dictobject.c`: `dict_update_arg`, `PyDict_Merge`, `dictview_*`, `dictiter_*`).

use std::cell::Cell;

use crate::object::{alloc_object, dealloc_payload, ObjHeader, Payload, PyObj, Value};
use crate::objects::dict::{dict_data, new_dict, DictData, DICT_TYPE};
use crate::objects::iter::ValueCell;
use crate::objects::{exceptions, none, str as pystr, tuple};
use crate::protocols::args::{Param, Spec};
use crate::typeobj::{flags, nb_slots, payload_of, CompareOp, MethodDef, MethodKind, PyType, SlotDefs, StaticType};
use crate::vm::{PyResult, Vm};
use pyrite_bytecode::opcode::binop;

fn this(args: &[Value]) -> &DictData {
    dict_data(&args[0]).expect("dict method called on a dict")
}

// ----- update / merge --------------------------------------------------------------------

/// `dict.update(...)` / `dict(...)`: one optional positional argument (a mapping with
/// `keys()` or an iterable of pairs) followed by keyword arguments.
pub fn update_from_args(vm: &mut Vm, target: &Value, args: &[Value], kwnames: Option<&Value>, fname: &str) -> PyResult<()> {
    let names: Vec<Value> = kwnames.map(|k| tuple::items(k).to_vec()).unwrap_or_default();
    let npos = args.len().saturating_sub(names.len());
    if npos > 1 {
        return Err(vm.type_error(format!("{fname} expected at most 1 argument, got {npos}")));
    }
    if npos == 1 {
        let arg = &args[0];
        if dict_data(arg).is_some() {
            merge(vm, target, arg, true)?;
        } else {
            if crate::protocols::object::getattr_opt(vm, arg, "keys")?.is_some() {
                merge(vm, target, arg, true)?;
            } else {
                merge_from_seq2(vm, target, arg)?;
            }
        }
    }
    let d = dict_data(target).expect("dict");
    for (name, v) in names.iter().zip(&args[npos..]) {
        d.set(vm, name.clone(), v.clone())?;
    }
    Ok(())
}

/// `PyDict_MergeFromSeq2`: add the pairs of an iterable of 2-sequences.
pub fn merge_from_seq2(vm: &mut Vm, target: &Value, seq: &Value) -> PyResult<()> {
    let it = crate::protocols::iter::get_iter(vm, seq)?;
    let mut i = 0usize;
    while let Some(item) = crate::protocols::iter::next(vm, &it)? {
        let pair = match crate::objects::list_methods::sequence_fast(vm, &item, "") {
            Ok(p) => p,
            Err(e) if e.matches(exceptions::type_error()) => {
                return Err(vm.type_error(format!("cannot convert dictionary update sequence element #{i} to a sequence")));
            }
            Err(e) => return Err(e),
        };
        if pair.len() != 2 {
            return Err(vm.value_error(format!(
                "dictionary update sequence element #{i} has length {}; 2 is required",
                pair.len()
            )));
        }
        let mut pair = pair.into_iter();
        let (Some(k), Some(v)) = (pair.next(), pair.next()) else { continue };
        dict_data(target).expect("dict").set(vm, k, v)?;
        i += 1;
    }
    Ok(())
}

/// `PyDict_Merge`: copy the items of the mapping `source` into `target`; existing keys are
/// replaced only when `override_` is true. Dicts are read directly; other mappings through
/// `keys()` and `__getitem__`.
pub fn merge(vm: &mut Vm, target: &Value, source: &Value, override_: bool) -> PyResult<()> {
    // CPython reads a dict directly unless its type overrides `__iter__`.
    let plain_iter = dict_data(source).is_some()
        && source.ty().slots.iter.get().map(|f| f as usize) == DICT_TYPE.slots.iter.get().map(|f| f as usize);
    if plain_iter {
        let src = dict_data(source).expect("dict");
        let entries: Vec<(i64, Value, Value)> = src.hash_items();
        let d = dict_data(target).expect("dict");
        for (h, k, v) in entries {
            if override_ || d.get_with_hash(vm, &k, h)?.is_none() {
                d.set_with_hash(vm, k, h, v)?;
            }
        }
        return Ok(());
    }
    let keys = crate::protocols::call::call_method(vm, source, "keys", &[])?;
    let it = crate::protocols::iter::get_iter(vm, &keys)?;
    while let Some(k) = crate::protocols::iter::next(vm, &it)? {
        let d = dict_data(target).expect("dict");
        if !override_ && d.get(vm, &k)?.is_some() {
            continue;
        }
        let v = crate::protocols::object::getitem(vm, source, &k)?;
        dict_data(target).expect("dict").set(vm, k, v)?;
    }
    Ok(())
}

// ----- methods ---------------------------------------------------------------------------

fn dict_keys(vm: &mut Vm, args: &[Value], kwnames: Option<&Value>) -> PyResult<Value> {
    Spec::noargs("dict.keys").check(vm, &args[1..], kwnames)?;
    Ok(new_view(&DICT_KEYS_TYPE, args[0].clone()))
}

fn dict_values(vm: &mut Vm, args: &[Value], kwnames: Option<&Value>) -> PyResult<Value> {
    Spec::noargs("dict.values").check(vm, &args[1..], kwnames)?;
    Ok(new_view(&DICT_VALUES_TYPE, args[0].clone()))
}

fn dict_items(vm: &mut Vm, args: &[Value], kwnames: Option<&Value>) -> PyResult<Value> {
    Spec::noargs("dict.items").check(vm, &args[1..], kwnames)?;
    Ok(new_view(&DICT_ITEMS_TYPE, args[0].clone()))
}

fn dict_get(vm: &mut Vm, args: &[Value], kwnames: Option<&Value>) -> PyResult<Value> {
    const GET: Spec = Spec::positional("dict.get", &[Param::pos("key"), Param::pos_opt("default")]);
    let rest = GET.check(vm, &args[1..], kwnames)?;
    match this(args).get(vm, &rest[0])? {
        Some(v) => Ok(v),
        None => Ok(rest.get(1).cloned().unwrap_or_else(none::none)),
    }
}

fn dict_pop(vm: &mut Vm, args: &[Value], kwnames: Option<&Value>) -> PyResult<Value> {
    const POP: Spec = Spec::positional("dict.pop", &[Param::pos("key"), Param::pos_opt("default")]);
    let rest = POP.check(vm, &args[1..], kwnames)?;
    let d = this(args);
    if d.is_empty() {
        // CPython answers an empty dict without hashing the key.
        return match rest.get(1) {
            Some(def) => Ok(def.clone()),
            None => Err(vm.key_error(rest[0].clone())),
        };
    }
    match d.remove(vm, &rest[0])? {
        Some(v) => Ok(v),
        None => match rest.get(1) {
            Some(def) => Ok(def.clone()),
            None => Err(vm.key_error(rest[0].clone())),
        },
    }
}

fn dict_popitem(vm: &mut Vm, args: &[Value], kwnames: Option<&Value>) -> PyResult<Value> {
    Spec::noargs("dict.popitem").check(vm, &args[1..], kwnames)?;
    match this(args).pop_last() {
        Some((k, v)) => Ok(tuple::pair(k, v)),
        None => {
            let msg = pystr::new_str("popitem(): dictionary is empty");
            Err(vm.key_error(msg))
        }
    }
}

fn dict_setdefault(vm: &mut Vm, args: &[Value], kwnames: Option<&Value>) -> PyResult<Value> {
    const SETDEFAULT: Spec = Spec::positional("dict.setdefault", &[Param::pos("key"), Param::pos_opt("default")]);
    let rest = SETDEFAULT.check(vm, &args[1..], kwnames)?;
    let key = &rest[0];
    let h = crate::protocols::object::hash(vm, key)?;
    let d = this(args);
    if let Some(v) = d.get_with_hash(vm, key, h)? {
        return Ok(v);
    }
    let def = rest.get(1).cloned().unwrap_or_else(none::none);
    this(args).set_with_hash(vm, key.clone(), h, def.clone())?;
    Ok(def)
}

fn dict_update(vm: &mut Vm, args: &[Value], kwnames: Option<&Value>) -> PyResult<Value> {
    update_from_args(vm, &args[0], &args[1..], kwnames, "update")?;
    Ok(none::none())
}

/// A plain-dict copy of `d`'s items.
pub fn copy_dict(vm: &mut Vm, src: &Value) -> PyResult<Value> {
    let out = new_dict();
    merge(vm, &out, src, true)?;
    Ok(out)
}

fn dict_copy(vm: &mut Vm, args: &[Value], kwnames: Option<&Value>) -> PyResult<Value> {
    Spec::noargs("dict.copy").check(vm, &args[1..], kwnames)?;
    let src = this(args);
    let entries: Vec<(i64, Value, Value)> = src.hash_items();
    let out = new_dict();
    let d = dict_data(&out).expect("dict");
    for (h, k, v) in entries {
        d.set_with_hash(vm, k, h, v)?;
    }
    Ok(out)
}

fn dict_clear(vm: &mut Vm, args: &[Value], kwnames: Option<&Value>) -> PyResult<Value> {
    Spec::noargs("dict.clear").check(vm, &args[1..], kwnames)?;
    this(args).clear();
    Ok(none::none())
}

fn dict_fromkeys(vm: &mut Vm, args: &[Value], kwnames: Option<&Value>) -> PyResult<Value> {
    const FROMKEYS: Spec = Spec::positional("dict.fromkeys", &[Param::pos("iterable"), Param::pos_opt("value")]);
    let rest = FROMKEYS.check(vm, &args[1..], kwnames)?;
    let cls = &args[0];
    let value = rest.get(1).cloned().unwrap_or_else(none::none);
    let d = crate::protocols::call::call(vm, cls, &[], None)?;
    let exact = std::ptr::eq(d.ty(), &DICT_TYPE.0);
    let it = crate::protocols::iter::get_iter(vm, &rest[0])?;
    while let Some(k) = crate::protocols::iter::next(vm, &it)? {
        if exact {
            dict_data(&d).expect("dict").set(vm, k, value.clone())?;
        } else {
            crate::protocols::object::setitem(vm, &d, &k, Some(&value))?;
        }
    }
    Ok(d)
}

fn dict_contains_method(vm: &mut Vm, args: &[Value], kwnames: Option<&Value>) -> PyResult<Value> {
    let key = Spec::one("dict.__contains__").arg(vm, &args[1..], kwnames)?;
    Ok(none::bool_value(this(args).get(vm, key)?.is_some()))
}

fn dict_getitem_method(vm: &mut Vm, args: &[Value], kwnames: Option<&Value>) -> PyResult<Value> {
    let key = Spec::one("dict.__getitem__").arg(vm, &args[1..], kwnames)?;
    crate::objects::dict::dict_getitem(vm, &args[0], key)
}

fn dict_reversed(vm: &mut Vm, args: &[Value], kwnames: Option<&Value>) -> PyResult<Value> {
    Spec::noargs("dict.__reversed__").check(vm, &args[1..], kwnames)?;
    Ok(new_dict_reverse_iterator(args[0].clone(), IterKind::Keys))
}

pub static DICT_METHODS: &[MethodDef] = &[
    MethodDef { name: "keys", func: dict_keys, kind: MethodKind::Instance, doc: "D.keys() -> a set-like object providing a view on D's keys" },
    MethodDef { name: "values", func: dict_values, kind: MethodKind::Instance, doc: "D.values() -> an object providing a view on D's values" },
    MethodDef { name: "items", func: dict_items, kind: MethodKind::Instance, doc: "D.items() -> a set-like object providing a view on D's items" },
    MethodDef { name: "get", func: dict_get, kind: MethodKind::Instance, doc: "Return the value for key if key is in the dictionary, else default." },
    MethodDef { name: "pop", func: dict_pop, kind: MethodKind::Instance, doc: "D.pop(k[,d]) -> v, remove specified key and return the corresponding value." },
    MethodDef { name: "popitem", func: dict_popitem, kind: MethodKind::Instance, doc: "Remove and return a (key, value) pair as a 2-tuple." },
    MethodDef { name: "setdefault", func: dict_setdefault, kind: MethodKind::Instance, doc: "Insert key with a value of default if key is not in the dictionary." },
    MethodDef { name: "update", func: dict_update, kind: MethodKind::Instance, doc: "D.update([E, ]**F) -> None.  Update D from dict/iterable E and F." },
    MethodDef { name: "copy", func: dict_copy, kind: MethodKind::Instance, doc: "D.copy() -> a shallow copy of D" },
    MethodDef { name: "clear", func: dict_clear, kind: MethodKind::Instance, doc: "D.clear() -> None.  Remove all items from D." },
    MethodDef { name: "fromkeys", func: dict_fromkeys, kind: MethodKind::Class, doc: "Create a new dictionary with keys from iterable and values set to value." },
    MethodDef { name: "__contains__", func: dict_contains_method, kind: MethodKind::Instance, doc: "True if the dictionary has the specified key, else False." },
    MethodDef { name: "__getitem__", func: dict_getitem_method, kind: MethodKind::Instance, doc: "x.__getitem__(y) <==> x[y]" },
    MethodDef { name: "__reversed__", func: dict_reversed, kind: MethodKind::Instance, doc: "Return a reverse iterator over the dict keys." },
];

// ----- iterators -------------------------------------------------------------------------

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum IterKind {
    Keys,
    Values,
    Items,
}

/// State of a dict iterator (forward or reverse). `used` is the dict's size when the
/// iterator was made (-1 once a size change was reported); `pos` the next dense position.
pub struct DictIterData {
    dict: ValueCell,
    kind: IterKind,
    reverse: bool,
    pos: Cell<isize>,
    used: Cell<isize>,
    remaining: Cell<isize>,
    /// The items iterators' result pair, reused when free.
    pair: crate::objects::tuple::ReusedPair,
}

impl Payload for DictIterData {
    fn class() -> &'static PyType {
        &DICT_KEYITER_TYPE
    }
}

macro_rules! dict_iter_type {
    ($id:ident, $name:expr) => {
        pub static $id: StaticType = StaticType::new(
            $name,
            Some(&crate::objects::object::OBJECT_TYPE),
            flags::HAVE_GC,
            std::mem::size_of::<PyObj<DictIterData>>(),
            dealloc_payload::<DictIterData>,
            DICT_ITER_METHODS,
            &[],
        )
        .with_slots(DICT_ITER_SLOTS);
    };
}

const DICT_ITER_SLOTS: SlotDefs = SlotDefs {
    traverse: Some(dict_iter_traverse),
    clear: Some(dict_iter_clear),
    iter: Some(self_iter),
    iternext: Some(dict_iter_next),
    ..SlotDefs::EMPTY
};

dict_iter_type!(DICT_KEYITER_TYPE, "dict_keyiterator");
dict_iter_type!(DICT_VALUEITER_TYPE, "dict_valueiterator");
dict_iter_type!(DICT_ITEMITER_TYPE, "dict_itemiterator");
dict_iter_type!(DICT_REVKEYITER_TYPE, "dict_reversekeyiterator");
dict_iter_type!(DICT_REVVALUEITER_TYPE, "dict_reversevalueiterator");
dict_iter_type!(DICT_REVITEMITER_TYPE, "dict_reverseitemiterator");

fn iter_types() -> [&'static StaticType; 6] {
    [
        &DICT_KEYITER_TYPE,
        &DICT_VALUEITER_TYPE,
        &DICT_ITEMITER_TYPE,
        &DICT_REVKEYITER_TYPE,
        &DICT_REVVALUEITER_TYPE,
        &DICT_REVITEMITER_TYPE,
    ]
}

/// The payload of any of the six dict iterator types.
pub fn dict_iter_data(v: &Value) -> Option<&DictIterData> {
    let h = v.header()?;
    if iter_types().iter().any(|t| std::ptr::eq(h.ty(), &t.0)) {
        // SAFETY: these types are allocated only by `make_iter`, with this payload.
        Some(unsafe { v.payload_unchecked::<DictIterData>() })
    } else {
        None
    }
}

fn make_iter(dict: Value, kind: IterKind, reverse: bool) -> Value {
    let d = dict_data(&dict).expect("dict");
    let used = d.len() as isize;
    let pos = if reverse { d.entries_len() as isize - 1 } else { 0 };
    let ty: &PyType = match (kind, reverse) {
        (IterKind::Keys, false) => &DICT_KEYITER_TYPE,
        (IterKind::Values, false) => &DICT_VALUEITER_TYPE,
        (IterKind::Items, false) => &DICT_ITEMITER_TYPE,
        (IterKind::Keys, true) => &DICT_REVKEYITER_TYPE,
        (IterKind::Values, true) => &DICT_REVVALUEITER_TYPE,
        (IterKind::Items, true) => &DICT_REVITEMITER_TYPE,
    };
    alloc_object(
        ty,
        DictIterData {
            dict: ValueCell::new(Some(dict)),
            kind,
            reverse,
            pos: Cell::new(pos),
            used: Cell::new(used),
            remaining: Cell::new(used),
            pair: Default::default(),
        },
    )
}

/// An iterator over a dict's keys, values or items (in insertion order).
pub fn new_dict_iterator(dict: Value, kind: IterKind) -> Value {
    make_iter(dict, kind, false)
}

/// A reverse iterator over a dict's keys, values or items.
pub fn new_dict_reverse_iterator(dict: Value, kind: IterKind) -> Value {
    make_iter(dict, kind, true)
}

/// The next (key, value) of a dict iterator, with CPython's size-change checks.
pub fn dict_iter_next_entry(vm: &mut Vm, it: &DictIterData) -> PyResult<Option<(Value, Value)>> {
    let Some(dict) = it.dict.get() else { return Ok(None) };
    let d = dict_data(&dict).expect("dict");
    if it.used.get() != d.len() as isize {
        it.used.set(-1);
        return Err(vm.runtime_error("dictionary changed size during iteration"));
    }
    let mut i = it.pos.get();
    // Reading and cloning entries runs no Python code.
    let found = d.with_table(|t| {
        let entries = &t.entries;
        if it.reverse {
            loop {
                if i < 0 {
                    break None;
                }
                if let Some(Some(e)) = entries.get(i as usize) {
                    break Some((e.key.clone(), e.value.clone()));
                }
                i -= 1;
            }
        } else {
            loop {
                match entries.get(i.max(0) as usize) {
                    None => break None,
                    Some(Some(e)) => break Some((e.key.clone(), e.value.clone())),
                    Some(None) => i += 1,
                }
            }
        }
    });
    let Some(kv) = found else {
        it.dict.set(None);
        return Ok(None);
    };
    if it.remaining.get() <= 0 {
        it.dict.set(None);
        return Err(vm.runtime_error("dictionary keys changed during iteration"));
    }
    it.pos.set(if it.reverse { i - 1 } else { i + 1 });
    it.remaining.set(it.remaining.get() - 1);
    Ok(Some(kv))
}

fn dict_iter_next(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let Some(it) = dict_iter_data(v) else { return Ok(None) };
    let Some((k, val)) = dict_iter_next_entry(vm, it)? else { return Ok(None) };
    Ok(Some(match it.kind {
        IterKind::Keys => k,
        IterKind::Values => val,
        IterKind::Items => it.pair.make(k, val),
    }))
}

fn dict_iter_length_hint(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    crate::protocols::args::Spec::noargs("__length_hint__").check_in(vm, args[0].ty().name(), &args[1..], kw)?;
    let Some(it) = dict_iter_data(&args[0]) else { return Ok(Value::int(0)) };
    let live = it.dict.get().and_then(|d| dict_data(&d).map(|dd| dd.len() as isize == it.used.get())).unwrap_or(false);
    Ok(Value::int(if live { it.remaining.get().max(0) as i64 } else { 0 }))
}

static DICT_ITER_METHODS: &[MethodDef] = &[MethodDef {
    name: "__length_hint__",
    func: dict_iter_length_hint,
    kind: MethodKind::Instance,
    doc: "Private method returning an estimate of len(list(it)).",
}];

fn dict_iter_traverse(h: &ObjHeader, visit: &mut dyn FnMut(&Value)) {
    // SAFETY: registered on the dict iterator types only.
    let d = unsafe { payload_of::<DictIterData>(h) };
    d.dict.visit(visit);
    d.pair.visit(visit);
}

fn dict_iter_clear(h: &ObjHeader) {
    // SAFETY: registered on the dict iterator types only.
    let d = unsafe { payload_of::<DictIterData>(h) };
    d.dict.set(None);
    d.pair.clear();
}

fn self_iter(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(v.clone())
}

// ----- views -----------------------------------------------------------------------------

/// `dict_keys`, `dict_values`, `dict_items`: a live view on a dict.
pub struct DictViewData {
    dict: ValueCell,
}

impl Payload for DictViewData {
    fn class() -> &'static PyType {
        &DICT_KEYS_TYPE
    }
}

macro_rules! view_type {
    ($id:ident, $name:expr, $methods:expr, $slots:expr) => {
        pub static $id: StaticType = StaticType::new(
            $name,
            Some(&crate::objects::object::OBJECT_TYPE),
            flags::HAVE_GC,
            std::mem::size_of::<PyObj<DictViewData>>(),
            dealloc_payload::<DictViewData>,
            $methods,
            &[],
        )
        .with_slots($slots);
    };
}

/// The slots every dict view has (`dict_values`).
const VIEW_SLOTS: SlotDefs = SlotDefs {
    traverse: Some(view_traverse),
    clear: Some(view_clear),
    repr: Some(view_repr),
    iter: Some(view_iter),
    len: Some(view_len),
    contains: Some(view_contains),
    ..SlotDefs::EMPTY
};

/// The set-like views (`dict_keys`, `dict_items`): comparisons and set operators too.
const SET_VIEW_SLOTS: SlotDefs = SlotDefs {
    hash: Some(crate::objects::object::hash_not_implemented),
    richcompare: Some(view_richcompare),
    nb: nb_slots(&[(binop::OR, view_or), (binop::AND, view_and), (binop::SUBTRACT, view_sub), (binop::XOR, view_xor)]),
    ..VIEW_SLOTS
};

view_type!(DICT_KEYS_TYPE, "dict_keys", SET_VIEW_METHODS, SET_VIEW_SLOTS);
view_type!(DICT_VALUES_TYPE, "dict_values", VALUES_VIEW_METHODS, VIEW_SLOTS);
view_type!(DICT_ITEMS_TYPE, "dict_items", SET_VIEW_METHODS, SET_VIEW_SLOTS);

fn new_view(ty: &'static StaticType, dict: Value) -> Value {
    alloc_object(ty, DictViewData { dict: ValueCell::new(Some(dict)) })
}

fn view_kind(v: &Value) -> Option<IterKind> {
    let h = v.header()?;
    let t = h.ty();
    if std::ptr::eq(t, &DICT_KEYS_TYPE.0) {
        Some(IterKind::Keys)
    } else if std::ptr::eq(t, &DICT_VALUES_TYPE.0) {
        Some(IterKind::Values)
    } else if std::ptr::eq(t, &DICT_ITEMS_TYPE.0) {
        Some(IterKind::Items)
    } else {
        None
    }
}

/// The dict behind a view (None for other values).
fn view_dict(v: &Value) -> Option<Value> {
    view_kind(v)?;
    // SAFETY: the three view types are allocated only by `new_view` with this payload.
    unsafe { v.payload_unchecked::<DictViewData>() }.dict.get()
}

/// Is `v` a keys or items view (the set-like ones)?
fn is_set_view(v: &Value) -> bool {
    matches!(view_kind(v), Some(IterKind::Keys | IterKind::Items))
}

fn view_len(_vm: &mut Vm, v: &Value) -> PyResult<usize> {
    Ok(view_dict(v).and_then(|d| dict_data(&d).map(|x| x.len())).unwrap_or(0))
}

fn view_iter(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let kind = view_kind(v).unwrap_or(IterKind::Keys);
    match view_dict(v) {
        Some(d) => Ok(new_dict_iterator(d, kind)),
        None => Ok(new_dict_iterator(new_dict(), kind)),
    }
}

fn view_reversed(vm: &mut Vm, args: &[Value], kwnames: Option<&Value>) -> PyResult<Value> {
    let _ = (vm, kwnames);
    let kind = view_kind(&args[0]).unwrap_or(IterKind::Keys);
    let d = view_dict(&args[0]).unwrap_or_else(new_dict);
    Ok(new_dict_reverse_iterator(d, kind))
}

fn view_contains(vm: &mut Vm, v: &Value, x: &Value) -> PyResult<bool> {
    let Some(dict) = view_dict(v) else { return Ok(false) };
    match view_kind(v) {
        Some(IterKind::Keys) => Ok(dict_data(&dict).expect("dict").get(vm, x)?.is_some()),
        Some(IterKind::Items) => {
            let Some(pair) = tuple::try_items(x) else { return Ok(false) };
            if pair.len() != 2 {
                return Ok(false);
            }
            let (k, val) = (pair[0].clone(), pair[1].clone());
            match dict_data(&dict).expect("dict").get(vm, &k)? {
                Some(found) => crate::protocols::object::eq(vm, &found, &val),
                None => Ok(false),
            }
        }
        _ => {
            let values = dict_data(&dict).expect("dict").values();
            for val in &values {
                if crate::protocols::object::eq(vm, val, x)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
    }
}

fn view_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    if !vm.repr_enter(v) {
        return Ok(pystr::new_str("..."));
    }
    let r = (|| {
        let items = crate::protocols::iter::collect(vm, v)?;
        let list = crate::objects::list::new_list(items);
        crate::protocols::object::repr_string(vm, &list)
    })();
    vm.repr_leave(v);
    Ok(pystr::from_string(format!("{}({})", v.ty().name(), r?)))
}

/// Is every item of `a` in `b`?
fn all_contained_in(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<bool> {
    let it = crate::protocols::iter::get_iter(vm, a)?;
    while let Some(x) = crate::protocols::iter::next(vm, &it)? {
        if !crate::protocols::object::contains(vm, b, &x)? {
            return Ok(false);
        }
    }
    Ok(true)
}

fn view_richcompare(vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
    if !is_set_view(a) || !(is_set_view(b) || crate::objects::set::is_anyset(b)) {
        return Ok(none::not_implemented());
    }
    let la = crate::protocols::object::len(vm, a)?;
    let lb = crate::protocols::object::len(vm, b)?;
    let ok = match op {
        CompareOp::Eq | CompareOp::Ne => {
            let same = la == lb && all_contained_in(vm, a, b)?;
            same == (op == CompareOp::Eq)
        }
        CompareOp::Lt => la < lb && all_contained_in(vm, a, b)?,
        CompareOp::Le => la <= lb && all_contained_in(vm, a, b)?,
        CompareOp::Gt => la > lb && all_contained_in(vm, b, a)?,
        CompareOp::Ge => la >= lb && all_contained_in(vm, b, a)?,
    };
    Ok(none::bool_value(ok))
}

/// `set(view)` (for keys views of exact dicts, built from the dict directly).
fn view_to_set(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    if view_kind(v) == Some(IterKind::Keys) {
        if let Some(d) = view_dict(v) {
            if std::ptr::eq(d.ty(), &DICT_TYPE.0) {
                return crate::objects::set::set_from_iterable(vm, &d);
            }
        }
    }
    crate::objects::set::set_from_iterable(vm, v)
}

fn view_or(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    if !is_set_view(a) && !is_set_view(b) {
        return Ok(none::not_implemented());
    }
    let result = view_to_set(vm, a)?;
    crate::objects::set::set_update(vm, &result, b)?;
    Ok(result)
}

fn view_sub(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    if !is_set_view(a) && !is_set_view(b) {
        return Ok(none::not_implemented());
    }
    let result = view_to_set(vm, a)?;
    crate::protocols::call::call_method(vm, &result, "difference_update", &[b.clone()])?;
    Ok(result)
}

fn view_xor(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    if !is_set_view(a) && !is_set_view(b) {
        return Ok(none::not_implemented());
    }
    let result = view_to_set(vm, a)?;
    crate::protocols::call::call_method(vm, &result, "symmetric_difference_update", &[b.clone()])?;
    Ok(result)
}

/// `_PyDictView_Intersect`.
fn view_and(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    let (mut this, mut other) = if is_set_view(a) {
        (a.clone(), b.clone())
    } else if is_set_view(b) {
        (b.clone(), a.clone())
    } else {
        return Ok(none::not_implemented());
    };
    let len_self = crate::protocols::object::len(vm, &this)?;
    if crate::objects::set::is_exact_set(&other) {
        let len_other = crate::protocols::object::len(vm, &other)?;
        if len_self <= len_other {
            return crate::protocols::call::call_method(vm, &other, "intersection", &[this]);
        }
    }
    if is_set_view(&other) {
        let len_other = crate::protocols::object::len(vm, &other)?;
        if len_other > len_self {
            std::mem::swap(&mut this, &mut other);
        }
    }
    let result = crate::objects::set::new_set();
    let it = crate::protocols::iter::get_iter(vm, &other)?;
    while let Some(x) = crate::protocols::iter::next(vm, &it)? {
        if view_contains(vm, &this, &x)? {
            crate::objects::set::set_add(vm, &result, x)?;
        }
    }
    Ok(result)
}

fn view_isdisjoint(vm: &mut Vm, args: &[Value], kwnames: Option<&Value>) -> PyResult<Value> {
    let other = Spec::one("isdisjoint").arg_in(vm, args[0].ty().name(), &args[1..], kwnames)?;
    let this = &args[0];
    if this.is(other) {
        return Ok(none::bool_value(crate::protocols::object::len(vm, this)? == 0));
    }
    let it = crate::protocols::iter::get_iter(vm, other)?;
    while let Some(x) = crate::protocols::iter::next(vm, &it)? {
        if view_contains(vm, this, &x)? {
            return Ok(none::bool_value(false));
        }
    }
    Ok(none::bool_value(true))
}

static SET_VIEW_METHODS: &[MethodDef] = &[
    MethodDef { name: "isdisjoint", func: view_isdisjoint, kind: MethodKind::Instance, doc: "Return True if the view and the given iterable have a null intersection." },
    MethodDef { name: "__reversed__", func: view_reversed, kind: MethodKind::Instance, doc: "Return a reverse iterator over the dict keys." },
];

static VALUES_VIEW_METHODS: &[MethodDef] = &[MethodDef {
    name: "__reversed__",
    func: view_reversed,
    kind: MethodKind::Instance,
    doc: "Return a reverse iterator over the dict values.",
}];

fn view_traverse(h: &ObjHeader, visit: &mut dyn FnMut(&Value)) {
    // SAFETY: registered on the view types only.
    unsafe { payload_of::<DictViewData>(h) }.dict.visit(visit);
}

fn view_clear(h: &ObjHeader) {
    // SAFETY: registered on the view types only.
    unsafe { payload_of::<DictViewData>(h) }.dict.set(None);
}
