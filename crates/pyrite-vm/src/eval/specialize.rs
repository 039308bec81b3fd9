//! The specialiser (CPython: `Python/specialize.c`).
//!
//! When a generic instruction's adaptive counter runs out, the eval loop calls the function of
//! its family here with the operands it is about to use. The function picks the specialised
//! form whose guard these operands pass, fills the inline cache with what the form needs
//! (type version tags, dict keys versions, entry indices, function versions) and rewrites the
//! opcode byte in place; or, when no form fits, leaves the generic instruction and backs the
//! counter off. Nothing here changes what the instruction computes: every specialised form
//! re-checks its guard each time and falls back to the generic body on a miss.
//!
//! Cache layouts (16-bit units after the opcode; unit 0 is always the counter):
//! * LOAD_GLOBAL (4): `[1]` entry index, `[2]` globals keys version, `[3]` builtins keys version.
//! * LOAD_ATTR (9): `[1..3)` type version tag (or module keys version), `[3..5)` entry index
//!   or slot offset, `[5..9)` a borrowed object (method, class attribute, property getter),
//!   kept alive by the type's dict for as long as the tag is unchanged (tags are never reused).
//! * STORE_ATTR (4): `[1..3)` type version tag, `[3]` entry index or slot offset.
//! * CALL (3): `[1..3)` function version or type version tag.
//! * everything else (1): the counter only.

use pyrite_bytecode::adaptive;
use pyrite_bytecode::opcode::{binop, cache_size, cmp, op};

use crate::object::{ObjHeader, Value};
use crate::objects::{descr, dict, float, function, generator, inline_values, iter, list, module, range, set, str as pystr, tuple};
use crate::typeobj::{type_type, PyType};
use crate::vm::Vm;

// -------------------------------------------------------------------------------------------
// Cache access.

/// Guard failed: turn the instruction whose caches start at `cache_at` back into its family's
/// generic form (`generic`), keeping its argument byte.
///
/// # Safety
/// `cache_at` must point just past the opcode unit of an instruction with caches.
#[inline(always)]
pub unsafe fn unspecialize(cache_at: *mut u16, generic: u8) {
    // SAFETY: by the caller's contract (`# Safety` above) `cache_at` points just past an opcode
    // unit, so `cache_at - 1` is that unit and its low-order byte (the opcode) is in bounds and
    // writable.
    unsafe {
        // Store just the opcode byte (the low byte of the unit): that needs no read of the unit,
        // so the eval loop does not keep the instruction it dispatched on alive until here.
        let unit = cache_at.sub(1) as *mut u8;
        let opcode_byte = if cfg!(target_endian = "little") { unit } else { unit.add(1) };
        *opcode_byte = generic;
    }
}

#[inline(always)]
pub unsafe fn read_u32(c: *const u16) -> u32 {
    // SAFETY: callers pass a pointer to two readable cache units of a live instruction array (each
    // caller's own contract).
    unsafe { *c as u32 | (*c.add(1) as u32) << 16 }
}

#[inline(always)]
pub unsafe fn read_ptr(c: *const u16) -> *const ObjHeader {
    // SAFETY: callers pass a pointer to four readable cache units of a live instruction array.
    unsafe { (read_u32(c) as u64 | (read_u32(c.add(2)) as u64) << 32) as usize as *const ObjHeader }
}

/// One instruction's opcode unit and inline cache, as the specialiser rewrites them. Made
/// once, unsafely, from the pointers the eval loop passes; every access after that is checked
/// against the family's cache size, so the specialising functions need no unsafe code of
/// their own.
struct Site {
    instr: *mut u16,
    /// The cache: `len` units after the opcode unit (unit 0 is the adaptive counter).
    cache: *mut u16,
    len: usize,
}

impl Site {
    /// # Safety
    /// `instr` is the opcode unit of an instruction in a live instruction array, followed by
    /// its `len` cache units (`counter == instr + 1`) and then by at least one more unit (the
    /// assembler never ends a code object with an instruction that falls through), and
    /// nothing else reads or writes those units while the `Site` is used.
    #[inline(always)]
    unsafe fn new(instr: *mut u16, counter: *mut u16, len: usize) -> Site {
        debug_assert!(std::ptr::eq(counter, instr.wrapping_add(1)));
        Site { instr, cache: counter, len }
    }

    /// Cache unit `k`.
    fn get(&self, k: usize) -> u16 {
        assert!(k < self.len, "cache unit {k} of {}", self.len);
        // SAFETY: `k` is one of the instruction's `len` cache units (`Site::new`'s contract).
        unsafe { *self.cache.add(k) }
    }

    /// Set cache unit `k`.
    fn set(&self, k: usize, v: u16) {
        assert!(k < self.len, "cache unit {k} of {}", self.len);
        // SAFETY: as in `get`; no reference to the unit is alive.
        unsafe { *self.cache.add(k) = v };
    }

    fn read_u32(&self, k: usize) -> u32 {
        self.get(k) as u32 | (self.get(k + 1) as u32) << 16
    }

    fn write_u32(&self, k: usize, v: u32) {
        self.set(k, v as u16);
        self.set(k + 1, (v >> 16) as u16);
    }

    fn write_ptr(&self, k: usize, p: *const ObjHeader) {
        let v = p as usize as u64;
        self.write_u32(k, v as u32);
        self.write_u32(k + 2, (v >> 32) as u32);
    }

    /// The unit of the instruction that follows this one (after its cache).
    fn next_unit(&self) -> u16 {
        // SAFETY: `Site::new`'s contract: a unit follows the cache.
        unsafe { *self.cache.add(self.len) }
    }

    /// Rewrite the opcode byte, keeping the argument byte.
    fn set_opcode(&self, opcode: u16) {
        // SAFETY: `instr` is the instruction's opcode unit (`Site::new`'s contract).
        unsafe { *self.instr = (*self.instr & 0xff00) | opcode };
    }

    /// Install the specialised `choice` with the full cool-down of misses, or keep (restore)
    /// the generic `family` and wait longer before trying again.
    fn finish(&self, family: u16, choice: Option<u16>) {
        match choice {
            Some(opcode) => {
                self.set_opcode(opcode);
                self.set(0, adaptive::COOLDOWN);
            }
            None => {
                self.set_opcode(family);
                self.set(0, adaptive::backoff(self.get(0)));
            }
        }
    }
}

// -------------------------------------------------------------------------------------------
// Operators.

/// # Safety
/// `instr` is a BINARY_OP instruction and `counter` its first cache unit; `locals` are the
/// frame's localsplus slots.
pub unsafe fn binary_op(lhs: &Value, rhs: &Value, oparg: u32, instr: *mut u16, counter: *mut u16, locals: *const Option<Value>) {
    // SAFETY: the caller's contract (`# Safety` above): `instr` is a BINARY_OP instruction of live
    // code, `counter` its first cache unit, and the eval loop does not touch them meanwhile.
    let site = unsafe { Site::new(instr, counter, cache_size::BINARY_OP) };
    let base = binop::base(oparg);
    let both_floats = float::exact_float(lhs).is_some() && float::exact_float(rhs).is_some();
    let choice = if let (Some(x), Some(y)) = (lhs.as_small_int(), rhs.as_small_int()) {
        match base {
            binop::ADD => Some(op::BINARY_OP_ADD_INT),
            binop::SUBTRACT => Some(op::BINARY_OP_SUBTRACT_INT),
            binop::MULTIPLY => Some(op::BINARY_OP_MULTIPLY_INT),
            // Only where the fast path applies now (a division by zero stays generic).
            _ => crate::objects::int::small_int_binop(x, y, base).map(|_| op::BINARY_OP_INT_ANY),
        }
    } else if both_floats && matches!(base, binop::ADD | binop::SUBTRACT | binop::MULTIPLY) {
        Some(match base {
            binop::ADD => op::BINARY_OP_ADD_FLOAT,
            binop::SUBTRACT => op::BINARY_OP_SUBTRACT_FLOAT,
            _ => op::BINARY_OP_MULTIPLY_FLOAT,
        })
    } else if let (true, Some(x), Some(y)) = (
        both_floats || float::exact_float(lhs).is_some() || float::exact_float(rhs).is_some(),
        float::float_or_small_int(lhs),
        float::float_or_small_int(rhs),
    ) {
        float::simple_float_binop(x, y, base).map(|_| op::BINARY_OP_FLOAT_ANY)
    } else if base == binop::ADD && is_exact_str(lhs) && is_exact_str(rhs) {
        // `s += t` stored straight back into the local that held `s` (CPython's test): the
        // local's reference can be dropped first, so an unshared `s` grows in place.
        let next = site.next_unit();
        let to_store = matches!(next & 0xff, op::STORE_FAST | op::STORE_FAST__LOAD_FAST);
        // SAFETY: a STORE_FAST's local index is below `co_nlocalsplus`, and `locals` are the
        // frame's live localsplus slots (the caller's contract); the slot is only read.
        let local = || unsafe { (*locals.add((next >> 8) as usize)).as_ref() };
        if oparg == binop::INPLACE + binop::ADD && to_store && local().map(|v| v.is(lhs)).unwrap_or(false) {
            Some(op::BINARY_OP_INPLACE_ADD_UNICODE)
        } else {
            Some(op::BINARY_OP_ADD_UNICODE)
        }
    } else {
        None
    };
    site.finish(op::BINARY_OP, choice);
}

/// The polymorphic fallback of the instance attribute forms, for an owner of another class
/// than the cached one: `owner.name` when `owner` is an instance of an ordinary class
/// (generic attribute lookup, inline attributes) and no data descriptor intervenes. Gives an
/// inline value or a class attribute without `__get__`, or, for a method load, a plain
/// function of the class (`true`: the owner goes above it as `self`), and for an inline value
/// its key index. `None` when the full lookup must decide. Nothing is called, so nothing can
/// run. What the class side decides is read from the [`attr_shape`] cache.
pub fn plain_attribute(owner: &Value, name: &Value, method: bool) -> Option<(Value, bool, Option<usize>)> {
    let ty = owner.header()?.ty();
    let values = inline_values::active(owner)?;
    let shape = attr_shape::of(ty, name);
    if !shape.generic_getattr || shape.descr_has_get && shape.descr_has_set {
        return None;
    }
    if let Some(i) = shape.index {
        if let Some(v) = values.get(i) {
            return Some((v, false, Some(i)));
        }
    }
    if shape.descr.is_null() {
        return None;
    }
    // SAFETY: the class attribute stays in a dict along the MRO while the tag is unchanged.
    let d = unsafe { Value::from_header_borrowed(shape.descr) };
    if method && shape.descr_is_function {
        return Some((d, true, None));
    }
    (!shape.descr_has_get).then_some((d, false, None))
}

/// The polymorphic fallback of STORE_ATTR_INSTANCE_VALUE: `owner.name = value` for an
/// instance of another ordinary class (generic `__setattr__`, inline attributes) when no data
/// descriptor intervenes and the name has (or gets) a place in the inline block. False when
/// the full protocol must decide; `value` is then unused.
pub fn plain_store_attribute(owner: &Value, name: &Value, value: &Value) -> bool {
    let Some(h) = owner.header() else { return false };
    let ty = h.ty();
    let Some(values) = inline_values::active(owner) else { return false };
    let shape = attr_shape::of(ty, name);
    if !shape.generic_setattr || shape.descr_has_set {
        return false;
    }
    match shape.index {
        Some(i) => {
            values.set(i, value.clone());
            true
        }
        None => inline_values::set(owner, name, Some(value)) == Some(true),
    }
}

/// What the polymorphic attribute fallbacks need to know of `class.name`, cached per (class,
/// version tag, name) like the type method cache (CPython's `_PyType_Lookup` cache), so that a
/// site cycling through several classes costs one probe per access instead of a method-cache
/// lookup, descriptor tests and a scan of the class's keys. Entries borrow the class attribute,
/// which stays in a dict along the MRO while the class keeps its tag (tags are never reused).
mod attr_shape {
    use super::*;
    use crate::object::lazy_table::{type_name_slot, LazyTable};

    /// What `class.name` resolves to on the class side.
    #[derive(Clone, Copy)]
    pub struct Shape {
        /// The name's index in the class's inline keys, if it has one.
        pub index: Option<usize>,
        /// The class attribute along the MRO (borrowed), or null.
        pub descr: *const ObjHeader,
        pub descr_is_function: bool,
        pub descr_has_get: bool,
        pub descr_has_set: bool,
        pub generic_getattr: bool,
        pub generic_setattr: bool,
    }

    #[derive(Clone, Copy)]
    struct Entry {
        ty: usize,
        name: usize,
        tag: u32,
        /// The class's key count when `index` was looked for: keys are append-only, so a name
        /// found stays at its index, and one not found is still absent while the count holds.
        keys_len: u32,
        shape: Shape,
    }

    const SIZE: usize = 256;

    const EMPTY: Entry = Entry {
        ty: 0,
        name: 0,
        tag: 0,
        keys_len: 0,
        shape: Shape {
            index: None,
            descr: std::ptr::null(),
            descr_is_function: false,
            descr_has_get: false,
            descr_has_set: false,
            generic_getattr: false,
            generic_setattr: false,
        },
    };

    /// An interpreter's shape cache.
    pub struct Cache(LazyTable<Entry, SIZE>);

    impl Cache {
        pub(crate) const fn new() -> Cache {
            Cache(LazyTable::new(EMPTY))
        }
    }

    fn table() -> *mut [Entry; SIZE] {
        crate::pystate::interp().attr_shapes.0.entries()
    }

    /// The shape of `ty.name`. Only interned names are cached: their identity stands for their
    /// text, and the interpreter's intern table keeps them alive.
    pub fn of(ty: &PyType, name: &Value) -> Shape {
        if !name.downcast_exact::<pystr::StrData>().is_some_and(|d| d.interned.get()) {
            return resolve(ty, name);
        }
        let (t, n, tag) = (ty as *const PyType as usize, name.bits(), ty.version_tag.get());
        if tag == 0 {
            return resolve(ty, name);
        }
        let keys_len = inline_values::keys_len(ty) as u32;
        let slot = type_name_slot(t, tag, n, SIZE);
        // SAFETY: the attached interpreter's table; `resolve` runs no Python code and does not
        // re-enter.
        let e = unsafe { &mut (*table())[slot] };
        if e.ty == t && e.name == n && e.tag == tag {
            if e.shape.index.is_none() && e.keys_len != keys_len {
                e.shape.index = inline_values::key_index(ty, name);
                e.keys_len = keys_len;
            }
            return e.shape;
        }
        let shape = resolve(ty, name);
        *e = Entry { ty: t, name: n, tag, keys_len, shape };
        shape
    }

    fn resolve(ty: &PyType, name: &Value) -> Shape {
        let descr = ty.lookup(name);
        let dt = descr.as_ref().map(|d| d.ty());
        Shape {
            index: inline_values::key_index(ty, name),
            descr: descr.as_ref().map(|d| d.as_ptr()).unwrap_or(std::ptr::null()),
            descr_is_function: descr.as_ref().is_some_and(|d| d.downcast_exact::<function::FunctionData>().is_some()),
            descr_has_get: dt.is_some_and(|t| t.slots.descr_get.get().is_some()),
            descr_has_set: dt.is_some_and(|t| t.slots.descr_set.get().is_some()),
            generic_getattr: crate::objects::object::has_generic_getattr(ty),
            generic_setattr: crate::objects::object::has_generic_setattr(ty),
        }
    }
}

pub(crate) use attr_shape::Cache as ShapeCache;

#[inline(always)]
pub fn is_exact_str(v: &Value) -> bool {
    !v.is_small_int() && std::ptr::eq(v.ty(), &pystr::STR_TYPE.0)
}

/// # Safety
/// As for [`binary_op`], for COMPARE_OP.
pub unsafe fn compare_op(lhs: &Value, rhs: &Value, oparg: u32, instr: *mut u16, counter: *mut u16) {
    // SAFETY: the caller's contract (`# Safety` above): `instr` is a COMPARE_OP instruction of live
    // code, `counter` its first cache unit, and the eval loop does not touch them meanwhile.
    let site = unsafe { Site::new(instr, counter, cache_size::COMPARE_OP) };
    let cmp_op = oparg >> 4;
    let choice = if lhs.is_small_int() && rhs.is_small_int() {
        Some(op::COMPARE_OP_INT)
    } else if float::exact_float(lhs).is_some() && float::exact_float(rhs).is_some() {
        Some(op::COMPARE_OP_FLOAT)
    } else if is_exact_str(lhs) && is_exact_str(rhs) && (cmp_op == cmp::EQ || cmp_op == cmp::NE) {
        Some(op::COMPARE_OP_STR)
    } else {
        None
    };
    site.finish(op::COMPARE_OP, choice);
}

/// # Safety
/// As for [`binary_op`], for BINARY_SUBSCR.
pub unsafe fn binary_subscr(container: &Value, sub: &Value, instr: *mut u16, counter: *mut u16) {
    // SAFETY: the caller's contract (`# Safety` above): `instr` is a BINARY_SUBSCR instruction of live
    // code, `counter` its first cache unit, and the eval loop does not touch them meanwhile.
    let site = unsafe { Site::new(instr, counter, cache_size::BINARY_SUBSCR) };
    let choice = if container.downcast_exact::<list::ListData>().is_some() && sub.is_small_int() {
        Some(op::BINARY_SUBSCR_LIST_INT)
    } else if container.downcast_exact::<tuple::TupleData>().is_some() && sub.is_small_int() {
        Some(op::BINARY_SUBSCR_TUPLE_INT)
    } else if container.downcast_exact::<dict::DictData>().is_some() {
        Some(op::BINARY_SUBSCR_DICT)
    } else if is_exact_str(container) && sub.is_small_int() {
        Some(op::BINARY_SUBSCR_STR_INT)
    } else {
        None
    };
    site.finish(op::BINARY_SUBSCR, choice);
}

/// # Safety
/// As for [`binary_op`], for STORE_SUBSCR.
pub unsafe fn store_subscr(container: &Value, sub: &Value, instr: *mut u16, counter: *mut u16) {
    // SAFETY: the caller's contract (`# Safety` above): `instr` is a STORE_SUBSCR instruction of live
    // code, `counter` its first cache unit, and the eval loop does not touch them meanwhile.
    let site = unsafe { Site::new(instr, counter, cache_size::STORE_SUBSCR) };
    let choice = if container.downcast_exact::<list::ListData>().is_some() && sub.is_small_int() {
        Some(op::STORE_SUBSCR_LIST_INT)
    } else if container.downcast_exact::<dict::DictData>().is_some() {
        Some(op::STORE_SUBSCR_DICT)
    } else {
        None
    };
    site.finish(op::STORE_SUBSCR, choice);
}

/// CONTAINS_OP has no cache (its layout is CPython 3.12's): it specialises on first use; a
/// miss puts the generic form back (as every miss does), which re-specialises on its next run.
///
/// # Safety
/// `instr` is a CONTAINS_OP instruction.
pub unsafe fn contains_op(container: &Value, instr: *mut u16) {
    // SAFETY: the caller's contract: `instr` is a CONTAINS_OP (no cache) of live code, which
    // does not end with it.
    let site = unsafe { Site::new(instr, instr.add(1), 0) };
    if container.downcast_exact::<dict::DictData>().is_some() {
        site.set_opcode(op::CONTAINS_OP_DICT);
    } else if set::is_anyset(container) && (set::is_exact_set(container) || std::ptr::eq(container.ty(), &set::FROZENSET_TYPE.0)) {
        site.set_opcode(op::CONTAINS_OP_SET);
    } else if is_exact_str(container) {
        site.set_opcode(op::CONTAINS_OP_STR);
    }
}

// -------------------------------------------------------------------------------------------
// Iteration and unpacking.

/// # Safety
/// As for [`binary_op`], for FOR_ITER.
pub unsafe fn for_iter(it: &Value, instr: *mut u16, counter: *mut u16) {
    // SAFETY: the caller's contract (`# Safety` above): `instr` is a FOR_ITER instruction of live
    // code, `counter` its first cache unit, and the eval loop does not touch them meanwhile.
    let site = unsafe { Site::new(instr, counter, cache_size::FOR_ITER) };
    let choice = if it.downcast_exact::<range::RangeIterData>().is_some() {
        Some(op::FOR_ITER_RANGE)
    } else if !it.is_small_int() && std::ptr::eq(it.ty(), &iter::LIST_ITER_TYPE.0) {
        Some(op::FOR_ITER_LIST)
    } else if !it.is_small_int() && std::ptr::eq(it.ty(), &iter::TUPLE_ITER_TYPE.0) {
        Some(op::FOR_ITER_TUPLE)
    } else if it.downcast_exact::<generator::GeneratorData>().is_some() {
        Some(op::FOR_ITER_GEN)
    } else {
        None
    };
    site.finish(op::FOR_ITER, choice);
}

/// # Safety
/// As for [`binary_op`], for UNPACK_SEQUENCE.
pub unsafe fn unpack_sequence(seq: &Value, n: usize, instr: *mut u16, counter: *mut u16) {
    // SAFETY: the caller's contract (`# Safety` above): `instr` is a UNPACK_SEQUENCE instruction of live
    // code, `counter` its first cache unit, and the eval loop does not touch them meanwhile.
    let site = unsafe { Site::new(instr, counter, cache_size::UNPACK_SEQUENCE) };
    let choice = if let Some(t) = seq.downcast_exact::<tuple::TupleData>() {
        match (t.items().len() == n, n) {
            (true, 2) => Some(op::UNPACK_SEQUENCE_TWO_TUPLE),
            (true, _) => Some(op::UNPACK_SEQUENCE_TUPLE),
            _ => None,
        }
    } else if let Some(l) = seq.downcast_exact::<list::ListData>() {
        (l.len() == n).then_some(op::UNPACK_SEQUENCE_LIST)
    } else {
        None
    };
    site.finish(op::UNPACK_SEQUENCE, choice);
}

// -------------------------------------------------------------------------------------------
// Globals and attributes.

/// # Safety
/// `instr` is a LOAD_GLOBAL instruction and `counter` its first cache unit.
pub unsafe fn load_global(globals: &Value, builtins: &Value, name: &Value, instr: *mut u16, counter: *mut u16) {
    // SAFETY: the caller's contract (`# Safety` above): `instr` is a LOAD_GLOBAL instruction of live
    // code, `counter` its first cache unit, and the eval loop does not touch them meanwhile.
    let site = unsafe { Site::new(instr, counter, cache_size::LOAD_GLOBAL) };
    let choice = (|| {
        let g = dict::dict_data(globals).filter(|_| std::ptr::eq(globals.ty(), &dict::DICT_TYPE.0))?;
        let gv = g.keys_version_for_cache()?;
        if let Some((i, _)) = g.get_str_index(name) {
            let i = u16::try_from(i).ok()?;
            site.set(1, i);
            site.set(2, gv);
            return Some(op::LOAD_GLOBAL_MODULE);
        }
        let b = dict::dict_data(builtins).filter(|_| std::ptr::eq(builtins.ty(), &dict::DICT_TYPE.0))?;
        let bv = b.keys_version_for_cache()?;
        let (i, _) = b.get_str_index(name)?;
        site.set(1, u16::try_from(i).ok()?);
        site.set(2, gv);
        site.set(3, bv);
        Some(op::LOAD_GLOBAL_BUILTIN)
    })();
    site.finish(op::LOAD_GLOBAL, choice);
}

/// Is attribute access on `ty` the generic algorithm (no `__getattribute__`/`__getattr__`)?
#[inline(always)]
pub fn generic_getattro(ty: &PyType) -> bool {
    ty.slots.getattro.get().map(|f| f as usize == crate::objects::object::generic_getattr as *const () as usize).unwrap_or(false)
}

/// The instance `__dict__` of `owner`, if it has one and it is a plain dict.
#[inline(always)]
pub fn instance_dict(owner: &Value) -> Option<&dict::DictData> {
    let cell = crate::typeobj::instance_dict_cell(owner)?;
    // SAFETY: the cell is read without being replaced.
    let d = unsafe { (*cell.get()).as_ref()? };
    dict::dict_data(d)
}

/// # Safety
/// `instr` is a LOAD_ATTR instruction and `counter` its first cache unit.
pub unsafe fn load_attr(owner: &Value, name: &Value, method: bool, instr: *mut u16, counter: *mut u16) {
    // SAFETY: the caller's contract (`# Safety` above): `instr` is a LOAD_ATTR instruction of live
    // code, `counter` its first cache unit, and the eval loop does not touch them meanwhile.
    let site = unsafe { Site::new(instr, counter, cache_size::LOAD_ATTR) };
    let choice = load_attr_choice(owner, name, method, &site);
    site.finish(op::LOAD_ATTR, choice);
}

fn load_attr_choice(owner: &Value, name: &Value, method: bool, c: &Site) -> Option<u16> {
    let h = owner.header()?;
    let ty = h.ty();
    // A module attribute: the module dict's keys version and the entry index.
    if std::ptr::eq(ty, &module::MODULE_TYPE.0) && !method {
        let md = owner.downcast_exact::<module::ModuleData>()?;
        let d = dict::dict_data(&md.dict)?;
        let kv = d.keys_version_for_cache()?;
        let (i, _) = d.get_str_index(name)?;
        c.write_u32(1, kv as u32);
        c.write_u32(3, u32::try_from(i).ok()?);
        return Some(op::LOAD_ATTR_MODULE);
    }
    // An attribute of a class object (metaclass `type`, which has no such attribute).
    if let Some(cls) = owner.as_type() {
        if !std::ptr::eq(ty, type_type()) || type_type().lookup(name).is_some() {
            return None;
        }
        let tag = cls.version_tag.get();
        let found = cls.lookup(name)?;
        let plain = found.downcast_exact::<function::FunctionData>().is_some()
            || descr::is_method_descriptor(&found)
            || found.ty().slots.descr_get.get().is_none();
        if !plain || tag == 0 {
            return None;
        }
        c.write_u32(1, tag);
        c.write_ptr(5, found.as_ptr());
        return Some(op::LOAD_ATTR_CLASS);
    }
    if !generic_getattro(ty) {
        return None;
    }
    let tag = ty.version_tag.get();
    if tag == 0 {
        return None;
    }
    let on_type = ty.lookup(name);
    if let Some(d) = &on_type {
        if let Some(m) = d.downcast_exact::<descr::MemberDescrData>() {
            // The offset is only meaningful in instances of the member's own class.
            if method || !m.owner.as_type().map(|o| ty.is_subtype(o)).unwrap_or(false) {
                return None;
            }
            c.write_u32(1, tag);
            c.write_u32(3, u32::try_from(m.offset).ok()?);
            return Some(op::LOAD_ATTR_SLOT);
        }
        if let Some(p) = d.downcast_exact::<descr::PropertyData>() {
            // SAFETY: a read of the getter cell for a clone; nothing replaces it meanwhile.
            let fget = unsafe { (*p.fget.get()).clone() };
            if method || fget.downcast_exact::<function::FunctionData>().is_none() {
                return None;
            }
            // The property itself (kept alive by the class dict while the tag holds): its
            // getter is read on each run, as `property.__init__` can replace it.
            c.write_u32(1, tag);
            c.write_ptr(5, d.as_ptr());
            return Some(op::LOAD_ATTR_PROPERTY);
        }
    }
    let dict_cell = crate::typeobj::instance_dict_cell(owner);
    if method {
        let m = on_type?;
        if m.downcast_exact::<function::FunctionData>().is_none() && !descr::is_method_descriptor(&m) {
            return None;
        }
        c.write_u32(1, tag);
        c.write_ptr(5, m.as_ptr());
        if inline_values::active(owner).is_some() {
            // No instance of the class can shadow the method while its keys lack the name:
            // remember how many keys there were (they only grow).
            if inline_values::key_index(ty, name).is_some() {
                return None;
            }
            c.write_u32(3, inline_values::keys_len(ty) as u32);
            return Some(op::LOAD_ATTR_METHOD_WITH_VALUES);
        }
        return Some(match dict_cell {
            None => op::LOAD_ATTR_METHOD_NO_DICT,
            // SAFETY: a read of the dict cell; nothing replaces it meanwhile.
            Some(cell) if unsafe { (*cell.get()).is_none() } => op::LOAD_ATTR_METHOD_LAZY_DICT,
            Some(_) => {
                let d = instance_dict(owner)?;
                if d.get_str(name).is_some() {
                    return None;
                }
                // A materialised dict is checked on every run (the LAZY_DICT form does that).
                op::LOAD_ATTR_METHOD_LAZY_DICT
            }
        });
    }
    // An instance attribute, unless a data descriptor on the type takes precedence.
    if on_type.map(|d| d.ty().slots.descr_set.get().is_some()).unwrap_or(false) {
        return None;
    }
    if let Some(b) = inline_values::active(owner) {
        let i = inline_values::key_index(ty, name)?;
        b.peek(i)?;
        c.write_u32(1, tag);
        c.write_u32(3, i as u32);
        // No second class yet (units 5..7 may hold another form's descriptor pointer).
        c.write_u32(5, 0);
        c.set(7, 0);
        return Some(op::LOAD_ATTR_INSTANCE_VALUE);
    }
    let d = instance_dict(owner)?;
    let (i, _) = d.get_str_index(name)?;
    c.write_u32(1, tag);
    c.write_u32(3, u32::try_from(i).ok()?);
    Some(op::LOAD_ATTR_WITH_HINT)
}

/// # Safety
/// `instr` is a STORE_ATTR instruction and `counter` its first cache unit.
pub unsafe fn store_attr(owner: &Value, name: &Value, instr: *mut u16, counter: *mut u16) {
    // SAFETY: the caller's contract (`# Safety` above): `instr` is a STORE_ATTR instruction of live
    // code, `counter` its first cache unit, and the eval loop does not touch them meanwhile.
    let site = unsafe { Site::new(instr, counter, cache_size::STORE_ATTR) };
    let choice = (|| {
        let h = owner.header()?;
        let ty = h.ty();
        if !ty.is_heap_type() || ty.slots.setattro.get().map(|f| f as usize) != Some(crate::objects::object::generic_setattr as *const () as usize) {
            return None;
        }
        let tag = ty.version_tag.get();
        if tag == 0 {
            return None;
        }
        let on_type = ty.lookup(name);
        if let Some(d) = &on_type {
            if let Some(m) = d.downcast_exact::<descr::MemberDescrData>() {
                if !m.owner.as_type().map(|o| ty.is_subtype(o)).unwrap_or(false) {
                    return None;
                }
                site.write_u32(1, tag);
                site.set(3, u16::try_from(m.offset).ok()?);
                return Some(op::STORE_ATTR_SLOT);
            }
            if d.ty().slots.descr_set.get().is_some() {
                return None;
            }
        }
        if inline_values::active(owner).is_some() {
            // The name must already be one of the class's keys (the generic store adds it).
            let i = inline_values::key_index(ty, name)?;
            site.write_u32(1, tag);
            site.set(3, i as u16);
            return Some(op::STORE_ATTR_INSTANCE_VALUE);
        }
        let d = instance_dict(owner)?;
        let (i, _) = d.get_str_index(name)?;
        site.write_u32(1, tag);
        site.set(3, u16::try_from(i).ok()?);
        Some(op::STORE_ATTR_WITH_HINT)
    })();
    site.finish(op::STORE_ATTR, choice);
}

// -------------------------------------------------------------------------------------------
// Calls.

/// Does calling `fd` make a generator rather than run its body?
fn is_generator(fd: &function::FunctionData) -> bool {
    fd.code_data().code.flags & pyrite_bytecode::code::flags::GENERATOR != 0
}

/// Can `fd` be entered by binding `nargs` positional arguments to its first parameters, taking
/// any missing trailing ones from its defaults? Returns whether defaults are needed.
pub fn simple_positional_call(fd: &function::FunctionData, nargs: usize) -> Option<bool> {
    use pyrite_bytecode::code::flags as co;
    let code = &fd.code_data().code;
    // Generator functions qualify (the call makes the generator); coroutines do not yet.
    if code.flags & (co::VARARGS | co::VARKEYWORDS | co::COROUTINE | co::ASYNC_GENERATOR) != 0 || code.kwonlyargcount != 0 {
        return None;
    }
    let argcount = code.argcount as usize;
    if nargs == argcount {
        return Some(false);
    }
    let ndefaults = fd.defaults().map(|d| tuple::items(d).len()).unwrap_or(0);
    (nargs < argcount && nargs + ndefaults >= argcount).then_some(true)
}

/// # Safety
/// `instr` is a CALL instruction and `counter` its first cache unit. `callable` and
/// `self_or_null` are the two stack items under the `nargs` arguments.
pub unsafe fn call(vm: &mut Vm, callable: &Value, self_or_null: Option<&Value>, nargs: usize, has_kwnames: bool, instr: *mut u16, counter: *mut u16) {
    // SAFETY: the caller's contract (`# Safety` above): `instr` is a CALL instruction of live
    // code, `counter` its first cache unit, and the eval loop does not touch them meanwhile.
    let site = unsafe { Site::new(instr, counter, cache_size::CALL) };
    let choice = (|| {
        let total = nargs + self_or_null.is_some() as usize;
        if let Some(fd) = callable.downcast_exact::<function::FunctionData>() {
            // Guarded by the code object, not the function: a function's code never changes,
            // and what the call needs beyond it (the defaults) is read at each call.
            let code_version = fd.code_data().version;
            if has_kwnames || code_version == 0 {
                return None;
            }
            let with_defaults = simple_positional_call(fd, total)?;
            // The cache still holds the code version of an earlier specialisation: this site
            // calls several functions (a method overridden in subclasses, a callback), so a
            // code guard would keep failing. Guard the call's shape instead, at each call.
            let seen = site.read_u32(1);
            if seen != 0 && seen != code_version {
                return Some(op::CALL_PY_GENERAL);
            }
            site.write_u32(1, code_version);
            return Some(if with_defaults { op::CALL_PY_WITH_DEFAULTS } else { op::CALL_PY_EXACT_ARGS });
        }
        if let Some(m) = callable.downcast_exact::<function::BoundMethodData>() {
            let fd = m.func.downcast_exact::<function::FunctionData>()?;
            if has_kwnames || self_or_null.is_some() || fd.version.get() == 0 || is_generator(fd) || simple_positional_call(fd, nargs + 1)? {
                return None;
            }
            site.write_u32(1, fd.version.get());
            return Some(op::CALL_BOUND_METHOD_EXACT_ARGS);
        }
        if let Some(b) = callable.downcast_exact::<descr::BuiltinFunctionData>() {
            if b.bound_method || self_or_null.is_some() {
                return None;
            }
            if has_kwnames {
                return Some(op::CALL_BUILTIN_FAST_WITH_KEYWORDS);
            }
            if nargs == 1 && b.func as usize == crate::modules::builtins::b_len as *const () as usize {
                return Some(op::CALL_NO_KW_LEN);
            }
            if nargs == 2 && b.func as usize == crate::modules::builtins::b_isinstance as *const () as usize {
                return Some(op::CALL_NO_KW_ISINSTANCE);
            }
            return Some(if nargs == 1 { op::CALL_NO_KW_BUILTIN_O } else { op::CALL_NO_KW_BUILTIN_FAST });
        }
        if descr::is_method_descriptor(callable) {
            let d = callable.downcast::<descr::MethodDescrData>()?;
            self_or_null?;
            if has_kwnames {
                return Some(op::CALL_METHOD_DESCRIPTOR_FAST_WITH_KEYWORDS);
            }
            if nargs == 1 && d.def.func as usize == crate::objects::list_methods::list_append as *const () as usize {
                return Some(op::CALL_NO_KW_LIST_APPEND);
            }
            return Some(match nargs {
                0 => op::CALL_NO_KW_METHOD_DESCRIPTOR_NOARGS,
                1 => op::CALL_NO_KW_METHOD_DESCRIPTOR_O,
                _ => op::CALL_NO_KW_METHOD_DESCRIPTOR_FAST,
            });
        }
        let cls = callable.as_type()?;
        if self_or_null.is_some() || has_kwnames {
            return None;
        }
        if nargs == 1 {
            if std::ptr::eq(cls, type_type()) {
                return Some(op::CALL_NO_KW_TYPE_1);
            }
            if std::ptr::eq(cls, &pystr::STR_TYPE.0) {
                return Some(op::CALL_NO_KW_STR_1);
            }
            if std::ptr::eq(cls, &tuple::TUPLE_TYPE.0) {
                return Some(op::CALL_NO_KW_TUPLE_1);
            }
        }
        if !cls.is_heap_type() {
            return Some(op::CALL_BUILTIN_CLASS);
        }
        // A class whose instances come from object.__new__ and whose __init__ is a simple
        // Python function: allocate, then enter __init__ like a Python call.
        if !std::ptr::eq(callable.ty(), type_type()) || !crate::objects::object::uses_object_new(cls) || cls.lookup_str(vm, "__abstractmethods__").is_some() {
            return None;
        }
        let tag = cls.version_tag.get();
        let init = cls.lookup_str(vm, "__init__")?;
        let fd = init.downcast_exact::<function::FunctionData>()?;
        if tag == 0 || is_generator(fd) || simple_positional_call(fd, nargs + 1)? {
            return None;
        }
        site.write_u32(1, tag);
        Some(op::CALL_ALLOC_AND_ENTER_INIT)
    })();
    site.finish(op::CALL, choice);
}
