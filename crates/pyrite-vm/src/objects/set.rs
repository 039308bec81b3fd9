//! `set` and `frozenset`: CPython's open-addressing table with the same sizes, growth,
//! linear probes and perturbation, so iteration order matches (CPython: `Objects/setobject.c`).
//!
//! Rule: never keep a borrow of the table across a call into Python (`__eq__`, `__hash__`):
//! read an entry out by index, call, then re-check `generation` (bumped whenever the entry
//! vector is replaced) and the entry's key identity, restarting the probe if they changed.

use std::cell::{Cell, UnsafeCell};

use crate::object::access::AccessFlag;
use crate::object::{alloc_object, dealloc_payload, ObjHeader, PyObj, Payload, Value};
use crate::objects::iter::ValueCell;
use crate::objects::{dict, exceptions, none, str as pystr, tuple};
use crate::protocols::args::Spec;
use crate::typeobj::{flags, nb_slots, payload_of, CompareOp, MethodDef, MethodKind, PyType, SlotDefs, StaticType};
use crate::vm::{PyResult, Vm};
use pyrite_bytecode::opcode::binop;

const MINSIZE: usize = 8;
const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;

/// One table slot: empty is `(0, None)`, a dummy (deleted) slot is `(-1, None)`.
#[derive(Clone)]
struct Entry {
    hash: i64,
    key: Option<Value>,
}

const EMPTY: Entry = Entry { hash: 0, key: None };

/// What [`SetData::entry_at`] reports past the end of the table: a key-less entry's hash is 0
/// (empty) or -1 (dummy), never this.
const PAST_END: i64 = 1;

#[cfg(test)]
impl Entry {
    fn is_empty(&self) -> bool {
        self.key.is_none() && self.hash == 0
    }
    fn is_dummy(&self) -> bool {
        self.key.is_none() && self.hash == -1
    }
}

struct Table {
    entries: Vec<Entry>,
    /// Active plus dummy slots.
    fill: usize,
    /// Active slots.
    used: usize,
    /// Where `pop` resumes its search.
    finger: usize,
}

fn empty_entries(n: usize) -> Vec<Entry> {
    vec![EMPTY; n]
}

pub struct SetData {
    table: UnsafeCell<Table>,
    /// Debug builds: `table` is lent to a `with_t` closure.
    access: AccessFlag,
    generation: Cell<u64>,
    /// Cached frozenset hash; -1 when not computed.
    hash: Cell<i64>,
}

impl Payload for SetData {
    fn class() -> &'static PyType {
        &SET_TYPE
    }
}

pub static SET_TYPE: StaticType = StaticType::new(
    "set",
    Some(&crate::objects::object::OBJECT_TYPE),
    flags::BASETYPE | flags::HAVE_GC,
    std::mem::size_of::<PyObj<SetData>>(),
    dealloc_payload::<SetData>,
    SET_METHODS,
    &[],
)
.with_slots(SlotDefs {
    traverse: Some(set_traverse),
    clear: Some(set_clear_slot),
    repr: Some(set_repr),
    hash: Some(crate::objects::object::hash_not_implemented),
    richcompare: Some(set_richcompare),
    iter: Some(set_iter),
    new: Some(set_new),
    init: Some(set_init),
    nb: nb_slots(&[(binop::OR, set_or), (binop::AND, set_and), (binop::SUBTRACT, set_sub), (binop::XOR, set_xor)]),
    nb_inplace: nb_slots(&[(binop::OR, set_ior), (binop::AND, set_iand), (binop::SUBTRACT, set_isub), (binop::XOR, set_ixor)]),
    len: Some(set_len),
    contains: Some(set_contains_slot),
    ..SlotDefs::EMPTY
});

pub static FROZENSET_TYPE: StaticType = StaticType::new(
    "frozenset",
    Some(&crate::objects::object::OBJECT_TYPE),
    flags::BASETYPE | flags::HAVE_GC | flags::IMMUTABLE,
    std::mem::size_of::<PyObj<SetData>>(),
    dealloc_payload::<SetData>,
    FROZENSET_METHODS,
    &[],
)
.with_slots(SlotDefs {
    traverse: Some(set_traverse),
    clear: Some(set_clear_slot),
    repr: Some(set_repr),
    hash: Some(frozenset_hash),
    richcompare: Some(set_richcompare),
    iter: Some(set_iter),
    new: Some(frozenset_new),
    nb: nb_slots(&[(binop::OR, set_or), (binop::AND, set_and), (binop::SUBTRACT, set_sub), (binop::XOR, set_xor)]),
    len: Some(set_len),
    contains: Some(set_contains_slot),
    ..SlotDefs::EMPTY
});

/// What a probe for an absent key found.
enum Lookup {
    Found(usize),
    Missing,
}

impl SetData {
    pub fn new() -> SetData {
        SetData {
            table: UnsafeCell::new(Table { entries: empty_entries(MINSIZE), fill: 0, used: 0, finger: 0 }),
            access: AccessFlag::new(),
            generation: Cell::new(0),
            hash: Cell::new(-1),
        }
    }

    /// Run `f` with the table, the one way to reach it (read or write).
    ///
    /// Rule: `f` must not run Python code, nor anything that can (`eq`, `hash` of a non-str,
    /// `repr`, a call, a safe point of the eval loop or the collector), and must not reach
    /// this set's table again (a nested `with_t` only on another set): the `&mut` is the only
    /// live borrow of the table while `f` runs. Dropping a `Value` inside `f` is allowed:
    /// deallocation never runs Python code (`__del__` and weakref callbacks are queued for the
    /// next safe point) and never reads a set's table.
    #[inline(always)]
    fn with_t<R>(&self, f: impl FnOnce(&mut Table) -> R) -> R {
        let _scope = self.access.enter();
        // SAFETY: the interpreter is single-threaded (the payload is reachable only from the
        // thread its interpreter is attached to), and by the rule above no other borrow of
        // the table is created while `f` runs, so this `&mut` is unique for its lifetime,
        // which ends with `f`.
        f(unsafe { &mut *self.table.get() })
    }

    #[inline]
    pub fn len(&self) -> usize {
        self.with_t(|t| t.used)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn mask(&self) -> usize {
        self.with_t(|t| t.entries.len() - 1)
    }

    /// Replace the entry vector (the old one is dropped by the caller, after the swap).
    fn replace_entries(&self, entries: Vec<Entry>) -> Vec<Entry> {
        self.generation.set(self.generation.get().wrapping_add(1));
        self.with_t(|t| std::mem::replace(&mut t.entries, entries))
    }

    /// The hash and key of slot `j` (a new reference), or `(PAST_END, None)` if the table
    /// has shrunk below `j` (an `__eq__` resized it: the probe restarts).
    #[inline(always)]
    fn entry_at(&self, j: usize) -> (i64, Option<Value>) {
        self.with_t(|t| match t.entries.get(j) {
            Some(e) => (e.hash, e.key.clone()),
            None => (PAST_END, None),
        })
    }

    /// Does the slot `j` still hold `key` (same object) and is the table unchanged?
    fn unchanged(&self, gen: u64, j: usize, key: &Value) -> bool {
        self.generation.get() == gen && self.with_t(|t| t.entries.get(j).and_then(|e| e.key.as_ref()).map(|k| k.is(key)).unwrap_or(false))
    }

    /// `set_lookkey`.
    fn lookup(&self, vm: &mut Vm, key: &Value, hash: i64) -> PyResult<Lookup> {
        'restart: loop {
            let gen = self.generation.get();
            let mut mask = self.mask();
            let mut perturb = hash as u64;
            let mut i = (hash as u64 as usize) & mask;
            loop {
                let probes = if i + LINEAR_PROBES <= mask { LINEAR_PROBES } else { 0 };
                for j in i..=i + probes {
                    let (eh, ek) = self.entry_at(j);
                    let Some(sk) = ek else {
                        if eh == 0 {
                            return Ok(Lookup::Missing);
                        }
                        if eh == PAST_END {
                            continue 'restart;
                        }
                        continue;
                    };
                    if eh != hash {
                        continue;
                    }
                    if sk.is(key) || str_exact_eq(&sk, key) {
                        return Ok(Lookup::Found(j));
                    }
                    let cmp = crate::protocols::object::richcompare_bool(vm, &sk, key, CompareOp::Eq)?;
                    if !self.unchanged(gen, j, &sk) {
                        continue 'restart;
                    }
                    if cmp {
                        return Ok(Lookup::Found(j));
                    }
                    mask = self.mask();
                }
                perturb >>= PERTURB_SHIFT;
                i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
            }
        }
    }

    pub fn contains_hashed(&self, vm: &mut Vm, key: &Value, hash: i64) -> PyResult<bool> {
        Ok(matches!(self.lookup(vm, key, hash)?, Lookup::Found(_)))
    }

    /// `set_add_entry`.
    pub fn add_hashed(&self, vm: &mut Vm, key: Value, hash: i64) -> PyResult<()> {
        'restart: loop {
            let gen = self.generation.get();
            let mut mask = self.mask();
            let mut perturb = hash as u64;
            let mut i = (hash as u64 as usize) & mask;
            let mut freeslot: Option<usize> = None;
            let slot = 'probe: loop {
                let probes = if i + LINEAR_PROBES <= mask { LINEAR_PROBES } else { 0 };
                for j in i..=i + probes {
                    let (eh, ek) = self.entry_at(j);
                    match ek {
                        None if eh == 0 => break 'probe j,
                        None if eh == PAST_END => continue 'restart,
                        // CPython 3.12 remembers the last dummy on the probe path.
                        None => freeslot = Some(j),
                        Some(sk) => {
                            if eh == hash {
                                if sk.is(&key) || str_exact_eq(&sk, &key) {
                                    return Ok(());
                                }
                                let cmp = crate::protocols::object::richcompare_bool(vm, &sk, &key, CompareOp::Eq)?;
                                if cmp {
                                    return Ok(());
                                }
                                if !self.unchanged(gen, j, &sk) {
                                    continue 'restart;
                                }
                                mask = self.mask();
                            }
                        }
                    }
                }
                perturb >>= PERTURB_SHIFT;
                i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
            };
            // The slot is empty or a dummy: the assignment drops no key.
            let grow = self.with_t(|t| {
                if let Some(f) = freeslot {
                    t.used += 1;
                    t.entries[f] = Entry { hash, key: Some(key) };
                    return None;
                }
                t.fill += 1;
                t.used += 1;
                t.entries[slot] = Entry { hash, key: Some(key) };
                (t.fill * 5 >= mask * 3).then_some(t.used)
            });
            if let Some(used) = grow {
                self.resize(if used > 50000 { used * 2 } else { used * 4 });
            }
            return Ok(());
        }
    }

    pub fn add(&self, vm: &mut Vm, key: Value) -> PyResult<()> {
        let h = crate::protocols::object::hash(vm, &key)?;
        self.add_hashed(vm, key, h)
    }

    /// `set_table_resize`.
    fn resize(&self, minused: usize) {
        let mut newsize = MINSIZE;
        while newsize <= minused {
            newsize <<= 1;
        }
        let mut new_entries = empty_entries(newsize);
        let mask = newsize - 1;
        let old = self.replace_entries(Vec::new());
        for e in old.into_iter() {
            if let Some(k) = e.key {
                insert_clean(&mut new_entries, mask, k, e.hash);
            }
        }
        self.with_t(|t| {
            t.fill = t.used;
            t.entries = new_entries;
        });
    }

    /// `set_discard_entry`: true if the key was present.
    pub fn discard_hashed(&self, vm: &mut Vm, key: &Value, hash: i64) -> PyResult<bool> {
        match self.lookup(vm, key, hash)? {
            Lookup::Found(j) => {
                let old = self.with_t(|t| {
                    t.used -= 1;
                    std::mem::replace(&mut t.entries[j], Entry { hash: -1, key: None })
                });
                drop(old);
                Ok(true)
            }
            Lookup::Missing => Ok(false),
        }
    }

    /// Remove every element (`set_clear_internal`).
    pub fn clear(&self) {
        let old = self.replace_entries(empty_entries(MINSIZE));
        self.with_t(|t| {
            t.fill = 0;
            t.used = 0;
            t.finger = 0;
        });
        drop(old);
    }

    /// The active `(hash, key)` pairs in table order (a snapshot for loops that call Python).
    fn active(&self) -> Vec<(i64, Value)> {
        self.with_t(|t| t.entries.iter().filter_map(|e| e.key.as_ref().map(|k| (e.hash, k.clone()))).collect())
    }

    /// The elements in iteration order.
    pub fn keys(&self) -> Vec<Value> {
        self.with_t(|t| t.entries.iter().filter_map(|e| e.key.clone()).collect())
    }

    /// `set_pop`.
    fn pop(&self) -> Option<Value> {
        self.with_t(|t| {
            if t.used == 0 {
                return None;
            }
            let mask = t.entries.len() - 1;
            let mut i = t.finger & mask;
            while t.entries[i].key.is_none() {
                i += 1;
                if i > mask {
                    i = 0;
                }
            }
            let e = std::mem::replace(&mut t.entries[i], Entry { hash: -1, key: None });
            t.used -= 1;
            t.finger = i + 1;
            e.key
        })
    }

    /// `set_merge`: add every element of another set.
    fn merge(&self, vm: &mut Vm, other: &SetData) -> PyResult<()> {
        if std::ptr::eq(self, other) || other.is_empty() {
            return Ok(());
        }
        let (ofill, oused, omask) = other.with_t(|t| (t.fill, t.used, t.entries.len() - 1));
        let (fill, used) = self.with_t(|t| (t.fill, t.used));
        if (fill + oused) * 5 >= self.mask() * 3 {
            self.resize((used + oused) * 2);
        }
        let fill = self.with_t(|t| t.fill);
        if fill == 0 && self.mask() == omask && ofill == oused {
            let copy = other.with_t(|t| t.entries.clone());
            let old = self.replace_entries(copy);
            self.with_t(|t| {
                t.fill = ofill;
                t.used = oused;
            });
            drop(old);
            return Ok(());
        }
        if fill == 0 {
            let items = other.active();
            let mask = self.mask();
            self.with_t(|t| {
                t.fill = items.len();
                t.used = items.len();
                for (h, k) in items {
                    insert_clean(&mut t.entries, mask, k, h);
                }
            });
            return Ok(());
        }
        for (h, k) in other.active() {
            self.add_hashed(vm, k, h)?;
        }
        Ok(())
    }

    /// `frozenset_hash`.
    fn frozen_hash(&self) -> i64 {
        let cached = self.hash.get();
        if cached != -1 {
            return cached;
        }
        fn shuffle(h: u64) -> u64 {
            ((h ^ 89869747) ^ (h << 16)).wrapping_mul(3644798167)
        }
        let mut hash: u64 = self.with_t(|t| {
            let mut hash: u64 = 0;
            for e in &t.entries {
                hash ^= shuffle(e.hash as u64);
            }
            let mask = t.entries.len() - 1;
            if (mask + 1 - t.fill) & 1 != 0 {
                hash ^= shuffle(0);
            }
            if (t.fill - t.used) & 1 != 0 {
                hash ^= shuffle(u64::MAX);
            }
            hash ^ (t.used as u64 + 1).wrapping_mul(1927868237)
        });
        hash ^= (hash >> 11) ^ (hash >> 25);
        hash = hash.wrapping_mul(69069).wrapping_add(907133923);
        if hash == u64::MAX {
            hash = 590923713;
        }
        self.hash.set(hash as i64);
        hash as i64
    }

    /// Exchange the contents of two sets (`set_swap_bodies`).
    fn swap_bodies(&self, other: &SetData) {
        if std::ptr::eq(self, other) {
            return;
        }
        // Two different sets: two distinct tables.
        self.with_t(|a| other.with_t(|b| std::mem::swap(a, b)));
        self.generation.set(self.generation.get().wrapping_add(1));
        other.generation.set(other.generation.get().wrapping_add(1));
        self.hash.set(-1);
        other.hash.set(-1);
    }
}

impl Default for SetData {
    fn default() -> Self {
        Self::new()
    }
}

/// `set_insert_clean`: insert into a table known to have no dummies and not to hold `key`.
fn insert_clean(entries: &mut [Entry], mask: usize, key: Value, hash: i64) {
    let mut perturb = hash as u64;
    let mut i = (hash as u64 as usize) & mask;
    loop {
        if entries[i].key.is_none() {
            entries[i] = Entry { hash, key: Some(key) };
            return;
        }
        if i + LINEAR_PROBES <= mask {
            for j in i + 1..=i + LINEAR_PROBES {
                if entries[j].key.is_none() {
                    entries[j] = Entry { hash, key: Some(key) };
                    return;
                }
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
    }
}

fn str_exact_eq(a: &Value, b: &Value) -> bool {
    let st = &pystr::STR_TYPE.0;
    !a.is_small_int()
        && !b.is_small_int()
        && std::ptr::eq(a.ty(), st)
        && std::ptr::eq(b.ty(), st)
        && pystr::str_eq(a, b)
}

// ----- constructors and public helpers ---------------------------------------------------

/// The payload of a set or frozenset (or a subclass instance).
#[inline]
pub fn set_data(v: &Value) -> Option<&SetData> {
    if is_anyset(v) {
        // SAFETY: set, frozenset and their subclasses all carry a `SetData` payload.
        Some(unsafe { v.payload_unchecked::<SetData>() })
    } else {
        None
    }
}

/// `PyAnySet_Check`.
pub fn is_anyset(v: &Value) -> bool {
    if v.is_small_int() {
        return false;
    }
    let t = v.ty();
    t.is_subtype(&SET_TYPE) || t.is_subtype(&FROZENSET_TYPE)
}

pub fn is_exact_set(v: &Value) -> bool {
    !v.is_small_int() && std::ptr::eq(v.ty(), &SET_TYPE.0)
}

fn is_frozen(v: &Value) -> bool {
    !v.is_small_int() && v.ty().is_subtype(&FROZENSET_TYPE)
}

/// A new empty `set`.
pub fn new_set() -> Value {
    alloc_object(&SET_TYPE, SetData::new())
}

/// A new empty `set` (`BUILD_SET`).
pub fn new_set_empty() -> Value {
    new_set()
}

/// A `frozenset` holding `items` (frozenset constants).
pub fn new_frozenset_from(vm: &mut Vm, items: Vec<Value>) -> PyResult<Value> {
    new_frozenset(vm, items)
}

/// A new empty instance of `cls` (set, frozenset or a subclass).
fn new_of(cls: &PyType) -> Value {
    alloc_object(cls, SetData::new())
}

/// A `set` holding `items`.
pub fn new_set_from(vm: &mut Vm, items: Vec<Value>) -> PyResult<Value> {
    let s = new_set();
    let d = set_data(&s).expect("set");
    for x in items {
        d.add(vm, x)?;
    }
    Ok(s)
}

/// A `frozenset` holding `items`.
pub fn new_frozenset(vm: &mut Vm, items: Vec<Value>) -> PyResult<Value> {
    let s = new_of(&FROZENSET_TYPE);
    let d = set_data(&s).expect("frozenset");
    for x in items {
        d.add(vm, x)?;
    }
    Ok(s)
}

/// `set(iterable)`.
pub fn set_from_iterable(vm: &mut Vm, iterable: &Value) -> PyResult<Value> {
    let s = new_set();
    set_update(vm, &s, iterable)?;
    Ok(s)
}

/// `set.add` for `BUILD_SET` / `SET_ADD`.
pub fn set_add(vm: &mut Vm, set: &Value, item: Value) -> PyResult<()> {
    match set_data(set) {
        Some(d) => d.add(vm, item),
        None => Err(vm.type_error("set_add: not a set")),
    }
}

/// `set_update_internal`: add the elements of any iterable (`SET_UPDATE`, `set.update`).
pub fn set_update(vm: &mut Vm, set: &Value, other: &Value) -> PyResult<()> {
    let Some(d) = set_data(set) else { return Err(vm.type_error("set_update: not a set")) };
    if let Some(o) = set_data(other) {
        return d.merge(vm, o);
    }
    if !other.is_small_int() && std::ptr::eq(other.ty(), &dict::DICT_TYPE.0) {
        let dd = dict::dict_data(other).expect("dict");
        let n = dd.len();
        let (fill, used) = d.with_t(|t| (t.fill, t.used));
        if (fill + n) * 5 >= d.mask() * 3 {
            d.resize((used + n) * 2);
        }
        let entries: Vec<(i64, Value)> = dd.hash_keys();
        for (h, k) in entries {
            d.add_hashed(vm, k, h)?;
        }
        return Ok(());
    }
    let it = crate::protocols::iter::get_iter(vm, other)?;
    while let Some(x) = crate::protocols::iter::next(vm, &it)? {
        d.add(vm, x)?;
    }
    Ok(())
}

/// A new set of the same base kind as `so` (set for set subclasses, frozenset otherwise)
/// holding the elements of `iterable` (`make_new_set_basetype`).
fn new_basetype(vm: &mut Vm, so: &Value, iterable: Option<&Value>) -> PyResult<Value> {
    let s = if is_frozen(so) { new_of(&FROZENSET_TYPE) } else { new_set() };
    if let Some(it) = iterable {
        set_update(vm, &s, it)?;
    }
    Ok(s)
}

/// `set_copy`.
fn copy_of(vm: &mut Vm, so: &Value) -> PyResult<Value> {
    new_basetype(vm, so, Some(so))
}

/// Hash a key for lookup; an unhashable set key is retried as a frozenset (CPython's
/// `set_contains`/`set_remove`/`set_discard` fallback). Returns the key actually used.
fn hash_key_with_fallback(vm: &mut Vm, key: &Value) -> PyResult<(Value, i64)> {
    match crate::protocols::object::hash(vm, key) {
        Ok(h) => Ok((key.clone(), h)),
        Err(e) if e.matches(exceptions::type_error()) && !key.is_small_int() && key.ty().is_subtype(&SET_TYPE) => {
            let fs = new_of(&FROZENSET_TYPE);
            set_update(vm, &fs, key)?;
            let h = set_data(&fs).expect("frozenset").frozen_hash();
            Ok((fs, h))
        }
        Err(e) => Err(e),
    }
}

/// `key in set`.
pub fn set_contains(vm: &mut Vm, set: &Value, key: &Value) -> PyResult<bool> {
    let (k, h) = hash_key_with_fallback(vm, key)?;
    set_data(set).expect("set").contains_hashed(vm, &k, h)
}

// ----- set algebra (CPython's algorithms, for identical result tables) --------------------

fn intersection(vm: &mut Vm, so: &Value, other: &Value) -> PyResult<Value> {
    if so.is(other) {
        return copy_of(vm, so);
    }
    let result = new_basetype(vm, so, None)?;
    let rd = set_data(&result).expect("set");
    if let Some(od) = set_data(other) {
        let sd = set_data(so).expect("set");
        let (big, small) = if od.len() > sd.len() { (od, sd) } else { (sd, od) };
        for (h, k) in small.active() {
            if big.contains_hashed(vm, &k, h)? {
                rd.add_hashed(vm, k, h)?;
            }
        }
        return Ok(result);
    }
    let sd = set_data(so).expect("set");
    let it = crate::protocols::iter::get_iter(vm, other)?;
    while let Some(k) = crate::protocols::iter::next(vm, &it)? {
        let h = crate::protocols::object::hash(vm, &k)?;
        if sd.contains_hashed(vm, &k, h)? {
            rd.add_hashed(vm, k, h)?;
        }
    }
    Ok(result)
}

fn difference_update_internal(vm: &mut Vm, so: &Value, other: &Value) -> PyResult<()> {
    let sd = set_data(so).expect("set");
    if so.is(other) {
        sd.clear();
        return Ok(());
    }
    if let Some(od) = set_data(other) {
        let items = if (od.len() >> 3) > sd.len() {
            let tmp = intersection(vm, so, other)?;
            set_data(&tmp).expect("set").active()
        } else {
            od.active()
        };
        for (h, k) in items {
            sd.discard_hashed(vm, &k, h)?;
        }
    } else {
        let it = crate::protocols::iter::get_iter(vm, other)?;
        while let Some(k) = crate::protocols::iter::next(vm, &it)? {
            let (k, h) = hash_key_with_fallback(vm, &k)?;
            sd.discard_hashed(vm, &k, h)?;
        }
    }
    let (fill, used) = sd.with_t(|t| (t.fill, t.used));
    if fill - used <= sd.mask() / 4 {
        return Ok(());
    }
    sd.resize(if used > 50000 { used * 2 } else { used * 4 });
    Ok(())
}

fn difference(vm: &mut Vm, so: &Value, other: &Value) -> PyResult<Value> {
    let sd = set_data(so).expect("set");
    let other_size = if let Some(od) = set_data(other) {
        Some(od.len())
    } else if !other.is_small_int() && std::ptr::eq(other.ty(), &dict::DICT_TYPE.0) {
        dict::dict_data(other).map(|d| d.len())
    } else {
        None
    };
    let copy_and_difference = |vm: &mut Vm| -> PyResult<Value> {
        let result = copy_of(vm, so)?;
        difference_update_internal(vm, &result, other)?;
        Ok(result)
    };
    let Some(other_size) = other_size else { return copy_and_difference(vm) };
    if (sd.len() >> 2) > other_size {
        return copy_and_difference(vm);
    }
    let result = new_basetype(vm, so, None)?;
    let rd = set_data(&result).expect("set");
    for (h, k) in sd.active() {
        let present = match set_data(other) {
            Some(od) => od.contains_hashed(vm, &k, h)?,
            None => dict::dict_data(other).expect("dict").get_with_hash(vm, &k, h)?.is_some(),
        };
        if !present {
            rd.add_hashed(vm, k, h)?;
        }
    }
    Ok(result)
}

fn symmetric_difference_update(vm: &mut Vm, so: &Value, other: &Value) -> PyResult<()> {
    let sd = set_data(so).expect("set");
    if so.is(other) {
        sd.clear();
        return Ok(());
    }
    let items: Vec<(i64, Value)> = if !other.is_small_int() && std::ptr::eq(other.ty(), &dict::DICT_TYPE.0) {
        dict::dict_data(other).expect("dict").hash_keys()
    } else if let Some(od) = set_data(other) {
        od.active()
    } else {
        let tmp = new_basetype(vm, so, Some(other))?;
        set_data(&tmp).expect("set").active()
    };
    for (h, k) in items {
        if !sd.discard_hashed(vm, &k, h)? {
            sd.add_hashed(vm, k, h)?;
        }
    }
    Ok(())
}

fn symmetric_difference(vm: &mut Vm, so: &Value, other: &Value) -> PyResult<Value> {
    let result = new_basetype(vm, so, Some(other))?;
    symmetric_difference_update(vm, &result, so)?;
    Ok(result)
}

fn issubset(vm: &mut Vm, so: &Value, other: &Value) -> PyResult<bool> {
    let Some(od) = set_data(other) else {
        let tmp = set_from_iterable(vm, other)?;
        return issubset(vm, so, &tmp);
    };
    let sd = set_data(so).expect("set");
    if sd.len() > od.len() {
        return Ok(false);
    }
    for (h, k) in sd.active() {
        if !od.contains_hashed(vm, &k, h)? {
            return Ok(false);
        }
    }
    Ok(true)
}

fn issuperset(vm: &mut Vm, so: &Value, other: &Value) -> PyResult<bool> {
    if set_data(other).is_some() {
        return issubset(vm, other, so);
    }
    let it = crate::protocols::iter::get_iter(vm, other)?;
    while let Some(k) = crate::protocols::iter::next(vm, &it)? {
        if !set_contains(vm, so, &k)? {
            return Ok(false);
        }
    }
    Ok(true)
}

fn isdisjoint(vm: &mut Vm, so: &Value, other: &Value) -> PyResult<bool> {
    let sd = set_data(so).expect("set");
    if so.is(other) {
        return Ok(sd.is_empty());
    }
    let exact_any = !other.is_small_int()
        && (std::ptr::eq(other.ty(), &SET_TYPE.0) || std::ptr::eq(other.ty(), &FROZENSET_TYPE.0));
    if exact_any {
        let od = set_data(other).expect("set");
        let (big, small) = if od.len() > sd.len() { (od, sd) } else { (sd, od) };
        for (h, k) in small.active() {
            if big.contains_hashed(vm, &k, h)? {
                return Ok(false);
            }
        }
        return Ok(true);
    }
    let it = crate::protocols::iter::get_iter(vm, other)?;
    while let Some(k) = crate::protocols::iter::next(vm, &it)? {
        if set_contains(vm, so, &k)? {
            return Ok(false);
        }
    }
    Ok(true)
}

// ----- slots -----------------------------------------------------------------------------

fn set_traverse(h: &ObjHeader, visit: &mut dyn FnMut(&Value)) {
    // SAFETY: registered for set/frozenset (and subclasses), which carry this payload.
    let d = unsafe { payload_of::<SetData>(h) };
    // Visiting only counts references (the collector's `visit` runs no Python code).
    d.with_t(|t| {
        for e in &t.entries {
            if let Some(k) = &e.key {
                visit(k);
            }
        }
    });
    crate::typeobj::traverse_instance_extras(h, visit);
}

fn set_clear_slot(h: &ObjHeader) {
    // SAFETY: as for traverse.
    let d = unsafe { payload_of::<SetData>(h) };
    d.clear();
    crate::typeobj::clear_instance_extras_gc(h);
}

fn set_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let d = set_data(v).expect("set");
    let name = v.ty().name().to_owned();
    if d.is_empty() {
        return Ok(pystr::from_string(format!("{name}()")));
    }
    if !vm.repr_enter(v) {
        return Ok(pystr::from_string(format!("{name}(...)")));
    }
    let keys = d.keys();
    let mut out = String::new();
    let mut res = Ok(());
    for (i, k) in keys.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        match crate::protocols::object::repr(vm, k) {
            Ok(r) => out.push_str(pystr::as_str(&r)),
            Err(e) => {
                res = Err(e);
                break;
            }
        }
    }
    vm.repr_leave(v);
    res?;
    if is_exact_set(v) {
        Ok(pystr::from_string(format!("{{{out}}}")))
    } else {
        Ok(pystr::from_string(format!("{name}({{{out}}})")))
    }
}

fn set_len(_vm: &mut Vm, v: &Value) -> PyResult<usize> {
    Ok(set_data(v).map(|d| d.len()).unwrap_or(0))
}

fn set_contains_slot(vm: &mut Vm, v: &Value, key: &Value) -> PyResult<bool> {
    set_contains(vm, v, key)
}

fn frozenset_hash(_vm: &mut Vm, v: &Value) -> PyResult<i64> {
    Ok(set_data(v).expect("frozenset").frozen_hash())
}

fn set_richcompare(vm: &mut Vm, v: &Value, w: &Value, op: CompareOp) -> PyResult<Value> {
    let (Some(a), Some(b)) = (set_data(v), set_data(w)) else { return Ok(none::not_implemented()) };
    let (la, lb) = (a.len(), b.len());
    let r = match op {
        CompareOp::Eq | CompareOp::Ne => {
            let eq = if la != lb {
                false
            } else if a.hash.get() != -1 && b.hash.get() != -1 && a.hash.get() != b.hash.get() {
                false
            } else {
                issubset(vm, v, w)?
            };
            eq == (op == CompareOp::Eq)
        }
        CompareOp::Le => issubset(vm, v, w)?,
        CompareOp::Ge => issuperset(vm, v, w)?,
        CompareOp::Lt => la < lb && issubset(vm, v, w)?,
        CompareOp::Gt => la > lb && issuperset(vm, v, w)?,
    };
    Ok(none::bool_value(r))
}

fn set_iter(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let used = set_data(v).map(|d| d.len()).unwrap_or(0) as isize;
    Ok(alloc_object(
        &SET_ITER_TYPE,
        SetIterData { set: ValueCell::new(Some(v.clone())), pos: Cell::new(0), used: Cell::new(used), remaining: Cell::new(used) },
    ))
}

fn both_sets(a: &Value, b: &Value) -> bool {
    is_anyset(a) && is_anyset(b)
}

fn set_or(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    if !both_sets(a, b) {
        return Ok(none::not_implemented());
    }
    let result = copy_of(vm, a)?;
    if !a.is(b) {
        set_update(vm, &result, b)?;
    }
    Ok(result)
}

fn set_and(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    if !both_sets(a, b) {
        return Ok(none::not_implemented());
    }
    intersection(vm, a, b)
}

fn set_sub(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    if !both_sets(a, b) {
        return Ok(none::not_implemented());
    }
    difference(vm, a, b)
}

fn set_xor(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    if !both_sets(a, b) {
        return Ok(none::not_implemented());
    }
    symmetric_difference(vm, a, b)
}

fn set_ior(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    if !both_sets(a, b) {
        return Ok(none::not_implemented());
    }
    set_update(vm, a, b)?;
    Ok(a.clone())
}

fn intersection_update(vm: &mut Vm, so: &Value, other: &Value) -> PyResult<()> {
    let tmp = intersection(vm, so, other)?;
    set_data(so).expect("set").swap_bodies(set_data(&tmp).expect("set"));
    Ok(())
}

fn set_iand(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    if !both_sets(a, b) {
        return Ok(none::not_implemented());
    }
    intersection_update(vm, a, b)?;
    Ok(a.clone())
}

fn set_isub(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    if !both_sets(a, b) {
        return Ok(none::not_implemented());
    }
    difference_update_internal(vm, a, b)?;
    Ok(a.clone())
}

fn set_ixor(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    if !both_sets(a, b) {
        return Ok(none::not_implemented());
    }
    symmetric_difference_update(vm, a, b)?;
    Ok(a.clone())
}

fn cls_type(cls: &Value) -> &PyType {
    // SAFETY: `new` slots are only called with a type object.
    unsafe { cls.as_type_unchecked() }
}

fn has_kwargs(kwnames: Option<&Value>) -> bool {
    kwnames.map(|k| !tuple::items(k).is_empty()).unwrap_or(false)
}

fn set_new(vm: &mut Vm, cls: &Value, _args: &[Value], kwnames: Option<&Value>) -> PyResult<Value> {
    let ty = cls_type(cls);
    if std::ptr::eq(ty, &SET_TYPE.0) && has_kwargs(kwnames) {
        return Err(vm.type_error("set() takes no keyword arguments"));
    }
    Ok(new_of(ty))
}

fn set_init(vm: &mut Vm, this: &Value, args: &[Value], kwnames: Option<&Value>) -> PyResult<()> {
    if has_kwargs(kwnames) {
        return Err(vm.type_error("set() takes no keyword arguments"));
    }
    if args.len() > 1 {
        return Err(vm.type_error(format!("{} expected at most 1 argument, got {}", this.ty().name(), args.len())));
    }
    let d = set_data(this).expect("set");
    if !d.is_empty() {
        d.clear();
    }
    if let Some(it) = args.first() {
        set_update(vm, this, it)?;
    }
    Ok(())
}

fn frozenset_new(vm: &mut Vm, cls: &Value, args: &[Value], kwnames: Option<&Value>) -> PyResult<Value> {
    let ty = cls_type(cls);
    let exact = std::ptr::eq(ty, &FROZENSET_TYPE.0);
    if exact && has_kwargs(kwnames) {
        return Err(vm.type_error("frozenset() takes no keyword arguments"));
    }
    let npos = args.len() - kwnames.map(|k| tuple::items(k).len()).unwrap_or(0);
    if npos > 1 {
        return Err(vm.type_error(format!("{} expected at most 1 argument, got {}", ty.name(), npos)));
    }
    if exact {
        if let Some(it) = args.first().filter(|_| npos == 1) {
            if !it.is_small_int() && std::ptr::eq(it.ty(), &FROZENSET_TYPE.0) {
                return Ok(it.clone());
            }
        }
    }
    let s = new_of(ty);
    if npos == 1 {
        set_update(vm, &s, &args[0])?;
    }
    Ok(s)
}

// ----- methods ---------------------------------------------------------------------------

fn qual(args: &[Value]) -> &'static str {
    if is_frozen(&args[0]) {
        "frozenset"
    } else {
        "set"
    }
}

fn m_add(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    let x = Spec::one("add").arg_in(vm, qual(args), &args[1..], kw)?.clone();
    set_add(vm, &args[0], x)?;
    Ok(none::none())
}

fn m_remove(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    let x = Spec::one("remove").arg_in(vm, qual(args), &args[1..], kw)?.clone();
    let (k, h) = hash_key_with_fallback(vm, &x)?;
    if !set_data(&args[0]).expect("set").discard_hashed(vm, &k, h)? {
        return Err(vm.key_error(x));
    }
    Ok(none::none())
}

fn m_discard(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    let x = Spec::one("discard").arg_in(vm, qual(args), &args[1..], kw)?.clone();
    let (k, h) = hash_key_with_fallback(vm, &x)?;
    set_data(&args[0]).expect("set").discard_hashed(vm, &k, h)?;
    Ok(none::none())
}

fn m_pop(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    Spec::noargs("pop").check_in(vm, qual(args), &args[1..], kw)?;
    match set_data(&args[0]).expect("set").pop() {
        Some(v) => Ok(v),
        None => {
            let msg = pystr::new_str("pop from an empty set");
            Err(vm.key_error(msg))
        }
    }
}

fn m_clear(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    Spec::noargs("clear").check_in(vm, qual(args), &args[1..], kw)?;
    set_data(&args[0]).expect("set").clear();
    Ok(none::none())
}

fn m_copy(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    Spec::noargs("copy").check_in(vm, qual(args), &args[1..], kw)?;
    let so = &args[0];
    if !so.is_small_int() && std::ptr::eq(so.ty(), &FROZENSET_TYPE.0) {
        return Ok(so.clone());
    }
    copy_of(vm, so)
}

fn m_update(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    let others = Spec::varargs("update").check_in(vm, qual(args), &args[1..], kw)?;
    for o in others {
        set_update(vm, &args[0], o)?;
    }
    Ok(none::none())
}

fn m_union(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    let others = Spec::varargs("union").check_in(vm, qual(args), &args[1..], kw)?;
    let so = &args[0];
    let result = copy_of(vm, so)?;
    for o in others {
        if so.is(o) {
            continue;
        }
        set_update(vm, &result, o)?;
    }
    Ok(result)
}

fn intersection_multi(vm: &mut Vm, so: &Value, others: &[Value]) -> PyResult<Value> {
    if others.is_empty() {
        return copy_of(vm, so);
    }
    let mut result = so.clone();
    for o in others {
        result = intersection(vm, &result, o)?;
    }
    Ok(result)
}

fn m_intersection(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    let others = Spec::varargs("intersection").check_in(vm, qual(args), &args[1..], kw)?;
    intersection_multi(vm, &args[0], others)
}

fn m_intersection_update(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    let others = Spec::varargs("intersection_update").check_in(vm, qual(args), &args[1..], kw)?;
    let tmp = intersection_multi(vm, &args[0], others)?;
    if !tmp.is(&args[0]) {
        set_data(&args[0]).expect("set").swap_bodies(set_data(&tmp).expect("set"));
    }
    Ok(none::none())
}

fn m_difference(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    let others = Spec::varargs("difference").check_in(vm, qual(args), &args[1..], kw)?;
    let so = &args[0];
    let Some((first, rest)) = others.split_first() else { return copy_of(vm, so) };
    let result = difference(vm, so, first)?;
    for o in rest {
        difference_update_internal(vm, &result, o)?;
    }
    Ok(result)
}

fn m_difference_update(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    let others = Spec::varargs("difference_update").check_in(vm, qual(args), &args[1..], kw)?;
    for o in others {
        difference_update_internal(vm, &args[0], o)?;
    }
    Ok(none::none())
}

fn m_symmetric_difference(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    let o = Spec::one("symmetric_difference").arg_in(vm, qual(args), &args[1..], kw)?.clone();
    symmetric_difference(vm, &args[0], &o)
}

fn m_symmetric_difference_update(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    let o = Spec::one("symmetric_difference_update").arg_in(vm, qual(args), &args[1..], kw)?.clone();
    symmetric_difference_update(vm, &args[0], &o)?;
    Ok(none::none())
}

fn m_issubset(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    let o = Spec::one("issubset").arg_in(vm, qual(args), &args[1..], kw)?.clone();
    Ok(none::bool_value(issubset(vm, &args[0], &o)?))
}

fn m_issuperset(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    let o = Spec::one("issuperset").arg_in(vm, qual(args), &args[1..], kw)?.clone();
    Ok(none::bool_value(issuperset(vm, &args[0], &o)?))
}

fn m_isdisjoint(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    let o = Spec::one("isdisjoint").arg_in(vm, qual(args), &args[1..], kw)?.clone();
    Ok(none::bool_value(isdisjoint(vm, &args[0], &o)?))
}

fn m_contains(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    let o = Spec::one("__contains__").arg_in(vm, qual(args), &args[1..], kw)?.clone();
    Ok(none::bool_value(set_contains(vm, &args[0], &o)?))
}

fn m_reduce(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    crate::protocols::args::Spec::noargs("__reduce__").check_in(vm, args[0].ty().name(), &args[1..], kw)?;
    let so = &args[0];
    let keys = set_data(so).map(|d| d.keys()).unwrap_or_default();
    // SAFETY: reading the instance dict cell; no borrow outlives the clone.
    if crate::objects::inline_values::active(so).map(|b| !b.is_empty()).unwrap_or(false) {
        crate::objects::inline_values::materialize(so);
    }
    // SAFETY: reading the instance dict cell for a clone; no `&mut` to it is alive.
    let state = crate::typeobj::instance_dict_cell(so).and_then(|c| unsafe { (*c.get()).clone() }).unwrap_or_else(none::none);
    Ok(tuple::new_tuple(vec![
        so.ty().to_value(),
        tuple::new_tuple(vec![crate::objects::list::new_list(keys)]),
        state,
    ]))
}

macro_rules! m {
    ($name:expr, $f:expr, $doc:expr) => {
        MethodDef { name: $name, func: $f, kind: MethodKind::Instance, doc: $doc }
    };
}

pub static SET_METHODS: &[MethodDef] = &[
    m!("add", m_add, "Add an element to a set."),
    m!("clear", m_clear, "Remove all elements from this set."),
    m!("copy", m_copy, "Return a shallow copy of a set."),
    m!("discard", m_discard, "Remove an element from a set if it is a member."),
    m!("difference", m_difference, "Return the difference of two or more sets as a new set."),
    m!("difference_update", m_difference_update, "Remove all elements of another set from this set."),
    m!("intersection", m_intersection, "Return the intersection of two sets as a new set."),
    m!("intersection_update", m_intersection_update, "Update a set with the intersection of itself and another."),
    m!("isdisjoint", m_isdisjoint, "Return True if two sets have a null intersection."),
    m!("issubset", m_issubset, "Report whether another set contains this set."),
    m!("issuperset", m_issuperset, "Report whether this set contains another set."),
    m!("pop", m_pop, "Remove and return an arbitrary set element.\nRaises KeyError if the set is empty."),
    m!("remove", m_remove, "Remove an element from a set; it must be a member."),
    m!("symmetric_difference", m_symmetric_difference, "Return the symmetric difference of two sets as a new set."),
    m!("symmetric_difference_update", m_symmetric_difference_update, "Update a set with the symmetric difference of itself and another."),
    m!("union", m_union, "Return the union of sets as a new set."),
    m!("update", m_update, "Update a set with the union of itself and others."),
    m!("__contains__", m_contains, "x.__contains__(y) <==> y in x."),
    m!("__reduce__", m_reduce, "Return state information for pickling."),
];

pub static FROZENSET_METHODS: &[MethodDef] = &[
    m!("copy", m_copy, "Return a shallow copy of a set."),
    m!("difference", m_difference, "Return the difference of two or more sets as a new set."),
    m!("intersection", m_intersection, "Return the intersection of two sets as a new set."),
    m!("isdisjoint", m_isdisjoint, "Return True if two sets have a null intersection."),
    m!("issubset", m_issubset, "Report whether another set contains this set."),
    m!("issuperset", m_issuperset, "Report whether this set contains another set."),
    m!("symmetric_difference", m_symmetric_difference, "Return the symmetric difference of two sets as a new set."),
    m!("union", m_union, "Return the union of sets as a new set."),
    m!("__contains__", m_contains, "x.__contains__(y) <==> y in x."),
    m!("__reduce__", m_reduce, "Return state information for pickling."),
];

// ----- iterator --------------------------------------------------------------------------

pub struct SetIterData {
    set: ValueCell,
    pos: Cell<usize>,
    used: Cell<isize>,
    remaining: Cell<isize>,
}

impl Payload for SetIterData {
    fn class() -> &'static PyType {
        &SET_ITER_TYPE
    }
}

pub static SET_ITER_TYPE: StaticType = StaticType::new(
    "set_iterator",
    Some(&crate::objects::object::OBJECT_TYPE),
    flags::HAVE_GC,
    std::mem::size_of::<PyObj<SetIterData>>(),
    dealloc_payload::<SetIterData>,
    SET_ITER_METHODS,
    &[],
)
.with_slots(SlotDefs {
    traverse: Some(setiter_traverse),
    clear: Some(setiter_clear),
    iter: Some(self_iter),
    iternext: Some(setiter_next),
    ..SlotDefs::EMPTY
});

fn setiter_next(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let it = v.downcast::<SetIterData>().expect("set_iterator");
    let Some(set) = it.set.get() else { return Ok(None) };
    let d = set_data(&set).expect("set");
    if it.used.get() != d.len() as isize {
        it.used.set(-1);
        return Err(vm.runtime_error("Set changed size during iteration"));
    }
    let mut i = it.pos.get();
    let next = d.with_t(|t| {
        let entries = &t.entries;
        while i < entries.len() && entries[i].key.is_none() {
            i += 1;
        }
        entries.get(i).and_then(|e| e.key.clone())
    });
    it.pos.set(i + 1);
    match next {
        Some(k) => {
            it.remaining.set(it.remaining.get() - 1);
            Ok(Some(k))
        }
        None => {
            it.set.set(None);
            Ok(None)
        }
    }
}

fn setiter_length_hint(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    crate::protocols::args::Spec::noargs("__length_hint__").check_in(vm, args[0].ty().name(), &args[1..], kw)?;
    let it = args[0].downcast::<SetIterData>().expect("set_iterator");
    let live = it.set.get().and_then(|s| set_data(&s).map(|d| d.len() as isize == it.used.get())).unwrap_or(false);
    Ok(Value::int(if live { it.remaining.get().max(0) as i64 } else { 0 }))
}

static SET_ITER_METHODS: &[MethodDef] = &[MethodDef {
    name: "__length_hint__",
    func: setiter_length_hint,
    kind: MethodKind::Instance,
    doc: "Private method returning an estimate of len(list(it)).",
}];

fn setiter_traverse(h: &ObjHeader, visit: &mut dyn FnMut(&Value)) {
    // SAFETY: registered for set_iterator only.
    unsafe { payload_of::<SetIterData>(h) }.set.visit(visit);
}

fn setiter_clear(h: &ObjHeader) {
    // SAFETY: registered for set_iterator only.
    unsafe { payload_of::<SetIterData>(h) }.set.set(None);
}

fn self_iter(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(v.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Insert small ints (hash = value) the way `set_add_entry` does, without a VM.
    fn order_of(xs: &[i64]) -> Vec<i64> {
        let d = SetData::new();
        for &x in xs {
            let grow = d.with_t(|t| {
                let present = t.entries.iter().any(|e| e.key.as_ref().and_then(|k| k.as_small_int()) == Some(x));
                if present {
                    return None;
                }
                let mask = t.entries.len() - 1;
                // No dummies and distinct keys: the first empty slot on the probe sequence.
                let mut perturb = x as u64;
                let mut i = (x as u64 as usize) & mask;
                let slot = 'found: loop {
                    let probes = if i + LINEAR_PROBES <= mask { LINEAR_PROBES } else { 0 };
                    for j in i..=i + probes {
                        if t.entries[j].is_empty() {
                            break 'found j;
                        }
                    }
                    perturb >>= PERTURB_SHIFT;
                    i = (i * 5 + 1 + perturb as usize) & mask;
                };
                t.entries[slot] = Entry { hash: x, key: Some(Value::small_int(x)) };
                t.fill += 1;
                t.used += 1;
                (t.fill * 5 >= mask * 3).then_some(t.used)
            });
            if let Some(used) = grow {
                d.resize(if used > 50000 { used * 2 } else { used * 4 });
            }
        }
        d.keys().iter().filter_map(|k| k.as_small_int()).collect()
    }

    #[test]
    fn int_order_matches_cpython() {
        // list({x*7 for x in range(20)}) in CPython 3.12.
        let xs: Vec<i64> = (0..20).map(|x| x * 7).collect();
        assert_eq!(
            order_of(&xs),
            vec![0, 133, 7, 14, 21, 28, 35, 42, 49, 56, 63, 70, 77, 84, 91, 98, 105, 112, 119, 126]
        );
        // list(set(range(100, 0, -7))) in CPython 3.12.
        let ys: Vec<i64> = (0..15).map(|k| 100 - 7 * k).collect();
        assert_eq!(order_of(&ys), vec![65, 2, 100, 37, 72, 9, 44, 79, 16, 51, 86, 23, 58, 93, 30]);
    }

    #[test]
    fn frozenset_hash_matches_cpython() {
        // hash(frozenset()) and hash(frozenset({1, 2, 3})) in CPython 3.12.
        assert_eq!(SetData::new().frozen_hash(), 133146708735736);
        let d = SetData::new();
        for x in 1..=3i64 {
            d.with_t(|t| {
                t.entries[x as usize] = Entry { hash: x, key: Some(Value::small_int(x)) };
                t.fill += 1;
                t.used += 1;
            });
        }
        assert_eq!(d.frozen_hash(), -272375401224217160);
    }

    #[test]
    fn dummy_and_empty_markers() {
        assert!(EMPTY.is_empty());
        assert!(Entry { hash: -1, key: None }.is_dummy());
    }
}
