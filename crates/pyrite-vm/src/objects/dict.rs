//! `dict`: CPython's compact, insertion-ordered hash table (CPython: `Objects/dictobject.c`).
//!
//! A sparse index table (`indices`, power-of-two size, open addressing with CPython's
//! perturbation probe) points into a dense `entries` vector in insertion order. Deleted
//! entries leave a `None` hole until the next resize. `version` changes on every mutation:
//! lookups that call `__eq__` re-check it and restart if the dict changed under them, and
//! caches of global lookups key on it.

use std::cell::{Cell, UnsafeCell};

use crate::object::access::AccessFlag;
use crate::object::{alloc_object, dealloc_payload, ObjHeader, Payload, PyObj, Value};
use crate::objects::{none, str as pystr};
use crate::typeobj::{flags, payload_of, CompareOp, PyType, StaticType, SlotDefs, nb_slots};
use crate::vm::{PyResult, Vm};

const EMPTY: i32 = -1;
const DUMMY: i32 = -2;
const MIN_SIZE: usize = 8;
const PERTURB_SHIFT: u32 = 5;

pub struct Entry {
    pub hash: i64,
    pub key: Value,
    pub value: Value,
}

pub struct Table {
    indices: Vec<i32>,
    pub entries: Vec<Option<Entry>>,
    used: usize,
}

pub struct DictData {
    table: UnsafeCell<Table>,
    /// Debug builds: `table` is lent to a `with_table` closure.
    access: AccessFlag,
    pub version: Cell<u64>,
    /// Names the current set of keys and their entry positions (CPython's `dk_version`):
    /// 0 until an inline cache asks for it, reset to 0 when a key is added or removed, and
    /// never reused, so a cache holding (version, entry index) knows the entry is still there.
    keys_version: Cell<u32>,
}

impl Payload for DictData {
    fn class() -> &'static PyType {
        &DICT_TYPE
    }
}

pub static DICT_TYPE: StaticType = StaticType::new(
    "dict",
    Some(&crate::objects::object::OBJECT_TYPE),
    flags::BASETYPE | flags::DICT_SUBCLASS | flags::HAVE_GC,
    std::mem::size_of::<PyObj<DictData>>(),
    dealloc_payload::<DictData>,
    crate::objects::dict_methods::DICT_METHODS,
    &[],
)
.with_slots(SlotDefs {
    traverse: Some(dict_traverse),
    clear: Some(dict_clear_slot),
    repr: Some(dict_repr),
    hash: Some(crate::objects::object::hash_not_implemented),
    richcompare: Some(dict_richcompare),
    iter: Some(dict_iter),
    new: Some(dict_new),
    init: Some(dict_init),
    nb: nb_slots(&[(pyrite_bytecode::opcode::binop::OR, dict_or)]),
    nb_inplace: nb_slots(&[(pyrite_bytecode::opcode::binop::OR, dict_ior)]),
    len: Some(dict_len),
    getitem: Some(dict_getitem),
    setitem: Some(dict_setitem),
    contains: Some(dict_contains),
    ..SlotDefs::EMPTY
});

/// An interpreter's dict version counters.
pub(crate) struct DictVersions {
    next_version: Cell<u64>,
    next_keys_version: Cell<u32>,
}

impl DictVersions {
    pub(crate) const fn new() -> DictVersions {
        DictVersions { next_version: Cell::new(1), next_keys_version: Cell::new(1) }
    }
}

fn next_version() -> u64 {
    let v = &crate::pystate::interp().dicts.next_version;
    let n = v.get() + 1;
    v.set(n);
    n
}

/// What one probe step found at an index-table slot.
enum Slot {
    /// EMPTY or DUMMY.
    Free(i32),
    /// The key (identity or a fast comparison): entry index.
    Match(usize),
    /// A different key.
    Other,
    /// Same hash, a key that needs `__eq__`: entry index and the key.
    Compare(usize, Value),
}

/// What a probe found.
enum Probe {
    /// The key is present: index-table slot and entry index.
    Found(usize, usize),
    /// Absent: the index-table slot where it would go.
    Missing(usize),
    /// The dict was mutated by an `__eq__` call: start again.
    Restart,
}

impl Default for DictData {
    fn default() -> Self {
        Self::new()
    }
}

impl DictData {
    pub fn new() -> DictData {
        DictData {
            table: UnsafeCell::new(Table { indices: Vec::new(), entries: Vec::new(), used: 0 }),
            access: AccessFlag::new(),
            version: Cell::new(next_version()),
            keys_version: Cell::new(0),
        }
    }

    /// Run `f` with the table, the one way to reach it (read or write).
    ///
    /// Rule: `f` must not run Python code, nor anything that can (`eq`, `hash` of a non-str,
    /// `repr`, a call, a safe point of the eval loop or the collector), and must not reach
    /// this dict's table again (no nested `with_table` on the same dict): the `&mut` is the
    /// only live borrow of the table while `f` runs. Dropping a `Value` inside `f` is allowed:
    /// deallocation never runs Python code (`__del__` and weakref callbacks are queued for the
    /// next safe point, see `gc::run_finalizer_on_dealloc`) and never reads a dict's table.
    #[inline(always)]
    pub fn with_table<R>(&self, f: impl FnOnce(&mut Table) -> R) -> R {
        let _scope = self.access.enter();
        // SAFETY: the interpreter is single-threaded (the payload is reachable only from the
        // thread its interpreter is attached to), and by the rule above no other borrow of
        // the table is created while `f` runs, so this `&mut` is unique for its lifetime,
        // which ends with `f`.
        f(unsafe { &mut *self.table.get() })
    }

    /// Lend the table shared to `f`, which only reads it. Several shared borrows may coexist
    /// (lookups in an immortal built-in type's dict from interpreters on several threads at
    /// once), but none with `with_table`'s: `f` must not run Python code or mutate any dict.
    #[inline(always)]
    pub fn with_table_ref<R>(&self, f: impl FnOnce(&Table) -> R) -> R {
        // SAFETY: the table is written only through `with_table`, whose `&mut` is never alive
        // while `f` runs: within a thread by the rule above, and across threads because a dict
        // shared by interpreters (an immortal type's) is never written after start-up.
        f(unsafe { &*self.table.get() })
    }

    #[inline(always)]
    pub fn len(&self) -> usize {
        self.with_table_ref(|t| t.used)
    }

    /// The length of the dense entry vector (live entries and holes).
    #[inline]
    pub fn entries_len(&self) -> usize {
        self.with_table_ref(|t| t.entries.len())
    }

    /// Snapshot of all (hash, key) pairs in order.
    pub fn hash_keys(&self) -> Vec<(i64, Value)> {
        self.with_table_ref(|t| t.entries.iter().flatten().map(|e| (e.hash, e.key.clone())).collect())
    }

    /// Snapshot of all (hash, key, value) triples in order.
    pub fn hash_items(&self) -> Vec<(i64, Value, Value)> {
        self.with_table_ref(|t| t.entries.iter().flatten().map(|e| (e.hash, e.key.clone(), e.value.clone())).collect())
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn bump(&self) {
        self.version.set(next_version());
    }

    /// The keys changed (added, removed, or moved by a resize).
    #[inline(always)]
    fn bump_keys(&self) {
        self.keys_version.set(0);
    }

    /// The current keys version, assigned on first request; `None` once the 16-bit versions
    /// that inline caches can hold have run out.
    pub fn keys_version_for_cache(&self) -> Option<u16> {
        let mut v = self.keys_version.get();
        if v == 0 {
            let n = &crate::pystate::interp().dicts.next_keys_version;
            v = n.get();
            n.set(v.saturating_add(1));
            self.keys_version.set(v);
        }
        u16::try_from(v).ok()
    }

    /// Is the keys version still `cached` (a cache guard: never true for an unassigned one)?
    #[inline(always)]
    pub fn keys_version_is(&self, cached: u16) -> bool {
        self.keys_version.get() == cached as u32
    }

    /// The value of a live entry: only for positions validated by a keys-version guard.
    ///
    /// # Safety
    /// The keys version matched one read when `index` held a live entry, and the returned
    /// reference is dropped before anything can change the table (no Python code runs and no
    /// call mutates this dict meanwhile: the callers clone it at once).
    #[inline(always)]
    pub unsafe fn value_at_unchecked(&self, index: usize) -> &Value {
        // SAFETY: the caller's guard makes `index` a live entry; the reference is derived from
        // the cell's pointer without creating a `&mut`, and by the caller's contract (as for
        // any reference into the table) it is used before anything can change the table.
        unsafe {
            let t: &Table = &*self.table.get();
            &t.entries.get_unchecked(index).as_ref().unwrap_unchecked().value
        }
    }

    /// Replace the value of a live entry validated like [`DictData::value_at_unchecked`].
    ///
    /// # Safety
    /// As for `value_at_unchecked`.
    #[inline(always)]
    pub unsafe fn replace_value_at_unchecked(&self, index: usize, value: Value) -> Value {
        self.bump();
        self.with_table(|t| {
            // SAFETY: the caller's guard makes `index` a live entry.
            let e = unsafe { t.entries.get_unchecked_mut(index).as_mut().unwrap_unchecked() };
            std::mem::replace(&mut e.value, value)
        })
    }

    /// Probe for `key` with hash `hash`. May call `__eq__`.
    #[inline]
    fn probe(&self, vm: &mut Vm, key: &Value, hash: i64) -> PyResult<Probe> {
        let n = self.with_table_ref(|t| t.indices.len());
        if n == 0 {
            return Ok(Probe::Missing(0));
        }
        let mask = n - 1;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        let mut first_dummy: Option<usize> = None;
        let version = self.version.get();
        loop {
            // What slot `i` holds, read without running Python code; a key that needs
            // `__eq__` is copied out and compared after the table borrow ends.
            let step = self.with_table_ref(|t| {
                // SAFETY: `i <= mask`, and an `__eq__` that resized the table makes the probe
                // restart (version check below) before `i` is used again.
                let ix = unsafe { *t.indices.get_unchecked(i) };
                if ix < 0 {
                    return Slot::Free(ix);
                }
                // SAFETY: a non-negative index names a live entry (the table's invariant).
                let e = unsafe { t.entries.get_unchecked(ix as usize).as_ref().unwrap_unchecked() };
                if e.key.is(key) {
                    return Slot::Match(ix as usize);
                }
                if e.hash != hash {
                    return Slot::Other;
                }
                // Keys of the built-in types with a total order (small ints, exact strs,
                // floats, tuples of those) compare without running Python code, so without
                // holding a reference or re-checking the table afterwards.
                match crate::protocols::object::fast_ordering(&e.key, key) {
                    Some(std::cmp::Ordering::Equal) => Slot::Match(ix as usize),
                    Some(_) => Slot::Other,
                    None => Slot::Compare(ix as usize, e.key.clone()),
                }
            });
            match step {
                Slot::Free(EMPTY) => return Ok(Probe::Missing(first_dummy.unwrap_or(i))),
                Slot::Free(_) => {
                    first_dummy.get_or_insert(i);
                }
                Slot::Match(ix) => return Ok(Probe::Found(i, ix)),
                Slot::Other => {}
                Slot::Compare(ix, ek) => {
                    let equal = crate::protocols::object::eq(vm, &ek, key)?;
                    if self.version.get() != version {
                        return Ok(Probe::Restart);
                    }
                    if equal {
                        return Ok(Probe::Found(i, ix));
                    }
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(perturb as usize).wrapping_add(1)) & mask;
        }
    }

    #[inline]
    fn find(&self, vm: &mut Vm, key: &Value, hash: i64) -> PyResult<Probe> {
        loop {
            match self.probe(vm, key, hash)? {
                Probe::Restart => continue,
                p => return Ok(p),
            }
        }
    }

    /// `d[key]` lookup with a precomputed hash.
    pub fn get_with_hash(&self, vm: &mut Vm, key: &Value, hash: i64) -> PyResult<Option<Value>> {
        match self.find(vm, key, hash)? {
            // SAFETY: `find` just returned a live entry's index.
            Probe::Found(_, ix) => Ok(Some(self.with_table_ref(|t| {
                // SAFETY: `find` just returned a live entry's index.
                unsafe { t.entries.get_unchecked(ix).as_ref().unwrap_unchecked() }.value.clone()
            }))),
            _ => Ok(None),
        }
    }

    pub fn get(&self, vm: &mut Vm, key: &Value) -> PyResult<Option<Value>> {
        let hash = crate::protocols::object::hash(vm, key)?;
        self.get_with_hash(vm, key, hash)
    }

    /// Lookup of a str key without running Python code: entries whose keys are not exact
    /// strs never match (used for namespaces and type dicts).
    #[inline]
    pub fn get_str(&self, key: &Value) -> Option<Value> {
        self.get_str_index(key).map(|(_, v)| v)
    }

    /// Like [`DictData::get_str`], also returning the entry's dense index (for inline caches).
    #[inline]
    pub fn get_str_index(&self, key: &Value) -> Option<(usize, Value)> {
        let kd = pystr::str_data(key)?;
        let hash = kd.hash();
        // Comparing strs runs no Python code.
        self.with_table_ref(|t| {
            if t.indices.is_empty() {
                return None;
            }
            let mask = t.indices.len() - 1;
            let mut perturb = hash as u64;
            let mut i = (hash as u64 as usize) & mask;
            loop {
                let ix = t.indices[i];
                if ix == EMPTY {
                    return None;
                }
                if ix >= 0 {
                    let e = t.entries[ix as usize].as_ref().expect("live entry");
                    if e.key.is(key) || (e.hash == hash && pystr::str_eq(&e.key, key)) {
                        return Some((ix as usize, e.value.clone()));
                    }
                }
                perturb >>= PERTURB_SHIFT;
                i = (i.wrapping_mul(5).wrapping_add(perturb as usize).wrapping_add(1)) & mask;
            }
        })
    }

    /// Whether entry `index` holds `key` (identity): a cache check with no reference taken.
    #[inline(always)]
    pub fn has_key_at(&self, index: usize, key: &Value) -> bool {
        self.with_table_ref(|t| matches!(t.entries.get(index), Some(Some(e)) if e.key.is(key)))
    }

    /// The value of entry `index` if that entry's key is `key` (identity). A compact dict holds
    /// each key in at most one live entry, so a hit is the current value: inline caches use
    /// this to revalidate a remembered index without hashing.
    #[inline(always)]
    pub fn value_at_if_key(&self, index: usize, key: &Value) -> Option<Value> {
        self.with_table_ref(|t| match t.entries.get(index) {
            Some(Some(e)) if e.key.is(key) => Some(e.value.clone()),
            _ => None,
        })
    }

    #[cold]
    #[inline(never)]
    fn resize_table(t: &mut Table, min_used: usize) {
        let mut size = MIN_SIZE;
        while size * 2 < min_used * 3 {
            size <<= 1;
        }
        let old: Vec<Option<Entry>> = std::mem::take(&mut t.entries);
        t.indices = vec![EMPTY; size];
        t.entries = Vec::with_capacity(size * 2 / 3);
        let mask = size - 1;
        for e in old.into_iter().flatten() {
            let mut perturb = e.hash as u64;
            let mut i = (e.hash as u64 as usize) & mask;
            while t.indices[i] != EMPTY {
                perturb >>= PERTURB_SHIFT;
                i = (i.wrapping_mul(5).wrapping_add(perturb as usize).wrapping_add(1)) & mask;
            }
            t.indices[i] = t.entries.len() as i32;
            t.entries.push(Some(e));
        }
    }

    /// Insert at a probed-missing slot (the caller holds the hash).
    fn insert_new(&self, slot: usize, hash: i64, key: Value, value: Value) {
        self.with_table(|t| {
            let usable = t.indices.len() * 2 / 3;
            if t.indices.is_empty() || t.entries.len() >= usable {
                Self::resize_table(t, t.used + 1);
                let mask = t.indices.len() - 1;
                let mut perturb = hash as u64;
                let mut i = (hash as u64 as usize) & mask;
                while t.indices[i] != EMPTY {
                    perturb >>= PERTURB_SHIFT;
                    i = (i.wrapping_mul(5).wrapping_add(perturb as usize).wrapping_add(1)) & mask;
                }
                t.indices[i] = t.entries.len() as i32;
                t.entries.push(Some(Entry { hash, key, value }));
            } else {
                // SAFETY: `slot` is an index-table slot a probe of this table just returned (no
                // Python code ran since, so the table is the same).
                unsafe { *t.indices.get_unchecked_mut(slot) = t.entries.len() as i32 };
                t.entries.push(Some(Entry { hash, key, value }));
            }
            t.used += 1;
        });
        self.bump();
        self.bump_keys();
    }

    pub fn set_with_hash(&self, vm: &mut Vm, key: Value, hash: i64, value: Value) -> PyResult<()> {
        match self.find(vm, &key, hash)? {
            Probe::Found(_, ix) => {
                let old = self.with_table(|t| std::mem::replace(&mut t.entries[ix].as_mut().expect("live entry").value, value));
                self.bump();
                drop(old);
            }
            Probe::Missing(slot) => self.insert_new(slot, hash, key, value),
            Probe::Restart => unreachable!("find never returns Restart"),
        }
        Ok(())
    }

    pub fn set(&self, vm: &mut Vm, key: Value, value: Value) -> PyResult<()> {
        let hash = crate::protocols::object::hash(vm, &key)?;
        self.set_with_hash(vm, key, hash, value)
    }

    /// Insert or replace under a str key without running Python code.
    pub fn set_str(&self, key: Value, value: Value) {
        let hash = pystr::str_data(&key).expect("str key").hash();
        // Comparing strs runs no Python code. `Ok(old)`: replaced; `Err(value)`: absent,
        // insert at the slot.
        let found = self.with_table(|t| {
            if t.indices.is_empty() {
                return Err((value, 0));
            }
            let mask = t.indices.len() - 1;
            let mut perturb = hash as u64;
            let mut i = (hash as u64 as usize) & mask;
            let mut first_dummy = None;
            loop {
                let ix = t.indices[i];
                if ix == EMPTY {
                    return Err((value, first_dummy.unwrap_or(i)));
                }
                if ix == DUMMY {
                    first_dummy.get_or_insert(i);
                } else {
                    let e = t.entries[ix as usize].as_mut().expect("live entry");
                    if e.key.is(&key) || (e.hash == hash && pystr::str_eq(&e.key, &key)) {
                        return Ok(std::mem::replace(&mut e.value, value));
                    }
                }
                perturb >>= PERTURB_SHIFT;
                i = (i.wrapping_mul(5).wrapping_add(perturb as usize).wrapping_add(1)) & mask;
            }
        });
        match found {
            Ok(old) => {
                self.bump();
                drop(old);
            }
            Err((value, slot)) => self.insert_new(slot, hash, key, value),
        }
    }

    /// Remove `key`; returns the removed value.
    pub fn remove_with_hash(&self, vm: &mut Vm, key: &Value, hash: i64) -> PyResult<Option<Value>> {
        match self.find(vm, key, hash)? {
            Probe::Found(slot, ix) => {
                let e = self.with_table(|t| {
                    t.indices[slot] = DUMMY;
                    t.used -= 1;
                    t.entries[ix].take().expect("live entry")
                });
                self.bump();
                self.bump_keys();
                let Entry { key: k, value, .. } = e;
                drop(k);
                Ok(Some(value))
            }
            _ => Ok(None),
        }
    }

    pub fn remove(&self, vm: &mut Vm, key: &Value) -> PyResult<Option<Value>> {
        let hash = crate::protocols::object::hash(vm, key)?;
        self.remove_with_hash(vm, key, hash)
    }

    /// Remove every entry.
    pub fn clear(&self) {
        let old = self.with_table(|t| {
            t.indices = Vec::new();
            t.used = 0;
            std::mem::take(&mut t.entries)
        });
        self.bump();
        self.bump_keys();
        drop(old);
    }

    /// The live entry at or after dense position `pos`: `(next_pos, key, value)`.
    pub fn next_entry(&self, mut pos: usize) -> Option<(usize, Value, Value)> {
        self.with_table(|t| {
            while pos < t.entries.len() {
                if let Some(e) = &t.entries[pos] {
                    return Some((pos + 1, e.key.clone(), e.value.clone()));
                }
                pos += 1;
            }
            None
        })
    }

    /// Snapshot of all (key, value) pairs in order.
    pub fn items(&self) -> Vec<(Value, Value)> {
        self.with_table_ref(|t| t.entries.iter().flatten().map(|e| (e.key.clone(), e.value.clone())).collect())
    }

    pub fn keys(&self) -> Vec<Value> {
        self.with_table_ref(|t| t.entries.iter().flatten().map(|e| e.key.clone()).collect())
    }

    pub fn values(&self) -> Vec<Value> {
        self.with_table_ref(|t| t.entries.iter().flatten().map(|e| e.value.clone()).collect())
    }

    /// Remove and return the last inserted entry.
    pub fn pop_last(&self) -> Option<(Value, Value)> {
        let popped = self.with_table(|t| {
            while let Some(last) = t.entries.pop() {
                if let Some(e) = last {
                    // Find and clear its index slot.
                    let mask = t.indices.len() - 1;
                    let ix = t.entries.len() as i32;
                    let mut perturb = e.hash as u64;
                    let mut i = (e.hash as u64 as usize) & mask;
                    while t.indices[i] != ix {
                        perturb >>= PERTURB_SHIFT;
                        i = (i.wrapping_mul(5).wrapping_add(perturb as usize).wrapping_add(1)) & mask;
                    }
                    t.indices[i] = DUMMY;
                    t.used -= 1;
                    return Some((e.key, e.value));
                }
            }
            None
        });
        if popped.is_some() {
            self.bump();
            self.bump_keys();
        }
        popped
    }
}

pub fn new_dict() -> Value {
    alloc_object(&DICT_TYPE, DictData::new())
}

#[inline]
pub fn dict_data(v: &Value) -> Option<&DictData> {
    v.downcast::<DictData>()
}

/// Look a str key up in a dict value without running Python code.
#[inline]
pub fn get_str_key(d: &Value, key: &Value) -> Option<Value> {
    dict_data(d)?.get_str(key)
}

fn dict_traverse(h: &ObjHeader, visit: &mut dyn FnMut(&Value)) {
    // SAFETY: called for dicts only.
    let d = unsafe { payload_of::<DictData>(h) };
    // Visiting only counts references (the collector's `visit` runs no Python code).
    d.with_table_ref(|t| {
        for e in t.entries.iter().flatten() {
            visit(&e.key);
            visit(&e.value);
        }
    });
    crate::typeobj::traverse_instance_extras(h, visit);
}

fn dict_clear_slot(h: &ObjHeader) {
    // SAFETY: called for dicts only.
    let d = unsafe { payload_of::<DictData>(h) };
    d.clear();
    crate::typeobj::clear_instance_extras_gc(h);
}

fn dict_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let d = dict_data(v).expect("dict");
    if d.is_empty() {
        return Ok(pystr::new_str("{}"));
    }
    if !vm.repr_enter(v) {
        return Ok(pystr::new_str("{...}"));
    }
    let mut out = String::from("{");
    let mut pos = 0;
    let mut first = true;
    let mut res = Ok(());
    while let Some((next, k, val)) = d.next_entry(pos) {
        pos = next;
        if !first {
            out.push_str(", ");
        }
        first = false;
        let r = crate::protocols::object::repr(vm, &k).and_then(|kr| {
            out.push_str(pystr::as_str(&kr));
            out.push_str(": ");
            crate::protocols::object::repr(vm, &val)
        });
        match r {
            Ok(vr) => out.push_str(pystr::as_str(&vr)),
            Err(e) => {
                res = Err(e);
                break;
            }
        }
    }
    vm.repr_leave(v);
    res?;
    out.push('}');
    Ok(pystr::from_string(out))
}

fn dict_richcompare(vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
    let (Some(x), Some(y)) = (dict_data(a), dict_data(b)) else {
        return Ok(none::not_implemented());
    };
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(none::not_implemented());
    }
    let mut equal = x.len() == y.len();
    if equal {
        for (k, v) in x.items() {
            match y.get(vm, &k)? {
                Some(w) => {
                    if !crate::protocols::object::eq(vm, &v, &w)? {
                        equal = false;
                        break;
                    }
                }
                None => {
                    equal = false;
                    break;
                }
            }
        }
    }
    Ok(none::bool_value(equal == (op == CompareOp::Eq)))
}

fn dict_len(_vm: &mut Vm, v: &Value) -> PyResult<usize> {
    Ok(dict_data(v).expect("dict").len())
}

fn dict_contains(vm: &mut Vm, v: &Value, key: &Value) -> PyResult<bool> {
    Ok(dict_data(v).expect("dict").get(vm, key)?.is_some())
}

pub fn dict_getitem(vm: &mut Vm, v: &Value, key: &Value) -> PyResult<Value> {
    if let Some(found) = dict_data(v).expect("dict").get(vm, key)? {
        return Ok(found);
    }
    if !std::ptr::eq(v.ty(), &DICT_TYPE.0) {
        if let Some(missing) = v.ty().lookup_str(vm, "__missing__") {
            return crate::protocols::call::call_method_value(vm, &missing, v, &[key.clone()]);
        }
    }
    Err(vm.key_error(key.clone()))
}

fn dict_setitem(vm: &mut Vm, v: &Value, key: &Value, value: Option<&Value>) -> PyResult<()> {
    let d = dict_data(v).expect("dict");
    match value {
        Some(x) => d.set(vm, key.clone(), x.clone()),
        None => match d.remove(vm, key)? {
            Some(_) => Ok(()),
            None => Err(vm.key_error(key.clone())),
        },
    }
}

fn dict_iter(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(crate::objects::dict_methods::new_dict_iterator(v.clone(), crate::objects::dict_methods::IterKind::Keys))
}

fn dict_new(_vm: &mut Vm, cls: &Value, _args: &[Value], _kw: Option<&Value>) -> PyResult<Value> {
    // SAFETY: `cls` is a type.
    let cls_ty = unsafe { cls.as_type_unchecked() };
    Ok(alloc_object(cls_ty, DictData::new()))
}

fn dict_init(vm: &mut Vm, this: &Value, args: &[Value], kwnames: Option<&Value>) -> PyResult<()> {
    crate::objects::dict_methods::update_from_args(vm, this, args, kwnames, "dict")
}

fn dict_or(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    let (Some(x), Some(_)) = (dict_data(a), dict_data(b)) else {
        return Ok(none::not_implemented());
    };
    let out = new_dict();
    let od = dict_data(&out).expect("dict");
    for (k, v) in x.items() {
        od.set(vm, k, v)?;
    }
    crate::objects::dict_methods::merge(vm, &out, b, true)?;
    Ok(out)
}

fn dict_ior(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    if dict_data(a).is_none() {
        return Ok(none::not_implemented());
    }
    crate::objects::dict_methods::update_from_args(vm, a, std::slice::from_ref(b), None, "update")?;
    Ok(a.clone())
}
