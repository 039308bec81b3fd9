//! Python functions, bound methods, code objects and cells (CPython: `Objects/funcobject.c`,
//! `Objects/classobject.c`, `Objects/codeobject.c`, `Objects/cellobject.c`).

use std::cell::{Cell, UnsafeCell};
use std::rc::Rc;

use pyrite_bytecode::{CodeObject, Constant};

use crate::object::{alloc_object, dealloc_payload, ObjHeader, Payload, PyObj, Value};
use crate::objects::{complex, dict, float, int, none, str as pystr, tuple};
use crate::typeobj::{flags, payload_of, GetSetDef, PyType, StaticType, SlotDefs};
use crate::vm::{PyResult, Vm};

// ---------------------------------------------------------------------------------------
// code

pub struct CodeData {
    pub code: Rc<CodeObject>,
    /// `co_consts` as values.
    pub consts: Box<[Value]>,
    /// `co_names` as interned strs.
    pub names: Box<[Value]>,
    /// `co_localsplusnames` as interned strs.
    pub localsplusnames: Box<[Value]>,
    pub name: Value,
    pub qualname: Value,
    pub filename: Value,
    /// Mutable copy of the bytecode for in-place specialisation.
    pub instructions: UnsafeCell<Box<[u16]>>,
    /// Number of cell and free variables (slots after the plain locals).
    pub ncells: usize,
    pub nfree: usize,
    /// Number of plain local slots (`co_nlocals`).
    pub nlocals: usize,
    /// Indices (in localsplus) of arguments that are also cells.
    pub cell_args: Box<[(usize, usize)]>,
    /// Unique among code objects (0 once the counter is used up): what the CALL forms for
    /// Python functions guard on, so that one call site serves every closure of the same code.
    pub version: u32,
}

impl Payload for CodeData {
    fn class() -> &'static PyType {
        &CODE_TYPE
    }
}

pub static CODE_TYPE: StaticType = StaticType::new(
    "code",
    Some(&crate::objects::object::OBJECT_TYPE),
    0,
    std::mem::size_of::<PyObj<CodeData>>(),
    dealloc_payload::<CodeData>,
    &[],
    CODE_GETSETS,
)
.with_slots(SlotDefs {
    repr: Some(code_repr),
    ..SlotDefs::EMPTY
});

/// Convert a compile-time constant into a value.
pub fn constant_to_value(vm: &mut Vm, c: &Constant) -> Value {
    match c {
        Constant::None => none::none(),
        Constant::Ellipsis => none::ellipsis(),
        Constant::Bool(b) => none::bool_value(*b),
        Constant::Int(i) => int::from_bigint(i.clone()),
        Constant::Float(f) => float::new_float(*f),
        Constant::Complex { real, imag } => complex::new_complex(*real, *imag),
        Constant::Str(s) => {
            // Identifier-like constants are interned, as CPython does.
            if s.len() <= 40 && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
                vm.intern(s)
            } else {
                pystr::new_str(s)
            }
        }
        Constant::SurrogateStr(b) => pystr::new_str_wtf8(b),
        Constant::Bytes(b) => crate::objects::bytes::new_bytes(b.clone()),
        Constant::Tuple(items) => {
            // Constant tuples hold constants only: untracked from the start, as CPython's are.
            let t = tuple::new_tuple(items.iter().map(|c| constant_to_value(vm, c)).collect());
            crate::gc::untrack_if_atomic_tuple(&t);
            t
        }
        Constant::FrozenSet(items) => {
            let vals: Vec<Value> = items.iter().map(|c| constant_to_value(vm, c)).collect();
            crate::objects::set::new_frozenset(vm, vals).unwrap_or_else(|_| none::none())
        }
        Constant::Code(code) => new_code(vm, code.clone()),
    }
}

pub fn new_code(vm: &mut Vm, code: Rc<CodeObject>) -> Value {
    use pyrite_bytecode::code::local_kind;
    let consts = code.consts.iter().map(|c| constant_to_value(vm, c)).collect();
    let names = code.names.iter().map(|n| vm.intern(n)).collect();
    let localsplusnames = code.localsplusnames.iter().map(|n| vm.intern(n)).collect();
    let ncells = code.localspluskinds.iter().filter(|k| **k & local_kind::CELL != 0 && **k & local_kind::LOCAL == 0).count();
    let nfree = code.localspluskinds.iter().filter(|k| **k & local_kind::FREE != 0).count();
    let nlocals = code.localspluskinds.iter().filter(|k| **k & local_kind::LOCAL != 0).count();
    let name = vm.intern(&code.name);
    let qualname = pystr::new_str(&code.qualname);
    let filename = pystr::new_str(&code.filename);
    let mut units = code.code.clone().into_boxed_slice();
    pyrite_bytecode::adaptive::quicken(&mut units, vm.config.specialize);
    let instructions = UnsafeCell::new(units);
    alloc_object(&CODE_TYPE, CodeData {
        version: next_function_version(),
        consts,
        names,
        localsplusnames,
        name,
        qualname,
        filename,
        instructions,
        ncells,
        nfree,
        nlocals,
        cell_args: Box::new([]),
        code,
    })
}

pub fn code_data(v: &Value) -> &CodeData {
    v.downcast::<CodeData>().expect("code")
}

fn code_repr(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let c = code_data(v);
    Ok(pystr::from_string(format!(
        "<code object {} at {:#x}, file \"{}\", line {}>",
        c.code.name,
        v.bits(),
        c.code.filename,
        c.code.firstlineno
    )))
}

fn strs(items: impl Iterator<Item = String>) -> Value {
    tuple::new_tuple(items.map(|s| pystr::new_str(&s)).collect())
}

fn code_get(vm: &mut Vm, v: &Value, what: &str) -> PyResult<Value> {
    let c = code_data(v);
    let code = &c.code;
    Ok(match what {
        "co_name" => c.name.clone(),
        "co_qualname" => c.qualname.clone(),
        "co_filename" => c.filename.clone(),
        "co_firstlineno" => Value::int(code.firstlineno as i64),
        "co_argcount" => Value::int(code.argcount as i64),
        "co_posonlyargcount" => Value::int(code.posonlyargcount as i64),
        "co_kwonlyargcount" => Value::int(code.kwonlyargcount as i64),
        "co_flags" => Value::int(code.flags as i64),
        "co_stacksize" => Value::int(code.stacksize as i64),
        "co_nlocals" => Value::int(c.nlocals as i64),
        "co_consts" => tuple::new_tuple(c.consts.to_vec()),
        "co_names" => tuple::new_tuple(c.names.to_vec()),
        "co_varnames" => strs(code.varnames().map(str::to_owned)),
        "co_cellvars" => strs(code.cellvars().map(str::to_owned)),
        "co_freevars" => strs(code.freevars().map(str::to_owned)),
        "co_code" => {
            let bytes: Vec<u8> = code.code.iter().flat_map(|u| u.to_le_bytes()).collect();
            crate::objects::bytes::new_bytes(bytes)
        }
        _ => return Err(vm.attribute_error(what.to_owned())),
    })
}

macro_rules! code_getters {
    ($($f:ident => $name:literal),* $(,)?) => {
        $( fn $f(vm: &mut Vm, v: &Value) -> PyResult<Value> { code_get(vm, v, $name) } )*
        static CODE_GETSETS: &[GetSetDef] = &[ $( GetSetDef { name: $name, get: $f, set: None }, )* ];
    };
}
code_getters!(
    co_name => "co_name", co_qualname => "co_qualname", co_filename => "co_filename",
    co_firstlineno => "co_firstlineno", co_argcount => "co_argcount",
    co_posonlyargcount => "co_posonlyargcount", co_kwonlyargcount => "co_kwonlyargcount",
    co_flags => "co_flags", co_stacksize => "co_stacksize", co_nlocals => "co_nlocals",
    co_consts => "co_consts", co_names => "co_names", co_varnames => "co_varnames",
    co_cellvars => "co_cellvars", co_freevars => "co_freevars", co_code => "co_code",
);

// ---------------------------------------------------------------------------------------
// function

pub struct FunctionData {
    pub code: Value,
    pub globals: Value,
    pub builtins: Value,
    pub name: UnsafeCell<Value>,
    pub qualname: UnsafeCell<Value>,
    pub defaults: UnsafeCell<Option<Value>>,
    pub kwdefaults: UnsafeCell<Option<Value>>,
    pub closure: Option<Value>,
    pub annotations: UnsafeCell<Option<Value>>,
    pub doc: UnsafeCell<Value>,
    pub module: UnsafeCell<Value>,
    pub dict: UnsafeCell<Option<Value>>,
    /// Identifies the function's code and defaults for call specialisation: unique among all
    /// functions of the thread, renewed when `__code__`/`__defaults__`/... change; 0 once the
    /// versions have run out (such functions are never specialised).
    pub version: Cell<u32>,
}

impl Payload for FunctionData {
    fn class() -> &'static PyType {
        &FUNCTION_TYPE
    }
}

pub static FUNCTION_TYPE: StaticType = StaticType::new(
    "function",
    Some(&crate::objects::object::OBJECT_TYPE),
    flags::HAVE_GC,
    std::mem::size_of::<PyObj<FunctionData>>(),
    dealloc_payload::<FunctionData>,
    &[],
    FUNCTION_GETSETS,
)
.with_slots(SlotDefs {
    traverse: Some(function_traverse),
    clear: Some(function_clear),
    repr: Some(function_repr),
    getattro: Some(function_getattro),
    setattro: Some(function_setattro),
    call: Some(function_call),
    descr_get: Some(function_get),
    ..SlotDefs::EMPTY
});

impl FunctionData {
    #[inline(always)]
    pub fn code_data(&self) -> &CodeData {
        // SAFETY: `code` is always a code object.
        unsafe { self.code.payload_unchecked::<CodeData>() }
    }
    pub fn defaults(&self) -> Option<&Value> {
        // SAFETY: read of an owned cell; not replaced while borrowed by callers.
        unsafe { (*self.defaults.get()).as_ref() }
    }
    pub fn kwdefaults(&self) -> Option<&Value> {
        // SAFETY: as for `defaults`.
        unsafe { (*self.kwdefaults.get()).as_ref() }
    }
    pub fn qualname(&self) -> Value {
        // SAFETY: read.
        unsafe { (*self.qualname.get()).clone() }
    }
    pub fn name(&self) -> Value {
        // SAFETY: read.
        unsafe { (*self.name.get()).clone() }
    }
}

pub fn new_function(vm: &mut Vm, code: Value, globals: Value) -> Value {
    new_function_with_closure(vm, code, globals, None)
}

pub fn new_function_with_closure(vm: &mut Vm, code: Value, globals: Value, closure: Option<Value>) -> Value {
    let cd = code_data(&code);
    let name = cd.name.clone();
    let qualname = cd.qualname.clone();
    let doc = match cd.consts.first() {
        Some(c) if pystr::is_str(c) && cd.code.flags & 0x0400_0000 == 0 && first_const_is_doc(cd) => c.clone(),
        _ => none::none(),
    };
    let module = dict::dict_data(&globals).and_then(|d| d.get_str(&vm.dunder_name())).unwrap_or_else(none::none);
    let builtins = vm.builtins().clone();
    alloc_object(&FUNCTION_TYPE, FunctionData {
        code,
        globals,
        builtins,
        name: UnsafeCell::new(name),
        qualname: UnsafeCell::new(qualname),
        defaults: UnsafeCell::new(None),
        kwdefaults: UnsafeCell::new(None),
        closure,
        annotations: UnsafeCell::new(None),
        doc: UnsafeCell::new(doc),
        module: UnsafeCell::new(module),
        dict: UnsafeCell::new(None),
        version: Cell::new(next_function_version()),
    })
}

/// A function version never handed out before in this interpreter (0 when all 2^32 - 1 are
/// used up).
pub fn next_function_version() -> u32 {
    let n = &crate::pystate::interp().next_function_version;
    let v = n.get();
    if v != 0 {
        n.set(v.wrapping_add(1));
    }
    v
}

/// CPython 3.12 stores a docstring as the first constant of functions that have one; the
/// compiler marks such code objects by putting the docstring first and the VM recognises it
/// by the first statement of the body being a string expression. We approximate with: the
/// first constant is a str and the code is not a lambda/comprehension.
fn first_const_is_doc(cd: &CodeData) -> bool {
    !cd.code.name.starts_with('<')
}

pub fn function_data(v: &Value) -> &FunctionData {
    v.downcast::<FunctionData>().expect("function")
}

fn function_get(_vm: &mut Vm, descr: &Value, obj: Option<&Value>, _ty: &Value) -> PyResult<Value> {
    match obj {
        None => Ok(descr.clone()),
        Some(o) => Ok(new_bound_method(descr.clone(), o.clone())),
    }
}

fn function_repr(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let f = function_data(v);
    let q = f.qualname();
    Ok(pystr::from_string(format!("<function {} at {:#x}>", pystr::as_str(&q), v.bits())))
}

fn function_call(vm: &mut Vm, callable: &Value, args: &[Value], kwnames: Option<&Value>) -> PyResult<Value> {
    crate::eval::call_function(vm, callable, args, kwnames)
}

fn function_traverse(h: &ObjHeader, visit: &mut dyn FnMut(&Value)) {
    // SAFETY: called for functions only.
    let f = unsafe { payload_of::<FunctionData>(h) };
    visit(&f.code);
    visit(&f.globals);
    visit(&f.builtins);
    // SAFETY: the collector's visit runs no Python code, so none of these cells is replaced while
    // borrowed.
    unsafe {
        visit(&*f.name.get());
        visit(&*f.qualname.get());
        visit(&*f.doc.get());
        visit(&*f.module.get());
        for c in [&f.defaults, &f.kwdefaults, &f.annotations, &f.dict] {
            if let Some(v) = &*c.get() {
                visit(v);
            }
        }
    }
    if let Some(c) = &f.closure {
        visit(c);
    }
}

fn function_clear(h: &ObjHeader) {
    // SAFETY: called for functions only, by the collector.
    let f = unsafe { payload_of::<FunctionData>(h) };
    // SAFETY: no other borrow of these cells is alive; each old value is dropped after its
    // replacement.
    unsafe {
        for c in [&f.defaults, &f.kwdefaults, &f.annotations, &f.dict] {
            let old = (*c.get()).take();
            drop(old);
        }
        let old = std::mem::replace(&mut *f.doc.get(), none::none());
        drop(old);
        let old = std::mem::replace(&mut *f.module.get(), none::none());
        drop(old);
    }
}

macro_rules! cell_getset {
    ($get:ident, $set:ident, $field:ident, $opt:tt) => {
        fn $get(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
            let f = function_data(v);
            // SAFETY: read of an owned cell.
            Ok(cell_getset!(@get $opt, unsafe { &*f.$field.get() }))
        }
        fn $set(_vm: &mut Vm, v: &Value, value: Option<&Value>) -> PyResult<()> {
            let f = function_data(v);
            let new = cell_getset!(@set $opt, value);
            // SAFETY: single-threaded write; old value dropped after.
            let old = std::mem::replace(unsafe { &mut *f.$field.get() }, new);
            f.version.set(next_function_version());
            drop(old);
            Ok(())
        }
    };
    (@get opt, $e:expr) => { $e.clone().unwrap_or_else(none::none) };
    (@get val, $e:expr) => { $e.clone() };
    (@set opt, $value:expr) => { match $value { Some(v) if !none::is_none(v) => Some(v.clone()), _ => None } };
    (@set val, $value:expr) => { match $value { Some(v) => v.clone(), None => none::none() } };
}
cell_getset!(func_get_defaults, func_set_defaults, defaults, opt);
cell_getset!(func_get_kwdefaults, func_set_kwdefaults, kwdefaults, opt);
cell_getset!(func_get_doc, func_set_doc, doc, val);
cell_getset!(func_get_module, func_set_module, module, val);

fn func_get_name(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(function_data(v).name())
}
fn func_set_name(vm: &mut Vm, v: &Value, value: Option<&Value>) -> PyResult<()> {
    match value {
        Some(s) if pystr::is_str(s) => {
            // SAFETY: no other borrow of the name cell is alive; the old name is dropped after the
            // write.
            let old = std::mem::replace(unsafe { &mut *function_data(v).name.get() }, s.clone());
            drop(old);
            Ok(())
        }
        _ => Err(vm.type_error("__name__ must be set to a string object")),
    }
}
fn func_get_qualname(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(function_data(v).qualname())
}
fn func_set_qualname(vm: &mut Vm, v: &Value, value: Option<&Value>) -> PyResult<()> {
    match value {
        Some(s) if pystr::is_str(s) => {
            // SAFETY: no other borrow of the qualname cell is alive; the old name is dropped after
            // the write.
            let old = std::mem::replace(unsafe { &mut *function_data(v).qualname.get() }, s.clone());
            drop(old);
            Ok(())
        }
        _ => Err(vm.type_error("__qualname__ must be set to a string object")),
    }
}
fn func_get_code(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(function_data(v).code.clone())
}
fn func_get_globals(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(function_data(v).globals.clone())
}
fn func_get_builtins(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(function_data(v).builtins.clone())
}
fn func_get_closure(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(function_data(v).closure.clone().unwrap_or_else(none::none))
}
fn func_get_annotations(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let f = function_data(v);
    // SAFETY: single-threaded access to the cell.
    let cell = unsafe { &mut *f.annotations.get() };
    match cell {
        Some(a) if !none::is_none(a) => {
            if let Some(items) = tuple::try_items(a) {
                // The compiler emits annotations as a flat (name, value, ...) tuple.
                let d = dict::new_dict();
                let dd = dict::dict_data(&d).expect("dict");
                for pair in items.chunks(2) {
                    if let [k, val] = pair {
                        dd.set_str(k.clone(), val.clone());
                    }
                }
                *cell = Some(d.clone());
                return Ok(d);
            }
            Ok(a.clone())
        }
        _ => {
            let d = dict::new_dict();
            *cell = Some(d.clone());
            Ok(d)
        }
    }
}
fn func_set_annotations(_vm: &mut Vm, v: &Value, value: Option<&Value>) -> PyResult<()> {
    let f = function_data(v);
    // SAFETY: no other borrow of the annotations cell is alive; the old value is dropped after the
    // write.
    let old = std::mem::replace(unsafe { &mut *f.annotations.get() }, value.cloned());
    drop(old);
    Ok(())
}
fn func_get_dict(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let f = function_data(v);
    // SAFETY: single-threaded access.
    let cell = unsafe { &mut *f.dict.get() };
    Ok(cell.get_or_insert_with(dict::new_dict).clone())
}

static FUNCTION_GETSETS: &[GetSetDef] = &[
    GetSetDef { name: "__defaults__", get: func_get_defaults, set: Some(func_set_defaults) },
    GetSetDef { name: "__kwdefaults__", get: func_get_kwdefaults, set: Some(func_set_kwdefaults) },
    GetSetDef { name: "__doc__", get: func_get_doc, set: Some(func_set_doc) },
    GetSetDef { name: "__module__", get: func_get_module, set: Some(func_set_module) },
    GetSetDef { name: "__name__", get: func_get_name, set: Some(func_set_name) },
    GetSetDef { name: "__qualname__", get: func_get_qualname, set: Some(func_set_qualname) },
    GetSetDef { name: "__code__", get: func_get_code, set: None },
    GetSetDef { name: "__globals__", get: func_get_globals, set: None },
    GetSetDef { name: "__builtins__", get: func_get_builtins, set: None },
    GetSetDef { name: "__closure__", get: func_get_closure, set: None },
    GetSetDef { name: "__annotations__", get: func_get_annotations, set: Some(func_set_annotations) },
    GetSetDef { name: "__dict__", get: func_get_dict, set: None },
];

/// Function attribute access: getsets first, then the function's own `__dict__`.
fn function_getattro(vm: &mut Vm, obj: &Value, name: &Value) -> PyResult<Value> {
    match crate::objects::object::generic_getattr(vm, obj, name) {
        Ok(v) => Ok(v),
        Err(e) if e.matches(crate::objects::exceptions::attribute_error()) => {
            let f = function_data(obj);
            // SAFETY: read.
            if let Some(d) = unsafe { &*f.dict.get() } {
                if let Some(v) = dict::get_str_key(d, name) {
                    return Ok(v);
                }
            }
            let q = f.qualname();
            let _ = q;
            Err(vm.attribute_error(format!("'function' object has no attribute '{}'", pystr::as_str(name))))
        }
        Err(e) => Err(e),
    }
}

fn function_setattro(vm: &mut Vm, obj: &Value, name: &Value, value: Option<&Value>) -> PyResult<()> {
    let ty = obj.ty();
    if let Some(descr) = ty.lookup(name) {
        if let Some(set) = descr.ty().slots.descr_set.get() {
            return set(vm, &descr, obj, value);
        }
    }
    let f = function_data(obj);
    // SAFETY: single-threaded access.
    let cell = unsafe { &mut *f.dict.get() };
    let d = cell.get_or_insert_with(dict::new_dict).clone();
    let dd = dict::dict_data(&d).expect("dict");
    match value {
        Some(v) => dd.set(vm, name.clone(), v.clone()),
        None => match dd.remove(vm, name)? {
            Some(_) => Ok(()),
            None => Err(vm.attribute_error(format!("'function' object has no attribute '{}'", pystr::as_str(name)))),
        },
    }
}

// ---------------------------------------------------------------------------------------
// method (bound method)

pub struct BoundMethodData {
    pub func: Value,
    pub self_: Value,
}

impl Payload for BoundMethodData {
    fn class() -> &'static PyType {
        &METHOD_TYPE
    }
}

pub static METHOD_TYPE: StaticType = StaticType::new(
    "method",
    Some(&crate::objects::object::OBJECT_TYPE),
    flags::HAVE_GC,
    std::mem::size_of::<PyObj<BoundMethodData>>(),
    method_dealloc,
    &[],
    METHOD_GETSETS,
)
.with_slots(SlotDefs {
    traverse: Some(method_traverse),
    repr: Some(method_repr),
    hash: Some(method_hash),
    richcompare: Some(method_richcompare),
    getattro: Some(method_getattro),
    call: Some(method_call),
    new: Some(method_new),
    ..SlotDefs::EMPTY
});

// Dead bound methods keep their blocks for the next ones (CPython has a free list for them
// too): `obj.method` passed around as a callback, `functools`-style wrappers.
const FREE_METHODS_MAX: usize = 64;

#[inline(always)]
fn free_methods() -> &'static crate::object::free_list::FreeList {
    &crate::pystate::interp().free_lists.methods
}

pub fn new_bound_method(func: Value, self_: Value) -> Value {
    if let Some(obj) = free_methods().pop() {
        // SAFETY: a kept block of a dead bound method (same type, same size), untracked: the
        // header and payload are written whole, then it is tracked again.
        unsafe {
            std::ptr::write(
                obj as *mut PyObj<BoundMethodData>,
                PyObj { header: ObjHeader { refcnt: Cell::new(1), ob_type: Cell::new(&METHOD_TYPE.0) }, data: BoundMethodData { func, self_ } },
            );
            crate::gc::track_new(obj);
            return Value::from_header(std::ptr::NonNull::new_unchecked(obj));
        }
    }
    alloc_object(&METHOD_TYPE, BoundMethodData { func, self_ })
}

/// `dealloc` for bound methods (the type has no subclasses): keep the block when there is room.
///
/// # Safety
/// Called by the object core on a bound method whose count reached zero (weak references
/// already cleared).
unsafe fn method_dealloc(obj: *mut ObjHeader) {
    // SAFETY: called by the object core once, on a dead bound method (weak references already
    // cleared): the payload is dropped once, then the block is kept on the free list or freed.
    unsafe {
        crate::gc::untrack(obj);
        std::ptr::drop_in_place(&mut (*(obj as *mut PyObj<BoundMethodData>)).data);
        let kept = free_methods().push(obj, FREE_METHODS_MAX);
        if !kept {
            crate::object::raw_free(obj, &METHOD_TYPE.0, std::mem::size_of::<PyObj<BoundMethodData>>());
        }
    }
}

/// Free the blocks kept by a bound-method free list (interpreter teardown).
pub(crate) fn drain_free_methods(list: &crate::object::free_list::FreeList) {
    // SAFETY: blocks on the list are dead, untracked bound methods.
    list.drain(|obj| unsafe { crate::object::raw_free(obj, &METHOD_TYPE.0, std::mem::size_of::<PyObj<BoundMethodData>>()) });
}

fn method_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let m = v.downcast::<BoundMethodData>().expect("method");
    let (func, self_) = (m.func.clone(), m.self_.clone());
    let name = match crate::protocols::object::getattr_opt(vm, &func, "__qualname__")? {
        Some(n) => crate::protocols::object::str_string(vm, &n)?,
        None => "?".to_owned(),
    };
    let r = crate::protocols::object::repr_string(vm, &self_)?;
    Ok(pystr::from_string(format!("<bound method {name} of {r}>")))
}

fn method_call(vm: &mut Vm, callable: &Value, args: &[Value], kwnames: Option<&Value>) -> PyResult<Value> {
    crate::protocols::call::call(vm, callable, args, kwnames)
}

fn method_traverse(h: &ObjHeader, visit: &mut dyn FnMut(&Value)) {
    // SAFETY: called for bound methods only.
    let m = unsafe { payload_of::<BoundMethodData>(h) };
    visit(&m.func);
    visit(&m.self_);
}

fn method_richcompare(_vm: &mut Vm, a: &Value, b: &Value, op: crate::typeobj::CompareOp) -> PyResult<Value> {
    let (Some(x), Some(y)) = (a.downcast::<BoundMethodData>(), b.downcast::<BoundMethodData>()) else {
        return Ok(none::not_implemented());
    };
    let eq = x.func.is(&y.func) && x.self_.is(&y.self_);
    match op {
        crate::typeobj::CompareOp::Eq => Ok(none::bool_value(eq)),
        crate::typeobj::CompareOp::Ne => Ok(none::bool_value(!eq)),
        _ => Ok(none::not_implemented()),
    }
}

fn method_hash(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let m = v.downcast::<BoundMethodData>().expect("method");
    let (f, s) = (m.func.clone(), m.self_.clone());
    let h = crate::protocols::object::hash(vm, &f)?;
    Ok(h ^ (s.bits() as i64 >> 4))
}

fn method_get_func(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(v.downcast::<BoundMethodData>().expect("method").func.clone())
}
fn method_get_self(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(v.downcast::<BoundMethodData>().expect("method").self_.clone())
}

static METHOD_GETSETS: &[GetSetDef] = &[
    GetSetDef { name: "__func__", get: method_get_func, set: None },
    GetSetDef { name: "__self__", get: method_get_self, set: None },
];

/// Attribute access on bound methods falls through to the function (`m.__name__`).
fn method_getattro(vm: &mut Vm, obj: &Value, name: &Value) -> PyResult<Value> {
    match crate::objects::object::generic_getattr(vm, obj, name) {
        Ok(v) => Ok(v),
        Err(e) if e.matches(crate::objects::exceptions::attribute_error()) => {
            let f = obj.downcast::<BoundMethodData>().expect("method").func.clone();
            crate::protocols::object::getattr(vm, &f, name)
        }
        Err(e) => Err(e),
    }
}

// ---------------------------------------------------------------------------------------
// cell

pub struct CellData {
    pub contents: UnsafeCell<Option<Value>>,
}

impl Payload for CellData {
    fn class() -> &'static PyType {
        &CELL_TYPE
    }
}

impl CellData {
    #[inline(always)]
    pub fn get(&self) -> Option<Value> {
        // SAFETY: single-threaded read.
        unsafe { (*self.contents.get()).clone() }
    }
    #[inline(always)]
    pub fn set(&self, v: Option<Value>) {
        // SAFETY: single-threaded write; the old value is dropped after the write.
        let old = std::mem::replace(unsafe { &mut *self.contents.get() }, v);
        drop(old);
    }
}

pub static CELL_TYPE: StaticType = StaticType::new(
    "cell",
    Some(&crate::objects::object::OBJECT_TYPE),
    flags::HAVE_GC,
    std::mem::size_of::<PyObj<CellData>>(),
    dealloc_payload::<CellData>,
    &[],
    CELL_GETSETS,
)
.with_slots(SlotDefs {
    traverse: Some(cell_traverse),
    clear: Some(cell_clear),
    repr: Some(cell_repr),
    ..SlotDefs::EMPTY
});

pub fn new_cell(v: Option<Value>) -> Value {
    alloc_object(&CELL_TYPE, CellData { contents: UnsafeCell::new(v) })
}

#[inline(always)]
pub fn cell_data(v: &Value) -> &CellData {
    // SAFETY: callers pass values from cell slots of frames, which are always cells.
    unsafe { v.payload_unchecked::<CellData>() }
}

fn cell_get_contents(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    match cell_data(v).get() {
        Some(x) => Ok(x),
        None => Err(vm.value_error("Cell is empty")),
    }
}
fn cell_set_contents(_vm: &mut Vm, v: &Value, value: Option<&Value>) -> PyResult<()> {
    cell_data(v).set(value.cloned());
    Ok(())
}

static CELL_GETSETS: &[GetSetDef] = &[GetSetDef { name: "cell_contents", get: cell_get_contents, set: Some(cell_set_contents) }];

fn cell_repr(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let c = cell_data(v);
    Ok(pystr::from_string(match c.get() {
        None => format!("<cell at {:#x}: empty>", v.bits()),
        Some(x) => format!("<cell at {:#x}: {} object at {:#x}>", v.bits(), x.ty().name(), x.bits()),
    }))
}

fn cell_traverse(h: &ObjHeader, visit: &mut dyn FnMut(&Value)) {
    // SAFETY: called for cells only.
    let c = unsafe { payload_of::<CellData>(h) };
    // SAFETY: the collector's visit runs no Python code, so the cell is not replaced while
    // borrowed.
    if let Some(v) = unsafe { &*c.contents.get() } {
        visit(v);
    }
}

fn cell_clear(h: &ObjHeader) {
    // SAFETY: called for cells only.
    let c = unsafe { payload_of::<CellData>(h) };
    c.set(None);
}

/// `types.MethodType(func, obj)`.
fn method_new(vm: &mut Vm, _cls: &Value, args: &[Value], kwnames: Option<&Value>) -> PyResult<Value> {
    const NEW: crate::protocols::args::Spec = crate::protocols::args::Spec::positional("method", &[crate::protocols::args::Param::pos("function"), crate::protocols::args::Param::pos("instance")]);
    let [func, obj] = NEW.args(vm, args, kwnames)?;
    if func.ty().slots.call.get().is_none() {
        return Err(vm.type_error("first argument must be callable"));
    }
    if none::is_none(obj) {
        return Err(vm.type_error("instance must not be None"));
    }
    Ok(new_bound_method(func.clone(), obj.clone()))
}
