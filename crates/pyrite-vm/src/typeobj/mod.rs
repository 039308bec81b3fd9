//! Type objects and their slot tables (CPython: `Objects/typeobject.c`, `Include/cpython/object.h`).
//!
//! Built-in types are immortal `static`s whose slots are Rust functions; their `__dict__`
//! (methods, getsets, slot wrappers) is filled once per process by [`init_static_types`].
//! Classes defined in Python are heap `PyType` objects whose slots are refreshed from the
//! dunder methods found along the MRO whenever a class attribute changes.

pub mod heaptype_slots;
pub mod methods;
pub(crate) mod static_init;

use std::borrow::Cow;
use std::cell::{Cell, UnsafeCell};

use crate::object::{ObjHeader, PyObj, Value};
use crate::vm::{PyResult, Vm};

pub type NativeFn = fn(&mut Vm, &[Value], Option<&Value>) -> PyResult<Value>;
pub type UnaryFn = fn(&mut Vm, &Value) -> PyResult<Value>;
pub type BinaryFn = fn(&mut Vm, &Value, &Value) -> PyResult<Value>;
pub type HashFn = fn(&mut Vm, &Value) -> PyResult<i64>;
pub type RichCmpFn = fn(&mut Vm, &Value, &Value, CompareOp) -> PyResult<Value>;
pub type GetattroFn = fn(&mut Vm, &Value, &Value) -> PyResult<Value>;
pub type SetattroFn = fn(&mut Vm, &Value, &Value, Option<&Value>) -> PyResult<()>;
pub type CallFn = fn(&mut Vm, &Value, &[Value], Option<&Value>) -> PyResult<Value>;
pub type IterNextFn = fn(&mut Vm, &Value) -> PyResult<Option<Value>>;
pub type DescrGetFn = fn(&mut Vm, &Value, Option<&Value>, &Value) -> PyResult<Value>;
pub type DescrSetFn = fn(&mut Vm, &Value, &Value, Option<&Value>) -> PyResult<()>;
pub type NewFn = fn(&mut Vm, &Value, &[Value], Option<&Value>) -> PyResult<Value>;
pub type InitFn = fn(&mut Vm, &Value, &[Value], Option<&Value>) -> PyResult<()>;
pub type LenFn = fn(&mut Vm, &Value) -> PyResult<usize>;
pub type BoolFn = fn(&mut Vm, &Value) -> PyResult<bool>;
pub type ContainsFn = fn(&mut Vm, &Value, &Value) -> PyResult<bool>;
pub type SetItemFn = fn(&mut Vm, &Value, &Value, Option<&Value>) -> PyResult<()>;
pub type DeallocFn = unsafe fn(*mut ObjHeader);
/// Visit every reference the object owns (for the cycle collector).
pub type TraverseFn = fn(&ObjHeader, &mut dyn FnMut(&Value));
/// Drop the references the object owns, to break a cycle.
pub type ClearFn = fn(&ObjHeader);

/// Rich comparison operators, in `COMPARE_OP`'s order.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum CompareOp {
    Lt = 0,
    Le = 1,
    Eq = 2,
    Ne = 3,
    Gt = 4,
    Ge = 5,
}

impl CompareOp {
    pub fn from_u32(op: u32) -> CompareOp {
        match op {
            0 => CompareOp::Lt,
            1 => CompareOp::Le,
            2 => CompareOp::Eq,
            3 => CompareOp::Ne,
            4 => CompareOp::Gt,
            _ => CompareOp::Ge,
        }
    }
    /// The operator with its operands swapped (`a < b` is `b > a`).
    pub fn swapped(self) -> CompareOp {
        match self {
            CompareOp::Lt => CompareOp::Gt,
            CompareOp::Le => CompareOp::Ge,
            CompareOp::Eq => CompareOp::Eq,
            CompareOp::Ne => CompareOp::Ne,
            CompareOp::Gt => CompareOp::Lt,
            CompareOp::Ge => CompareOp::Le,
        }
    }
    pub fn symbol(self) -> &'static str {
        ["<", "<=", "==", "!=", ">", ">="][self as usize]
    }
    pub fn dunder(self) -> &'static str {
        ["__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"][self as usize]
    }
    /// Apply the operator to an `Ordering`.
    pub fn test(self, ord: std::cmp::Ordering) -> bool {
        use std::cmp::Ordering::*;
        match self {
            CompareOp::Lt => ord == Less,
            CompareOp::Le => ord != Greater,
            CompareOp::Eq => ord == Equal,
            CompareOp::Ne => ord != Equal,
            CompareOp::Gt => ord == Greater,
            CompareOp::Ge => ord != Less,
        }
    }
}

/// Number of binary number slots: one per `BINARY_OP` operator (`NB_ADD` .. `NB_XOR`).
pub const NB_BINARY: usize = 13;

/// The slot table (`tp_*`, `nb_*`, `sq_*`, `mp_*`).
pub struct Slots {
    pub dealloc: Cell<DeallocFn>,
    pub traverse: Cell<Option<TraverseFn>>,
    pub clear: Cell<Option<ClearFn>>,
    pub repr: Cell<Option<UnaryFn>>,
    pub str: Cell<Option<UnaryFn>>,
    pub hash: Cell<Option<HashFn>>,
    pub richcompare: Cell<Option<RichCmpFn>>,
    pub getattro: Cell<Option<GetattroFn>>,
    pub setattro: Cell<Option<SetattroFn>>,
    pub call: Cell<Option<CallFn>>,
    pub iter: Cell<Option<UnaryFn>>,
    pub iternext: Cell<Option<IterNextFn>>,
    pub descr_get: Cell<Option<DescrGetFn>>,
    pub descr_set: Cell<Option<DescrSetFn>>,
    pub new: Cell<Option<NewFn>>,
    pub init: Cell<Option<InitFn>>,
    /// Binary operators indexed by `NB_*`; each returns `NotImplemented` for foreign operands.
    pub nb: [Cell<Option<BinaryFn>>; NB_BINARY],
    /// In-place operators indexed by `NB_*` (without the in-place offset).
    pub nb_inplace: [Cell<Option<BinaryFn>>; NB_BINARY],
    pub nb_negative: Cell<Option<UnaryFn>>,
    pub nb_positive: Cell<Option<UnaryFn>>,
    pub nb_invert: Cell<Option<UnaryFn>>,
    pub nb_absolute: Cell<Option<UnaryFn>>,
    pub nb_bool: Cell<Option<BoolFn>>,
    pub nb_int: Cell<Option<UnaryFn>>,
    pub nb_float: Cell<Option<UnaryFn>>,
    pub nb_index: Cell<Option<UnaryFn>>,
    pub len: Cell<Option<LenFn>>,
    pub getitem: Cell<Option<BinaryFn>>,
    pub setitem: Cell<Option<SetItemFn>>,
    pub contains: Cell<Option<ContainsFn>>,
    /// `tp_as_buffer` (`protocols/buffer.rs`).
    pub buffer: Cell<Option<&'static crate::protocols::buffer::BufferProcs>>,
    /// `tp_as_async`: `__await__`, `__aiter__`, `__anext__`.
    pub am_await: Cell<Option<UnaryFn>>,
    pub am_aiter: Cell<Option<UnaryFn>>,
    pub am_anext: Cell<Option<UnaryFn>>,
}

macro_rules! none_cells {
    () => {
        [
            Cell::new(None), Cell::new(None), Cell::new(None), Cell::new(None), Cell::new(None),
            Cell::new(None), Cell::new(None), Cell::new(None), Cell::new(None), Cell::new(None),
            Cell::new(None), Cell::new(None), Cell::new(None),
        ]
    };
}

impl Slots {
    /// A slot table with nothing filled in but `dealloc`.
    pub const fn empty(dealloc: DeallocFn) -> Slots {
        Slots {
            dealloc: Cell::new(dealloc),
            traverse: Cell::new(None),
            clear: Cell::new(None),
            repr: Cell::new(None),
            str: Cell::new(None),
            hash: Cell::new(None),
            richcompare: Cell::new(None),
            getattro: Cell::new(None),
            setattro: Cell::new(None),
            call: Cell::new(None),
            iter: Cell::new(None),
            iternext: Cell::new(None),
            descr_get: Cell::new(None),
            descr_set: Cell::new(None),
            new: Cell::new(None),
            init: Cell::new(None),
            nb: none_cells!(),
            nb_inplace: none_cells!(),
            nb_negative: Cell::new(None),
            nb_positive: Cell::new(None),
            nb_invert: Cell::new(None),
            nb_absolute: Cell::new(None),
            nb_bool: Cell::new(None),
            nb_int: Cell::new(None),
            nb_float: Cell::new(None),
            nb_index: Cell::new(None),
            len: Cell::new(None),
            getitem: Cell::new(None),
            setitem: Cell::new(None),
            contains: Cell::new(None),
            buffer: Cell::new(None),
            am_await: Cell::new(None),
            am_aiter: Cell::new(None),
            am_anext: Cell::new(None),
        }
    }
}

/// The slots a static type declares (CPython's static `PyTypeObject` initializer, or the
/// `PyType_Slot` array of a `PyType_Spec`): plain values, written in the type's declaration
/// with `..SlotDefs::EMPTY` for the rest, e.g.
///
/// ```ignore
/// pub static X_TYPE: StaticType = StaticType::new("x", Some(&OBJECT_TYPE), 0, size, dealloc, METHODS, &[])
///     .with_slots(SlotDefs { repr: Some(x_repr), nb: nb_slots(&[(binop::ADD, x_add)]), ..SlotDefs::EMPTY });
/// ```
///
/// [`StaticType::with_slots`] copies them into the type's [`Slots`] at compile time, so
/// reading a slot is the same load for static and heap types; slots left empty are
/// inherited from the base at start-up (`static_init::inherit_slots`).
#[derive(Clone, Copy)]
pub struct SlotDefs {
    pub traverse: Option<TraverseFn>,
    pub clear: Option<ClearFn>,
    pub repr: Option<UnaryFn>,
    pub str: Option<UnaryFn>,
    pub hash: Option<HashFn>,
    pub richcompare: Option<RichCmpFn>,
    pub getattro: Option<GetattroFn>,
    pub setattro: Option<SetattroFn>,
    pub call: Option<CallFn>,
    pub iter: Option<UnaryFn>,
    pub iternext: Option<IterNextFn>,
    pub descr_get: Option<DescrGetFn>,
    pub descr_set: Option<DescrSetFn>,
    pub new: Option<NewFn>,
    pub init: Option<InitFn>,
    /// Binary operators indexed by `NB_*` (build with [`nb_slots`]).
    pub nb: [Option<BinaryFn>; NB_BINARY],
    /// In-place operators indexed by `NB_*` (build with [`nb_slots`]).
    pub nb_inplace: [Option<BinaryFn>; NB_BINARY],
    pub nb_negative: Option<UnaryFn>,
    pub nb_positive: Option<UnaryFn>,
    pub nb_invert: Option<UnaryFn>,
    pub nb_absolute: Option<UnaryFn>,
    pub nb_bool: Option<BoolFn>,
    pub nb_int: Option<UnaryFn>,
    pub nb_float: Option<UnaryFn>,
    pub nb_index: Option<UnaryFn>,
    pub len: Option<LenFn>,
    pub getitem: Option<BinaryFn>,
    pub setitem: Option<SetItemFn>,
    pub contains: Option<ContainsFn>,
    pub buffer: Option<&'static crate::protocols::buffer::BufferProcs>,
    /// The async slots (`tp_as_async`).
    pub am_await: Option<UnaryFn>,
    pub am_aiter: Option<UnaryFn>,
    pub am_anext: Option<UnaryFn>,
}

impl SlotDefs {
    /// No slot defined.
    pub const EMPTY: SlotDefs = SlotDefs {
        traverse: None,
        clear: None,
        repr: None,
        str: None,
        hash: None,
        richcompare: None,
        getattro: None,
        setattro: None,
        call: None,
        iter: None,
        iternext: None,
        descr_get: None,
        descr_set: None,
        new: None,
        init: None,
        nb: [None; NB_BINARY],
        nb_inplace: [None; NB_BINARY],
        nb_negative: None,
        nb_positive: None,
        nb_invert: None,
        nb_absolute: None,
        nb_bool: None,
        nb_int: None,
        nb_float: None,
        nb_index: None,
        len: None,
        getitem: None,
        setitem: None,
        contains: None,
        buffer: None,
        am_await: None,
        am_aiter: None,
        am_anext: None,
    };
}

/// A binary-operator slot array from `(BINARY_OP operator, function)` pairs
/// (`binop::ADD`, ...), for [`SlotDefs::nb`] and [`SlotDefs::nb_inplace`].
pub const fn nb_slots(entries: &[(u32, BinaryFn)]) -> [Option<BinaryFn>; NB_BINARY] {
    let mut table = [None; NB_BINARY];
    let mut i = 0;
    while i < entries.len() {
        table[entries[i].0 as usize] = Some(entries[i].1);
        i += 1;
    }
    table
}

impl Slots {
    /// The slot table of a static type: `dealloc` and the declared slots.
    pub const fn from_defs(dealloc: DeallocFn, d: SlotDefs) -> Slots {
        macro_rules! cells {
            ($a:expr) => {
                [
                    Cell::new($a[0]), Cell::new($a[1]), Cell::new($a[2]), Cell::new($a[3]), Cell::new($a[4]),
                    Cell::new($a[5]), Cell::new($a[6]), Cell::new($a[7]), Cell::new($a[8]), Cell::new($a[9]),
                    Cell::new($a[10]), Cell::new($a[11]), Cell::new($a[12]),
                ]
            };
        }
        Slots {
            dealloc: Cell::new(dealloc),
            traverse: Cell::new(d.traverse),
            clear: Cell::new(d.clear),
            repr: Cell::new(d.repr),
            str: Cell::new(d.str),
            hash: Cell::new(d.hash),
            richcompare: Cell::new(d.richcompare),
            getattro: Cell::new(d.getattro),
            setattro: Cell::new(d.setattro),
            call: Cell::new(d.call),
            iter: Cell::new(d.iter),
            iternext: Cell::new(d.iternext),
            descr_get: Cell::new(d.descr_get),
            descr_set: Cell::new(d.descr_set),
            new: Cell::new(d.new),
            init: Cell::new(d.init),
            nb: cells!(d.nb),
            nb_inplace: cells!(d.nb_inplace),
            nb_negative: Cell::new(d.nb_negative),
            nb_positive: Cell::new(d.nb_positive),
            nb_invert: Cell::new(d.nb_invert),
            nb_absolute: Cell::new(d.nb_absolute),
            nb_bool: Cell::new(d.nb_bool),
            nb_int: Cell::new(d.nb_int),
            nb_float: Cell::new(d.nb_float),
            nb_index: Cell::new(d.nb_index),
            len: Cell::new(d.len),
            getitem: Cell::new(d.getitem),
            setitem: Cell::new(d.setitem),
            contains: Cell::new(d.contains),
            buffer: Cell::new(d.buffer),
            am_await: Cell::new(d.am_await),
            am_aiter: Cell::new(d.am_aiter),
            am_anext: Cell::new(d.am_anext),
        }
    }
}

/// `tp_flags` bits.
pub mod flags {
    pub const HEAPTYPE: u64 = 1 << 9;
    pub const BASETYPE: u64 = 1 << 10;
    pub const HAVE_GC: u64 = 1 << 14;
    pub const IMMUTABLE: u64 = 1 << 8;
    /// Instances have a `__dict__` at `dictoffset`.
    pub const HAS_DICT: u64 = 1 << 4;
    /// Instances keep their attributes inline after the `__dict__` cell, keyed by the class's
    /// shared keys (`objects/inline_values.rs`).
    pub const INLINE_VALUES: u64 = 1 << 6;
    /// The type defines `__del__` (run by dealloc before freeing).
    pub const HAS_FINALIZER: u64 = 1 << 0;
    pub const LONG_SUBCLASS: u64 = 1 << 24;
    pub const LIST_SUBCLASS: u64 = 1 << 25;
    pub const TUPLE_SUBCLASS: u64 = 1 << 26;
    pub const BYTES_SUBCLASS: u64 = 1 << 27;
    pub const UNICODE_SUBCLASS: u64 = 1 << 28;
    pub const DICT_SUBCLASS: u64 = 1 << 29;
    pub const BASE_EXC_SUBCLASS: u64 = 1 << 30;
    pub const TYPE_SUBCLASS: u64 = 1 << 31;
    /// The flags a subclass inherits from its base.
    pub const INHERITED: u64 = LONG_SUBCLASS
        | LIST_SUBCLASS
        | TUPLE_SUBCLASS
        | BYTES_SUBCLASS
        | UNICODE_SUBCLASS
        | DICT_SUBCLASS
        | BASE_EXC_SUBCLASS
        | TYPE_SUBCLASS
        | HAVE_GC;
}

/// A method of a built-in type (`PyMethodDef`).
pub struct MethodDef {
    pub name: &'static str,
    pub func: NativeFn,
    pub kind: MethodKind,
    pub doc: &'static str,
}

#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum MethodKind {
    /// Called with `self` as `args[0]`.
    Instance,
    /// Called with the class as `args[0]`.
    Class,
    /// Called with the arguments only.
    Static,
}

/// A computed attribute of a built-in type (`PyGetSetDef`).
pub struct GetSetDef {
    pub name: &'static str,
    pub get: fn(&mut Vm, &Value) -> PyResult<Value>,
    pub set: Option<fn(&mut Vm, &Value, Option<&Value>) -> PyResult<()>>,
}

/// A type object (`PyTypeObject`). Its payload-free header makes it an object like any other.
#[repr(C)]
pub struct PyType {
    pub header: ObjHeader,
    pub name: UnsafeCell<Cow<'static, str>>,
    pub qualname: UnsafeCell<Cow<'static, str>>,
    pub flags: Cell<u64>,
    pub base: Cell<*const PyType>,
    /// Size of an instance (the solid base's payload plus dict and slot cells).
    pub basicsize: Cell<usize>,
    /// Byte offset of the instance `__dict__` cell, or 0.
    pub dictoffset: Cell<usize>,
    /// Byte offset of the first `__slots__` cell and their number.
    pub slotsoffset: Cell<usize>,
    pub nslots: Cell<usize>,
    /// Incremented whenever the type or a base changes (for caches).
    pub version_tag: Cell<u32>,
    pub slots: Slots,
    /// `__bases__` (a tuple), `__mro__` (a tuple), `__dict__` (a dict); `None` until set up.
    pub bases: UnsafeCell<Option<Value>>,
    pub mro: UnsafeCell<Option<Value>>,
    pub dict: UnsafeCell<Option<Value>>,
    /// Methods and getsets of a static type, installed into its dict at start-up.
    pub methods: &'static [MethodDef],
    pub getsets: &'static [GetSetDef],
    pub doc: Option<&'static str>,
    /// Attribute names shared by the instances of an `INLINE_VALUES` class.
    pub inline_keys: UnsafeCell<Vec<Value>>,
    /// The class's `__init__` (borrowed) as found while the version tag was the one beside
    /// it: CALL_ALLOC_AND_ENTER_INIT's lookup, made once per tag (CPython 3.13 keeps it in
    /// the heap type's specialisation cache too).
    pub init_cache: Cell<(u32, *const ObjHeader)>,
}

impl Value {
    /// The value as a type object, if it is one.
    #[inline(always)]
    pub fn as_type(&self) -> Option<&PyType> {
        let h = self.header()?;
        if h.ty().has_flag(flags::TYPE_SUBCLASS) {
            // SAFETY: instances of `type` and its subclasses are `PyType`s (header first).
            Some(unsafe { &*(self.as_ptr() as *const PyType) })
        } else {
            None
        }
    }

    /// The value as a type object, unchecked.
    ///
    /// # Safety
    /// The value must be a type object.
    #[inline(always)]
    pub unsafe fn as_type_unchecked(&self) -> &PyType {
        // SAFETY: the caller guarantees a type object, whose block starts with a `PyType`
        // (header first); `self` keeps it alive for the borrow.
        unsafe { &*(self.as_ptr() as *const PyType) }
    }
}

/// A `static` built-in type. Immortal and read-only after [`init_static_types`].
#[repr(transparent)]
pub struct StaticType(pub PyType);

// SAFETY: static types are immortal (their counts are never written) and mutated only once,
// under `std::sync::Once`, before any interpreter can see them.
unsafe impl Sync for StaticType {}

impl std::ops::Deref for StaticType {
    type Target = PyType;
    fn deref(&self) -> &PyType {
        &self.0
    }
}

/// Declaration of static types: `StaticType::new(...)` with the type's layout, methods and
/// getsets, then `.with_slots(SlotDefs { .. })` and `.with_doc(..)`; the whole type is one
/// `static` item, complete at compile time.
impl StaticType {
    pub const fn new(
        name: &'static str,
        base: Option<&'static StaticType>,
        flags: u64,
        basicsize: usize,
        dealloc: DeallocFn,
        methods: &'static [MethodDef],
        getsets: &'static [GetSetDef],
    ) -> StaticType {
        StaticType(PyType {
            header: ObjHeader {
                refcnt: Cell::new(crate::object::IMMORTAL_REFCNT),
                ob_type: Cell::new(&TYPE_TYPE.0),
            },
            name: UnsafeCell::new(Cow::Borrowed(name)),
            qualname: UnsafeCell::new(Cow::Borrowed(after_last_dot(name))),
            flags: Cell::new(flags),
            base: Cell::new(match base {
                Some(b) => &b.0,
                None => std::ptr::null(),
            }),
            basicsize: Cell::new(basicsize),
            dictoffset: Cell::new(0),
            slotsoffset: Cell::new(0),
            nslots: Cell::new(0),
            version_tag: Cell::new(1),
            slots: Slots::empty(dealloc),
            bases: UnsafeCell::new(None),
            mro: UnsafeCell::new(None),
            dict: UnsafeCell::new(None),
            methods,
            getsets,
            doc: None,
            inline_keys: UnsafeCell::new(Vec::new()),
            init_cache: Cell::new((0, std::ptr::null())),
        })
    }

    /// The type with the slots `defs` (its `dealloc` kept).
    pub const fn with_slots(self, defs: SlotDefs) -> StaticType {
        let mut t = self;
        let dealloc = t.0.slots.dealloc.into_inner();
        t.0.slots = Slots::from_defs(dealloc, defs);
        t
    }

    /// The type whose instances have a `__dict__` cell at byte offset `offset` (`tp_dictoffset`).
    pub const fn with_dictoffset(self, offset: usize) -> StaticType {
        let mut t = self;
        t.0.dictoffset = Cell::new(offset);
        t
    }

    /// The type with the docstring `doc` (`__doc__`).
    pub const fn with_doc(self, doc: &'static str) -> StaticType {
        let mut t = self;
        t.0.doc = Some(doc);
        t
    }
}

/// A static type's `__name__` and `__qualname__`: its name after the module prefix, which
/// types of native modules carry as CPython's `tp_name` does (`"_io.TextIOWrapper"`).
const fn after_last_dot(name: &'static str) -> &'static str {
    let bytes = name.as_bytes();
    let mut i = bytes.len();
    while i > 0 {
        if bytes[i - 1] == b'.' {
            let (_, tail) = bytes.split_at(i);
            // SAFETY: split just after an ASCII '.', so the tail is valid UTF-8.
            return unsafe { std::str::from_utf8_unchecked(tail) };
        }
        i -= 1;
    }
    name
}

/// `type`.
pub static TYPE_TYPE: StaticType = StaticType::new(
    "type",
    Some(&crate::objects::object::OBJECT_TYPE),
    flags::BASETYPE | flags::TYPE_SUBCLASS | flags::HAVE_GC,
    std::mem::size_of::<PyType>(),
    dealloc_heap_type,
    crate::typeobj::methods::TYPE_METHODS,
    crate::typeobj::methods::TYPE_GETSETS,
)
.with_slots(crate::typeobj::methods::TYPE_SLOTS);

#[inline(always)]
pub fn type_type() -> &'static PyType {
    &TYPE_TYPE.0
}

impl PyType {
    #[inline(always)]
    pub fn name(&self) -> &str {
        // SAFETY: the name is only replaced through `set_name`, never while borrowed.
        unsafe { &*self.name.get() }
    }

    pub fn qualname(&self) -> &str {
        // SAFETY: as for `name`.
        unsafe { &*self.qualname.get() }
    }

    pub fn set_name(&self, name: String) {
        // SAFETY: no outstanding borrows of the name across calls.
        unsafe { *self.name.get() = Cow::Owned(name) }
    }

    pub fn set_qualname(&self, name: String) {
        // SAFETY: as for `set_name`.
        unsafe { *self.qualname.get() = Cow::Owned(name) }
    }

    #[inline(always)]
    pub fn has_flag(&self, f: u64) -> bool {
        self.flags.get() & f != 0
    }

    #[inline(always)]
    pub fn has_gc(&self) -> bool {
        self.has_flag(flags::HAVE_GC)
    }

    #[inline(always)]
    pub fn is_heap_type(&self) -> bool {
        self.has_flag(flags::HEAPTYPE)
    }

    pub fn base(&self) -> Option<&PyType> {
        let b = self.base.get();
        // SAFETY: a type keeps its base alive through `__bases__`.
        if b.is_null() { None } else { Some(unsafe { &*b }) }
    }

    /// The `__mro__` tuple's items.
    #[inline]
    pub fn mro_slice(&self) -> &[Value] {
        // SAFETY: the mro tuple is replaced only by `set_mro`, not while borrowed; it is an
        // exact tuple.
        match unsafe { &*self.mro.get() } {
            // SAFETY: an MRO is always an exact tuple.
            Some(t) => unsafe { t.payload_unchecked::<crate::objects::tuple::TupleData>() }.items(),
            None => &[],
        }
    }

    pub fn bases_value(&self) -> Option<Value> {
        // SAFETY: read of an owned field.
        unsafe { (*self.bases.get()).clone() }
    }

    pub fn dict_value(&self) -> Option<Value> {
        // SAFETY: read of an owned field.
        unsafe { (*self.dict.get()).clone() }
    }

    /// Borrow the type's `__dict__`.
    pub fn dict_ref(&self) -> Option<&Value> {
        // SAFETY: the dict is set once at creation and never replaced.
        unsafe { (*self.dict.get()).as_ref() }
    }

    /// Is `self` `other` or a subclass of it (by the MRO)?
    #[inline]
    pub fn is_subtype(&self, other: &PyType) -> bool {
        if std::ptr::eq(self, other) {
            return true;
        }
        let mro = self.mro_slice();
        if mro.is_empty() {
            // During start-up, before MROs exist: walk the base chain.
            let mut t = self.base();
            while let Some(b) = t {
                if std::ptr::eq(b, other) {
                    return true;
                }
                t = b.base();
            }
            return false;
        }
        mro.iter().any(|t| std::ptr::eq(t.as_ptr(), &other.header))
    }

    /// Find `name` (a str) along the MRO, without descriptors (`_PyType_Lookup`), through
    /// the method cache (interned names only, as CPython's: their identity stands for their
    /// text).
    #[inline]
    pub fn lookup(&self, name: &Value) -> Option<Value> {
        let interned = name.downcast_exact::<crate::objects::str::StrData>().map(|d| d.interned.get()).unwrap_or(false);
        if !interned {
            return self.lookup_uncached(name);
        }
        let ty = self as *const PyType as usize;
        let tag = self.version_tag.get();
        if tag == 0 {
            return self.lookup_uncached(name);
        }
        let name_addr = name.bits();
        let i = method_cache::slot(ty, tag, name_addr);
        let e = method_cache::read(i);
        if e.ty == ty && e.tag == tag && e.name == name_addr {
            // SAFETY: the tag is unchanged, so the dict along the MRO still holds the value.
            return if e.value.is_null() { None } else { Some(unsafe { Value::from_header_borrowed(e.value) }) };
        }
        let found = self.lookup_uncached(name);
        let value = found.as_ref().map(|v| v.as_ptr()).unwrap_or(std::ptr::null());
        method_cache::write(i, method_cache::Entry { ty, tag, name: name_addr, value });
        found
    }

    /// The MRO walk behind [`PyType::lookup`].
    fn lookup_uncached(&self, name: &Value) -> Option<Value> {
        let mro = self.mro_slice();
        if mro.is_empty() {
            return self.dict_ref().and_then(|d| crate::objects::dict::get_str_key(d, name));
        }
        for t in mro {
            // SAFETY: every element of an MRO is a type.
            let ty = unsafe { t.as_type_unchecked() };
            if let Some(d) = ty.dict_ref() {
                if let Some(v) = crate::objects::dict::get_str_key(d, name) {
                    return Some(v);
                }
            }
        }
        None
    }

    /// `lookup` by a Rust string.
    pub fn lookup_str(&self, vm: &mut Vm, name: &'static str) -> Option<Value> {
        let key = vm.intern_static(name);
        self.lookup(&key)
    }

    /// Increment the count held by an instance on its (heap) type.
    #[inline(always)]
    pub(crate) fn incref_as_type(&self) {
        let rc = self.header.refcnt.get();
        if rc >= 0 {
            self.header.refcnt.set(rc + 1);
        }
    }

    /// Release the count an instance held on its type.
    ///
    /// # Safety
    /// `ty` must be a live type on which the caller owns one reference.
    pub(crate) unsafe fn decref_as_type(ty: *const PyType) {
        // SAFETY: `ty` is a live type (non-null, header first) and the caller hands over the
        // reference it owns, which the dropped `Value` releases.
        drop(unsafe { Value::from_header(std::ptr::NonNull::new_unchecked(ty as *mut ObjHeader)) });
    }

    /// Run `__del__` for an instance of a heap type whose count just reached zero. Returns
    /// true if the finalizer resurrected the object.
    ///
    /// # Safety
    /// `obj` must be the object whose count just reached zero.
    pub(crate) unsafe fn finalize_on_dealloc(&self, obj: std::ptr::NonNull<ObjHeader>) -> bool {
        if !self.has_flag(flags::HAS_FINALIZER) {
            return false;
        }
        // SAFETY: the caller's contract: `obj` is the object whose count just reached zero.
        unsafe { crate::gc::run_finalizer_on_dealloc(obj) }
    }

    /// `self.__init__` along the MRO, from [`PyType::init_cache`] when it holds the current
    /// tag's answer.
    #[inline]
    pub fn lookup_init(&self, init_name: &Value) -> Option<Value> {
        let (tag, init) = self.init_cache.get();
        let current = self.version_tag.get();
        if tag == current && current != 0 && !init.is_null() {
            // SAFETY: the tag is unchanged, so a dict along the MRO still holds `init`.
            return Some(unsafe { Value::from_header_borrowed(init) });
        }
        let found = self.lookup(init_name)?;
        // Static types are shared by interpreters and never written after start-up.
        if current != 0 && self.is_heap_type() {
            self.init_cache.set((current, found.as_ptr()));
        }
        Some(found)
    }

    /// The value of this type as an owned `Value`.
    pub fn to_value(&self) -> Value {
        // SAFETY: `self` is a live type object.
        unsafe { Value::from_header_borrowed(&self.header) }
    }

    /// The solid base whose payload instances carry (the nearest base with its own layout).
    pub fn solid_base(&self) -> &PyType {
        let mut t = self;
        while t.is_heap_type() {
            match t.base() {
                Some(b) => t = b,
                None => break,
            }
        }
        t
    }

    /// Give this type a fresh, never-used version tag: every cache keyed on the old tag
    /// (the method cache, later the inline caches) becomes invalid.
    pub fn modified(&self) {
        self.version_tag.set(next_version_tag());
    }
}

/// Heap types get version tags from this number up; static types have theirs below it,
/// given once per process.
pub const FIRST_HEAP_TAG: u32 = 1 << 20;

/// The type system's part of an interpreter's state.
pub(crate) struct TypeState {
    /// The next version tag; 0 once they are used up (then types get tag 0, which no cache
    /// accepts: CPython stops caching the same way, tags are never reused).
    next_tag: Cell<u32>,
    /// The last tag to hand out (`u32::MAX`, or less with the test knob).
    last_tag: Cell<u32>,
    /// Weak subclass lists (`__subclasses__`, slot and cache invalidation): base address ->
    /// addresses of live heap subclasses. A heap type removes itself when it is freed.
    subclasses: std::cell::RefCell<rustc_hash::FxHashMap<usize, Vec<usize>>>,
    method_cache: method_cache::Table,
}

impl TypeState {
    pub(crate) fn new() -> TypeState {
        TypeState {
            next_tag: Cell::new(FIRST_HEAP_TAG),
            last_tag: Cell::new(u32::MAX),
            subclasses: std::cell::RefCell::new(rustc_hash::FxHashMap::with_hasher(rustc_hash::FxBuildHasher)),
            method_cache: method_cache::Table::new(method_cache::EMPTY),
        }
    }

    /// Debug knob for tests of tag exhaustion: the counter ends after `n` more tags, as it
    /// does after 2^32 - 2^20 of them.
    pub(crate) fn set_remaining_tags(&self, n: u32) {
        self.last_tag.set(self.next_tag.get().saturating_add(n.max(1) - 1));
    }
}

#[inline(always)]
fn type_state() -> &'static TypeState {
    &crate::pystate::interp().types
}

/// Record `sub` as a direct subclass of `base` (weakly).
pub fn register_subclass(base: &Value, sub: &Value) {
    type_state().subclasses.borrow_mut().entry(base.bits()).or_default().push(sub.bits());
}

/// The live direct heap subclasses of `ty`.
pub fn subclasses(ty: &Value) -> Vec<Value> {
    let ptrs: Vec<usize> = type_state().subclasses.borrow().get(&ty.bits()).cloned().unwrap_or_default();
    // SAFETY: entries are removed when a subclass is freed, so every address is a live type.
    ptrs.into_iter().map(|p| unsafe { Value::from_header_borrowed(p as *const ObjHeader) }).collect()
}

/// Forget a heap type that is being freed.
fn unregister_subclass(ty: *const ObjHeader, bases: Option<&Value>) {
    let mut m = type_state().subclasses.borrow_mut();
    m.remove(&(ty as usize));
    if let Some(b) = bases {
        for base in crate::objects::tuple::items(b) {
            if let Some(list) = m.get_mut(&base.bits()) {
                list.retain(|p| *p != ty as usize);
            }
        }
    }
}

/// A version tag never handed out before in this interpreter, or 0 once they are used up
/// (static types get theirs, below [`FIRST_HEAP_TAG`], once per process). Every cache keyed
/// or guarded by a tag refuses tag 0, so a type that gets it is simply never cached: a tag
/// is never reused, so a cache can never mistake a changed type for the one it saw.
pub fn next_version_tag() -> u32 {
    let state = type_state();
    let v = state.next_tag.get();
    if v != 0 {
        state.next_tag.set(if v >= state.last_tag.get() { 0 } else { v + 1 });
    }
    v
}

/// CPython's type method cache: `(type, version tag, name) -> attribute`, so that repeated
/// lookups along the MRO cost one probe. Entries hold a reference to the name (so its address
/// cannot be reused while cached) and a borrowed pointer to the value, which stays valid
/// because any change to a dict along the MRO gives the type a new tag.
mod method_cache {
    use super::*;
    use crate::object::lazy_table::{type_name_slot, LazyTable};

    /// Entries (a power of two): 32 KiB per interpreter that looks types up.
    pub const SIZE: usize = 1024;

    pub type Table = LazyTable<Entry, SIZE>;

    /// A cached `_PyType_Lookup`: `value` (borrowed from a dict along the MRO, null for "not
    /// found") is valid while `ty` still has version `tag`. `name` is the address of an
    /// interned str, which the interpreter's intern table keeps alive (the cache is emptied
    /// when an interpreter goes away, see [`clear`]).
    #[derive(Clone, Copy)]
    pub struct Entry {
        pub ty: usize,
        pub name: usize,
        pub value: *const ObjHeader,
        pub tag: u32,
    }

    pub const EMPTY: Entry = Entry { ty: 0, name: 0, value: std::ptr::null(), tag: 0 };

    #[inline(always)]
    fn table() -> *mut [Entry; SIZE] {
        super::type_state().method_cache.entries()
    }

    #[inline(always)]
    pub fn read(i: usize) -> Entry {
        // SAFETY: `i < SIZE`; the table belongs to the attached interpreter and no reference
        // into it is held.
        unsafe { *(*table()).get_unchecked(i) }
    }

    #[inline(always)]
    pub fn write(i: usize, e: Entry) {
        // SAFETY: as in `read`.
        unsafe { *(*table()).get_unchecked_mut(i) = e };
    }

    #[inline(always)]
    pub fn slot(ty: usize, tag: u32, name: usize) -> usize {
        type_name_slot(ty, tag, name, SIZE)
    }

}

/// Drop a heap type's owned fields and free it.
///
/// # Safety
/// Called by dealloc for objects of `type` (and metaclasses) only.
unsafe fn dealloc_heap_type(obj: *mut ObjHeader) {
    // SAFETY: `obj` is a dead (count zero, untracked here) heap type object: a `PyType`
    // block whose metaclass `ty_ptr` it holds a reference on. Its owned fields are each
    // dropped once, the block is freed with the size it was allocated with, and the
    // reference on the metaclass is released last, after the last use of `meta`.
    unsafe {
        let ty_ptr = (*obj).ob_type.get();
        let meta = &*ty_ptr;
        crate::gc::untrack(obj);
        if meta.is_heap_type() {
            clear_instance_extras(obj, meta);
        }
        let t = obj as *mut PyType;
        unregister_subclass(obj, (*(*t).bases.get()).as_ref());
        std::ptr::drop_in_place(&mut (*t).name);
        std::ptr::drop_in_place(&mut (*t).qualname);
        std::ptr::drop_in_place(&mut (*t).bases);
        std::ptr::drop_in_place(&mut (*t).mro);
        std::ptr::drop_in_place(&mut (*t).dict);
        std::ptr::drop_in_place(&mut (*t).inline_keys);
        crate::object::raw_free(obj, meta, std::mem::size_of::<PyType>());
        PyType::decref_as_type(ty_ptr);
    }
}

/// Heap-type instances: drop the `__dict__` and `__slots__` cells that follow the payload.
///
/// # Safety
/// `obj` is an instance of the heap type `ty` being deallocated.
pub(crate) unsafe fn clear_instance_extras(obj: *mut ObjHeader, ty: &PyType) {
    let base = obj as *mut u8;
    let off = ty.dictoffset.get();
    if off != 0 {
        // SAFETY: `obj` is an instance of `ty` (the caller's contract), so `dictoffset` is
        // within its block and holds the `__dict__` cell.
        let cell = unsafe { base.add(off) } as *mut Option<Value>;
        // SAFETY: as above; the instance is being torn down, nothing else borrows the cell.
        drop(unsafe { (*cell).take() });
        // SAFETY: `base` starts an instance of `ty` (the caller's contract).
        unsafe { crate::objects::inline_values::clear(base, ty) };
    }
    let soff = ty.slotsoffset.get();
    for i in 0..ty.nslots.get() {
        // SAFETY: `ty`'s layout puts `nslots` value cells at `slotsoffset`.
        let cell = unsafe { base.add(soff + i * 8) } as *mut Option<Value>;
        // SAFETY: as for the dict cell.
        drop(unsafe { (*cell).take() });
    }
}

/// The instance `__dict__` cell of `obj`, if its type has one.
#[inline]
pub fn instance_dict_cell(obj: &Value) -> Option<&UnsafeCell<Option<Value>>> {
    let h = obj.header()?;
    let off = h.ty().dictoffset.get();
    if off == 0 {
        return None;
    }
    // SAFETY: `dictoffset` is within the instance layout and holds an `Option<Value>`.
    Some(unsafe { &*((obj.as_ptr() as *const u8).add(off) as *const UnsafeCell<Option<Value>>) })
}

/// The `i`-th `__slots__` cell of `obj`.
///
/// # Safety
/// `i < obj.ty().nslots` along the slot's defining class.
pub unsafe fn instance_slot_cell(obj: &Value, offset: usize) -> &UnsafeCell<Option<Value>> {
    // SAFETY: the caller guarantees `offset` names a slot cell of `obj`'s layout, which holds
    // an `Option<Value>`; `obj` keeps the block alive for the borrow.
    unsafe { &*((obj.as_ptr() as *const u8).add(offset) as *const UnsafeCell<Option<Value>>) }
}

/// Traverse a heap-type instance's dict and slots.
pub fn traverse_instance_extras(h: &ObjHeader, visit: &mut dyn FnMut(&Value)) {
    let ty = h.ty();
    if ty.is_heap_type() {
        // The instance's reference to its class (CPython's subtype_traverse visits
        // Py_TYPE): a class that refers to one of its instances (`cls._inst = cls()`) is a
        // cycle the collector must see.
        // SAFETY: the type is alive (the instance holds a reference to it); the value is
        // only lent to `visit` and never dropped, so the count is untouched.
        let t = std::mem::ManuallyDrop::new(unsafe { Value::from_header(std::ptr::NonNull::from(&ty.header)) });
        visit(&t);
    }
    let base = h as *const ObjHeader as *const u8;
    let off = ty.dictoffset.get();
    // SAFETY: offsets come from the instance's own type.
    unsafe {
        if off != 0 {
            if let Some(d) = &*(base.add(off) as *const Option<Value>) {
                visit(d);
            }
            crate::objects::inline_values::traverse(base, ty, visit);
        }
        let soff = ty.slotsoffset.get();
        for i in 0..ty.nslots.get() {
            if let Some(v) = &*(base.add(soff + i * 8) as *const Option<Value>) {
                visit(v);
            }
        }
    }
}

/// Clear a heap-type instance's dict and slots (cycle breaking).
pub fn clear_instance_extras_gc(h: &ObjHeader) {
    // SAFETY: the object is alive; only its owned cells are cleared.
    unsafe { clear_instance_extras(h as *const ObjHeader as *mut ObjHeader, h.ty()) }
}

/// Every type that can be the payload of a `PyObj` at a given pointer for traversal needs a
/// uniform way to reach it; this is the helper for `PyObj<T>` payloads.
///
/// # Safety
/// `h` must be the header of a `PyObj<T>`.
#[inline(always)]
pub unsafe fn payload_of<T>(h: &ObjHeader) -> &T {
    // SAFETY: the caller guarantees `h` heads a `PyObj<T>` (`repr(C)`, header first), which
    // lives at least as long as the borrow of `h`.
    unsafe { &(*(h as *const ObjHeader as *const PyObj<T>)).data }
}
