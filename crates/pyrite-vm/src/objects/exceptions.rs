//! The built-in exception hierarchy and traceback objects (CPython: `Objects/exceptions.c`,
//! `Python/traceback.c`).

use std::cell::{Cell, UnsafeCell};

use crate::object::{alloc_object, dealloc_payload, ObjHeader, Payload, PyObj, Value};
use crate::objects::{none, str as pystr, tuple};
use crate::typeobj::{flags, payload_of, GetSetDef, MethodDef, MethodKind, PyType, StaticType, SlotDefs};
use crate::vm::{PyErr, PyResult, Vm};

pub struct ExceptionData {
    pub args: UnsafeCell<Value>,
    pub traceback: UnsafeCell<Option<Value>>,
    pub cause: UnsafeCell<Option<Value>>,
    pub context: UnsafeCell<Option<Value>>,
    pub suppress_context: Cell<bool>,
    /// Set when the exception is re-raised (RERAISE, bare `raise`): the frame that re-raises
    /// it adds no traceback entry (cleared by that frame's unwinding). Kept here rather than
    /// in `PyErr`, so that a `PyErr` is one word and `PyResult<Value>` comes back in registers.
    pub reraised: Cell<bool>,
    /// For exception groups: the `(message, exceptions)` pair (a 2-tuple; `exceptions` a tuple).
    pub group: UnsafeCell<Option<Value>>,
}

impl Payload for ExceptionData {
    fn class() -> &'static PyType {
        &BASE_EXCEPTION
    }
}

impl ExceptionData {
    pub fn args(&self) -> Value {
        // SAFETY: single-threaded read.
        unsafe { (*self.args.get()).clone() }
    }
    pub fn set_args(&self, v: Value) {
        // SAFETY: single-threaded write, old value dropped after.
        let old = std::mem::replace(unsafe { &mut *self.args.get() }, v);
        drop(old);
    }
    pub fn traceback(&self) -> Option<Value> {
        // SAFETY: read.
        unsafe { (*self.traceback.get()).clone() }
    }
    pub fn set_traceback(&self, v: Option<Value>) {
        // SAFETY: write.
        let old = std::mem::replace(unsafe { &mut *self.traceback.get() }, v);
        drop(old);
    }
    pub fn cause(&self) -> Option<Value> {
        // SAFETY: read.
        unsafe { (*self.cause.get()).clone() }
    }
    pub fn set_cause(&self, v: Option<Value>) {
        // SAFETY: write.
        let old = std::mem::replace(unsafe { &mut *self.cause.get() }, v);
        drop(old);
    }
    pub fn context(&self) -> Option<Value> {
        // SAFETY: read.
        unsafe { (*self.context.get()).clone() }
    }
    pub fn set_context(&self, v: Option<Value>) {
        // SAFETY: write.
        let old = std::mem::replace(unsafe { &mut *self.context.get() }, v);
        drop(old);
    }
    /// `(message, exceptions tuple)` of an exception group.
    pub fn group(&self) -> Option<(Value, Value)> {
        // SAFETY: read.
        let g = unsafe { (*self.group.get()).clone() }?;
        let items = tuple::items(&g);
        Some((items[0].clone(), items[1].clone()))
    }
    pub fn set_group(&self, v: Option<Value>) {
        // SAFETY: write.
        let old = std::mem::replace(unsafe { &mut *self.group.get() }, v);
        drop(old);
    }
}

const EXC_SIZE: usize = std::mem::size_of::<PyObj<ExceptionData>>() + 8;
const EXC_FLAGS: u64 = flags::BASETYPE | flags::HAVE_GC | flags::BASE_EXC_SUBCLASS | flags::HAS_DICT;

macro_rules! or_default {
    ($d:expr) => { $d };
    ($d:expr, $v:expr) => { $v };
}

macro_rules! exception_types {
    ($( $stat:ident, $getter:ident, $name:literal, $base:expr $(, $methods:expr, $getsets:expr $(, $slots:expr)?)?; )*) => {
        $(
            pub static $stat: StaticType = StaticType::new(
                $name, $base, EXC_FLAGS, EXC_SIZE, dealloc_payload::<ExceptionData>,
                or_default!(EXC_METHODS $(, $methods)?), or_default!(EXC_GETSETS $(, $getsets)?),
            )
            .with_dictoffset(std::mem::size_of::<PyObj<ExceptionData>>())
            .with_slots(or_default!(SlotDefs::EMPTY $($(, $slots)?)?));
            #[inline]
            pub fn $getter() -> &'static PyType { &$stat }
        )*
        /// Every built-in exception type, bases before subclasses.
        pub fn all_exception_types() -> Vec<&'static StaticType> {
            vec![$(&$stat),*]
        }
    };
}

exception_types! {
    BASE_EXCEPTION, base_exception, "BaseException", Some(&crate::objects::object::OBJECT_TYPE), EXC_METHODS, EXC_GETSETS, SlotDefs {
        traverse: Some(exc_traverse),
        clear: Some(exc_clear),
        repr: Some(exc_repr),
        str: Some(exc_str),
        getattro: Some(exc_getattro),
        new: Some(exc_new),
        init: Some(exc_init),
        ..SlotDefs::EMPTY
    };
    SYSTEM_EXIT, system_exit, "SystemExit", Some(&BASE_EXCEPTION);
    KEYBOARD_INTERRUPT, keyboard_interrupt, "KeyboardInterrupt", Some(&BASE_EXCEPTION);
    GENERATOR_EXIT, generator_exit, "GeneratorExit", Some(&BASE_EXCEPTION);
    BASE_EXCEPTION_GROUP, base_exception_group, "BaseExceptionGroup", Some(&BASE_EXCEPTION), EG_METHODS, EG_GETSETS, SlotDefs {
        str: Some(eg_str),
        new: Some(eg_new),
        init: Some(eg_init),
        ..SlotDefs::EMPTY
    };
    EXCEPTION, exception, "Exception", Some(&BASE_EXCEPTION);
    // CPython: bases (BaseExceptionGroup, Exception); `__bases__`/`__mro__` are set up in
    // `typeobj::static_init::set_mro`, the static base (tp_base) is BaseExceptionGroup as in CPython.
    EXCEPTION_GROUP, exception_group, "ExceptionGroup", Some(&BASE_EXCEPTION_GROUP), &[], &[];
    STOP_ITERATION, stop_iteration, "StopIteration", Some(&EXCEPTION);
    STOP_ASYNC_ITERATION, stop_async_iteration, "StopAsyncIteration", Some(&EXCEPTION);
    ARITHMETIC_ERROR, arithmetic_error, "ArithmeticError", Some(&EXCEPTION);
    FLOATING_POINT_ERROR, floating_point_error, "FloatingPointError", Some(&ARITHMETIC_ERROR);
    OVERFLOW_ERROR, overflow_error, "OverflowError", Some(&ARITHMETIC_ERROR);
    ZERO_DIVISION_ERROR, zero_division_error, "ZeroDivisionError", Some(&ARITHMETIC_ERROR);
    ASSERTION_ERROR, assertion_error, "AssertionError", Some(&EXCEPTION);
    ATTRIBUTE_ERROR, attribute_error, "AttributeError", Some(&EXCEPTION);
    BUFFER_ERROR, buffer_error, "BufferError", Some(&EXCEPTION);
    EOF_ERROR, eof_error, "EOFError", Some(&EXCEPTION);
    IMPORT_ERROR, import_error, "ImportError", Some(&EXCEPTION);
    MODULE_NOT_FOUND_ERROR, module_not_found_error, "ModuleNotFoundError", Some(&IMPORT_ERROR);
    LOOKUP_ERROR, lookup_error, "LookupError", Some(&EXCEPTION);
    INDEX_ERROR, index_error, "IndexError", Some(&LOOKUP_ERROR);
    KEY_ERROR, key_error, "KeyError", Some(&LOOKUP_ERROR);
    MEMORY_ERROR, memory_error, "MemoryError", Some(&EXCEPTION);
    NAME_ERROR, name_error, "NameError", Some(&EXCEPTION);
    UNBOUND_LOCAL_ERROR, unbound_local_error, "UnboundLocalError", Some(&NAME_ERROR);
    OS_ERROR, os_error, "OSError", Some(&EXCEPTION);
    FILE_NOT_FOUND_ERROR, file_not_found_error, "FileNotFoundError", Some(&OS_ERROR);
    PERMISSION_ERROR, permission_error, "PermissionError", Some(&OS_ERROR);
    FILE_EXISTS_ERROR, file_exists_error, "FileExistsError", Some(&OS_ERROR);
    IS_A_DIRECTORY_ERROR, is_a_directory_error, "IsADirectoryError", Some(&OS_ERROR);
    NOT_A_DIRECTORY_ERROR, not_a_directory_error, "NotADirectoryError", Some(&OS_ERROR);
    TIMEOUT_ERROR, timeout_error, "TimeoutError", Some(&OS_ERROR);
    REFERENCE_ERROR, reference_error, "ReferenceError", Some(&EXCEPTION);
    RUNTIME_ERROR, runtime_error, "RuntimeError", Some(&EXCEPTION);
    NOT_IMPLEMENTED_ERROR, not_implemented_error, "NotImplementedError", Some(&RUNTIME_ERROR);
    RECURSION_ERROR, recursion_error, "RecursionError", Some(&RUNTIME_ERROR);
    SYNTAX_ERROR, syntax_error, "SyntaxError", Some(&EXCEPTION);
    INDENTATION_ERROR, indentation_error, "IndentationError", Some(&SYNTAX_ERROR);
    TAB_ERROR, tab_error, "TabError", Some(&INDENTATION_ERROR);
    SYSTEM_ERROR, system_error, "SystemError", Some(&EXCEPTION);
    TYPE_ERROR, type_error, "TypeError", Some(&EXCEPTION);
    VALUE_ERROR, value_error, "ValueError", Some(&EXCEPTION);
    UNICODE_ERROR, unicode_error, "UnicodeError", Some(&VALUE_ERROR);
    UNICODE_DECODE_ERROR, unicode_decode_error, "UnicodeDecodeError", Some(&UNICODE_ERROR);
    UNICODE_ENCODE_ERROR, unicode_encode_error, "UnicodeEncodeError", Some(&UNICODE_ERROR);
    WARNING, warning, "Warning", Some(&EXCEPTION);
    USER_WARNING, user_warning, "UserWarning", Some(&WARNING);
    DEPRECATION_WARNING, deprecation_warning, "DeprecationWarning", Some(&WARNING);
    RUNTIME_WARNING, runtime_warning, "RuntimeWarning", Some(&WARNING);
    SYNTAX_WARNING, syntax_warning, "SyntaxWarning", Some(&WARNING);
}

/// Create an exception instance of `ty` with `args`.
pub fn new_exception(ty: &PyType, args: Vec<Value>) -> Value {
    alloc_object(ty, ExceptionData {
        args: UnsafeCell::new(tuple::new_tuple(args)),
        traceback: UnsafeCell::new(None),
        cause: UnsafeCell::new(None),
        context: UnsafeCell::new(None),
        suppress_context: Cell::new(false),
        reraised: Cell::new(false),
        group: UnsafeCell::new(None),
    })
}

#[inline]
pub fn exc_data(v: &Value) -> &ExceptionData {
    v.downcast::<ExceptionData>().expect("exception")
}

pub fn is_exception_instance(v: &Value) -> bool {
    !v.is_small_int() && v.ty().has_flag(flags::BASE_EXC_SUBCLASS)
}

pub fn is_exception_class(v: &Value) -> bool {
    v.as_type().map(|t| t.has_flag(flags::BASE_EXC_SUBCLASS)).unwrap_or(false)
}

/// Attach `name`/`obj` to an AttributeError (3.12 exposes them for "Did you mean" hints).
pub fn set_attribute_error_context(err: &PyErr, obj: &Value, name: &Value) {
    set_attr_in_dict(&err.exc, "name", name.clone());
    set_attr_in_dict(&err.exc, "obj", obj.clone());
}

/// Set an attribute of an exception instance (in its `__dict__`), ignoring failures: used
/// for the informational attributes CPython sets (`name`, `obj`, `name_from`...).
pub fn set_exc_attr(_vm: &mut Vm, exc: &Value, attr: &str, value: Value) {
    set_attr_in_dict(exc, attr, value);
}

fn set_attr_in_dict(exc: &Value, attr: &str, value: Value) {
    if let Some(cell) = crate::typeobj::instance_dict_cell(exc) {
        // SAFETY: single-threaded access to the exception's dict cell.
        let d = unsafe { (*cell.get()).get_or_insert_with(crate::objects::dict::new_dict).clone() };
        crate::objects::dict::dict_data(&d).expect("dict").set_str(pystr::new_str(attr), value);
    }
}

fn exc_new(_vm: &mut Vm, cls: &Value, args: &[Value], kwnames: Option<&Value>) -> PyResult<Value> {
    // SAFETY: cls is a type.
    let ty = unsafe { cls.as_type_unchecked() };
    let npos = crate::protocols::args::npositional(args, kwnames);
    // OSError(errno, strerror) picks the subclass for the errno, as CPython does.
    let ty = if std::ptr::eq(ty, &OS_ERROR.0) && npos >= 2 {
        match args[0].as_small_int() {
            Some(1) | Some(13) => &PERMISSION_ERROR.0,
            Some(2) => &FILE_NOT_FOUND_ERROR.0,
            Some(17) => &FILE_EXISTS_ERROR.0,
            Some(20) => &NOT_A_DIRECTORY_ERROR.0,
            Some(21) => &IS_A_DIRECTORY_ERROR.0,
            Some(110) => &TIMEOUT_ERROR.0,
            _ => ty,
        }
    } else {
        ty
    };
    Ok(new_exception(ty, args[..npos].to_vec()))
}

fn exc_init(vm: &mut Vm, this: &Value, args: &[Value], kwnames: Option<&Value>) -> PyResult<()> {
    let npos = crate::protocols::args::npositional(args, kwnames);
    if kwnames.is_some_and(|k| !tuple::items(k).is_empty()) {
        exc_init_keywords(vm, this, &args[npos..], kwnames)?;
    }
    exc_data(this).set_args(tuple::new_tuple(args[..npos].to_vec()));
    Ok(())
}

/// The keyword-only attributes of ImportError (`"|$OOO:ImportError"`), NameError and
/// AttributeError; every other exception refuses keywords (`_PyArg_NoKeywords` with its
/// type's name). `values` are the keyword values alone.
#[cold]
fn exc_init_keywords(vm: &mut Vm, this: &Value, values: &[Value], kwnames: Option<&Value>) -> PyResult<()> {
    use crate::protocols::args::{Param, Spec};
    static IMPORT: Spec = Spec::keywords("ImportError", &[Param::kw_opt("name"), Param::kw_opt("path"), Param::kw_opt("name_from")]);
    static NAME: Spec = Spec::keywords("NameError", &[Param::kw_opt("name")]);
    static ATTRIBUTE: Spec = Spec::keywords("AttributeError", &[Param::kw_opt("name"), Param::kw_opt("obj")]);
    let ty = this.ty();
    let spec = if ty.is_subtype(&IMPORT_ERROR) {
        &IMPORT
    } else if ty.is_subtype(&NAME_ERROR) {
        &NAME
    } else if ty.is_subtype(&ATTRIBUTE_ERROR) {
        &ATTRIBUTE
    } else {
        return Err(vm.type_error(format!("{}() takes no keyword arguments", ty.name())));
    };
    let mut given: [Option<&Value>; 3] = [None; 3];
    match spec.params.len() {
        1 => [given[0]] = spec.parse(vm, values, kwnames)?,
        2 => [given[0], given[1]] = spec.parse(vm, values, kwnames)?,
        _ => given = spec.parse(vm, values, kwnames)?,
    }
    for (p, v) in spec.params.iter().zip(given) {
        if let Some(v) = v {
            set_attr_in_dict(this, p.name, v.clone());
        }
    }
    Ok(())
}

fn exc_str(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let args = exc_data(v).args();
    let items = tuple::items(&args);
    let ty = v.ty();
    if ty.is_subtype(&KEY_ERROR) && items.len() == 1 {
        return crate::protocols::object::repr(vm, &items[0]);
    }
    if ty.is_subtype(&SYNTAX_ERROR) {
        return syntax_error_str(vm, v);
    }
    if ty.is_subtype(&OS_ERROR) && (items.len() == 2 || items.len() == 3) {
        let errno = crate::protocols::object::str_string(vm, &items[0].clone())?;
        let strerror = crate::protocols::object::str_string(vm, &items[1].clone())?;
        if items.len() == 3 {
            let f = crate::protocols::object::repr_string(vm, &items[2].clone())?;
            return Ok(pystr::from_string(format!("[Errno {errno}] {strerror}: {f}")));
        }
        return Ok(pystr::from_string(format!("[Errno {errno}] {strerror}")));
    }
    match items.len() {
        0 => Ok(pystr::new_str("")),
        1 => crate::protocols::object::str(vm, &items[0].clone()),
        _ => crate::protocols::object::str(vm, &args),
    }
}

fn syntax_error_str(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let msg = match crate::protocols::object::getattr_opt(vm, v, "msg")? {
        Some(m) if !none::is_none(&m) => crate::protocols::object::str_string(vm, &m)?,
        _ => {
            let args = exc_data(v).args();
            match tuple::items(&args).first() {
                Some(a) => crate::protocols::object::str_string(vm, &a.clone())?,
                None => String::new(),
            }
        }
    };
    let filename = crate::protocols::object::getattr_opt(vm, v, "filename")?.filter(|f| pystr::is_str(f));
    let lineno = crate::protocols::object::getattr_opt(vm, v, "lineno")?.and_then(|l| l.as_small_int());
    let base = filename.as_ref().map(|f| {
        let s = pystr::as_str(f);
        s.rsplit('/').next().unwrap_or(s).to_owned()
    });
    Ok(pystr::from_string(match (base, lineno) {
        (Some(f), Some(l)) => format!("{msg} ({f}, line {l})"),
        (Some(f), None) => format!("{msg} ({f})"),
        (None, Some(l)) => format!("{msg} (line {l})"),
        (None, None) => msg,
    }))
}

fn exc_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let args = exc_data(v).args();
    let name = v.ty().name().to_owned();
    let items = tuple::items(&args).to_vec();
    if items.len() == 1 {
        let r = crate::protocols::object::repr_string(vm, &items[0])?;
        return Ok(pystr::from_string(format!("{name}({r})")));
    }
    let r = crate::protocols::object::repr_string(vm, &args)?;
    if items.is_empty() {
        return Ok(pystr::from_string(format!("{name}()")));
    }
    Ok(pystr::from_string(format!("{name}{r}")))
}

fn exc_traverse(h: &ObjHeader, visit: &mut dyn FnMut(&Value)) {
    // SAFETY: called for exceptions only.
    let d = unsafe { payload_of::<ExceptionData>(h) };
    // SAFETY: the collector's visit runs no Python code, so none of these cells is replaced while
    // borrowed.
    unsafe {
        visit(&*d.args.get());
        for c in [&d.traceback, &d.cause, &d.context, &d.group] {
            if let Some(v) = &*c.get() {
                visit(v);
            }
        }
    }
    crate::typeobj::traverse_instance_extras(h, visit);
}

fn exc_clear(h: &ObjHeader) {
    // SAFETY: called for exceptions only.
    let d = unsafe { payload_of::<ExceptionData>(h) };
    d.set_args(tuple::empty_tuple());
    d.set_traceback(None);
    d.set_cause(None);
    d.set_context(None);
    d.set_group(None);
    crate::typeobj::clear_instance_extras_gc(h);
}

fn get_args(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(exc_data(v).args())
}
fn set_args(vm: &mut Vm, v: &Value, value: Option<&Value>) -> PyResult<()> {
    let Some(x) = value else { return Err(vm.type_error("args may not be deleted")) };
    let items = crate::protocols::iter::collect(vm, x)?;
    exc_data(v).set_args(tuple::new_tuple(items));
    Ok(())
}
fn get_traceback(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(exc_data(v).traceback().unwrap_or_else(none::none))
}
fn set_traceback(vm: &mut Vm, v: &Value, value: Option<&Value>) -> PyResult<()> {
    match value {
        Some(t) if none::is_none(t) => exc_data(v).set_traceback(None),
        Some(t) if t.downcast::<TracebackData>().is_some() => exc_data(v).set_traceback(Some(t.clone())),
        _ => return Err(vm.type_error("__traceback__ must be a traceback or None")),
    }
    Ok(())
}
fn get_cause(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(exc_data(v).cause().unwrap_or_else(none::none))
}
fn set_cause(vm: &mut Vm, v: &Value, value: Option<&Value>) -> PyResult<()> {
    match value {
        Some(c) if none::is_none(c) => exc_data(v).set_cause(None),
        Some(c) if is_exception_instance(c) => exc_data(v).set_cause(Some(c.clone())),
        _ => return Err(vm.type_error("exception cause must be None or derive from BaseException")),
    }
    exc_data(v).suppress_context.set(true);
    Ok(())
}
fn get_context(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(exc_data(v).context().unwrap_or_else(none::none))
}
fn set_context(vm: &mut Vm, v: &Value, value: Option<&Value>) -> PyResult<()> {
    match value {
        Some(c) if none::is_none(c) => exc_data(v).set_context(None),
        Some(c) if is_exception_instance(c) => exc_data(v).set_context(Some(c.clone())),
        _ => return Err(vm.type_error("exception context must be None or derive from BaseException")),
    }
    Ok(())
}
fn get_suppress(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(none::bool_value(exc_data(v).suppress_context.get()))
}
fn set_suppress(vm: &mut Vm, v: &Value, value: Option<&Value>) -> PyResult<()> {
    let b = match value {
        Some(x) => crate::protocols::object::is_true(vm, x)?,
        None => false,
    };
    exc_data(v).suppress_context.set(b);
    Ok(())
}

/// First argument, or None (StopIteration.value, SystemExit.code...).
fn first_arg(v: &Value) -> Value {
    let args = exc_data(v).args();
    tuple::items(&args).first().cloned().unwrap_or_else(none::none)
}

/// Exception-specific attributes computed from args when not set in the instance dict.
fn exc_getattro(vm: &mut Vm, obj: &Value, name: &Value) -> PyResult<Value> {
    match crate::objects::object::generic_getattr(vm, obj, name) {
        Ok(v) => Ok(v),
        Err(e) if e.matches(attribute_error()) => {
            let ty = obj.ty();
            let n = pystr::try_str(name).unwrap_or("");
            let args = exc_data(obj).args();
            let items = tuple::items(&args);
            let arg = |i: usize| items.get(i).cloned().unwrap_or_else(none::none);
            let found = match n {
                "value" if ty.is_subtype(&STOP_ITERATION) => Some(first_arg(obj)),
                "code" if ty.is_subtype(&SYSTEM_EXIT) => Some(match items.len() {
                    0 => none::none(),
                    1 => arg(0),
                    _ => args.clone(),
                }),
                "errno" if ty.is_subtype(&OS_ERROR) => Some(if items.len() >= 2 { arg(0) } else { none::none() }),
                "strerror" if ty.is_subtype(&OS_ERROR) => Some(if items.len() >= 2 { arg(1) } else { none::none() }),
                "filename" if ty.is_subtype(&OS_ERROR) => Some(if items.len() >= 3 { arg(2) } else { none::none() }),
                "msg" if ty.is_subtype(&SYNTAX_ERROR) || ty.is_subtype(&IMPORT_ERROR) => Some(arg(0)),
                "filename" | "lineno" | "offset" | "text" | "end_lineno" | "end_offset" | "print_file_and_line"
                    if ty.is_subtype(&SYNTAX_ERROR) =>
                {
                    let details = items.get(1).cloned();
                    let idx = ["filename", "lineno", "offset", "text", "end_lineno", "end_offset"].iter().position(|x| *x == n);
                    Some(match (details, idx) {
                        (Some(d), Some(i)) => tuple::try_items(&d).and_then(|t| t.get(i).cloned()).unwrap_or_else(none::none),
                        _ => none::none(),
                    })
                }
                "name" | "path" | "name_from" if ty.is_subtype(&IMPORT_ERROR) => Some(none::none()),
                "name" if ty.is_subtype(&NAME_ERROR) || ty.is_subtype(&ATTRIBUTE_ERROR) => Some(none::none()),
                "obj" if ty.is_subtype(&ATTRIBUTE_ERROR) => Some(none::none()),
                "__notes__" => None,
                _ => None,
            };
            match found {
                Some(v) => Ok(v),
                None => Err(e),
            }
        }
        Err(e) => Err(e),
    }
}

fn exc_with_traceback(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    let tb = crate::protocols::args::Spec::one("BaseException.with_traceback").arg(vm, &args[1..], kw)?;
    let this = &args[0];
    set_traceback(vm, this, Some(tb))?;
    Ok(this.clone())
}

fn exc_add_note(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    let note = crate::protocols::args::Spec::one("BaseException.add_note").arg(vm, &args[1..], kw)?;
    let this = &args[0];
    if !pystr::is_str(note) {
        return Err(vm.type_error(format!("note must be a str, not '{}'", note.ty().name())));
    }
    let notes = match crate::protocols::object::getattr_opt(vm, this, "__notes__")? {
        Some(n) => n,
        None => {
            let l = crate::objects::list::new_list(Vec::new());
            crate::protocols::object::setattr_str(vm, this, "__notes__", l.clone())?;
            l
        }
    };
    match crate::objects::list::list_data(&notes) {
        Some(l) => l.push(note.clone()),
        None => return Err(vm.type_error("Cannot add note: __notes__ is not a list")),
    }
    Ok(none::none())
}

fn exc_reduce(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    crate::protocols::args::Spec::noargs("BaseException.__reduce__").check(vm, &args[1..], kw)?;
    let this = &args[0];
    Ok(tuple::new_tuple(vec![this.ty().to_value(), exc_data(this).args()]))
}

static EXC_METHODS: &[MethodDef] = &[
    MethodDef { name: "with_traceback", func: exc_with_traceback, kind: MethodKind::Instance, doc: "" },
    MethodDef { name: "add_note", func: exc_add_note, kind: MethodKind::Instance, doc: "" },
    MethodDef { name: "__reduce__", func: exc_reduce, kind: MethodKind::Instance, doc: "" },
];

static EXC_GETSETS: &[GetSetDef] = &[
    GetSetDef { name: "args", get: get_args, set: Some(set_args) },
    GetSetDef { name: "__traceback__", get: get_traceback, set: Some(set_traceback) },
    GetSetDef { name: "__cause__", get: get_cause, set: Some(set_cause) },
    GetSetDef { name: "__context__", get: get_context, set: Some(set_context) },
    GetSetDef { name: "__suppress_context__", get: get_suppress, set: Some(set_suppress) },
    GetSetDef { name: "__dict__", get: crate::objects::object::DICT_GETSET.get, set: crate::objects::object::DICT_GETSET.set },
];

// ---------------------------------------------------------------------------------------
// exception groups (PEP 654; CPython: `BaseExceptionGroup_*` in Objects/exceptions.c,
// `_PyEval_ExceptionGroupMatch` in Python/ceval.c)

/// Is `v` an instance of BaseExceptionGroup (or a subclass)?
pub fn is_exception_group(v: &Value) -> bool {
    is_exception_instance(v) && v.ty().is_subtype(&BASE_EXCEPTION_GROUP)
}

/// `PySequence_Check`: has item access and is not a dict.
fn is_sequence(v: &Value) -> bool {
    let ty = v.ty();
    ty.slots.getitem.get().is_some() && !ty.has_flag(flags::DICT_SUBCLASS)
}

fn eg_new(vm: &mut Vm, cls: &Value, args: &[Value], kwnames: Option<&Value>) -> PyResult<Value> {
    // SAFETY: cls is a type.
    let ty = unsafe { cls.as_type_unchecked() };
    let npos = crate::protocols::args::npositional(args, kwnames);
    let pos = &args[..npos];
    let [message, exceptions] = pos else {
        return Err(vm.type_error(format!("BaseExceptionGroup.__new__() takes exactly 2 arguments ({npos} given)")));
    };
    if !pystr::is_str(message) {
        return Err(vm.type_error(format!(
            "BaseExceptionGroup.__new__() argument 1 must be str, not {}",
            message.ty().name()
        )));
    }
    if !is_sequence(exceptions) {
        return Err(vm.type_error("second argument (exceptions) must be a sequence"));
    }
    let excs = match tuple::try_items(exceptions) {
        Some(items) if std::ptr::eq(exceptions.ty(), &crate::objects::tuple::TUPLE_TYPE.0) => items.to_vec(),
        _ => crate::protocols::iter::collect(vm, exceptions)?,
    };
    if excs.is_empty() {
        return Err(vm.value_error("second argument (exceptions) must be a non-empty sequence"));
    }
    let mut nested_base_exceptions = false;
    for (i, e) in excs.iter().enumerate() {
        if !is_exception_instance(e) {
            return Err(vm.value_error(format!("Item {i} of second argument (exceptions) is not an exception")));
        }
        if !e.ty().is_subtype(&EXCEPTION) {
            nested_base_exceptions = true;
        }
    }
    let mut cls_ty: &PyType = ty;
    if std::ptr::eq(ty, &EXCEPTION_GROUP.0) {
        if nested_base_exceptions {
            return Err(vm.type_error("Cannot nest BaseExceptions in an ExceptionGroup"));
        }
    } else if std::ptr::eq(ty, &BASE_EXCEPTION_GROUP.0) {
        if !nested_base_exceptions {
            cls_ty = &EXCEPTION_GROUP.0;
        }
    } else if nested_base_exceptions && ty.is_subtype(&EXCEPTION) {
        return Err(vm.type_error(format!("Cannot nest BaseExceptions in '{}'", ty.name())));
    }
    let eg = new_exception(cls_ty, pos.to_vec());
    exc_data(&eg).set_group(Some(tuple::new_tuple(vec![message.clone(), tuple::new_tuple(excs)])));
    Ok(eg)
}

fn eg_init(vm: &mut Vm, this: &Value, args: &[Value], kwnames: Option<&Value>) -> PyResult<()> {
    if let Some(k) = kwnames {
        if !tuple::items(k).is_empty() {
            return Err(vm.type_error(format!("{}() takes no keyword arguments", this.ty().name())));
        }
    }
    let npos = crate::protocols::args::npositional(args, kwnames);
    exc_data(this).set_args(tuple::new_tuple(args[..npos].to_vec()));
    Ok(())
}

fn eg_parts(v: &Value) -> (Value, Value) {
    exc_data(v).group().unwrap_or_else(|| (none::none(), tuple::empty_tuple()))
}

fn eg_str(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let (msg, excs) = eg_parts(v);
    let n = tuple::try_items(&excs).map(|t| t.len()).unwrap_or(0);
    let msg = crate::protocols::object::str_string(vm, &msg)?;
    Ok(pystr::from_string(format!("{msg} ({n} sub-exception{})", if n > 1 { "s" } else { "" })))
}

fn eg_get_message(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(eg_parts(v).0)
}
fn eg_get_exceptions(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(eg_parts(v).1)
}
fn eg_readonly(vm: &mut Vm, _v: &Value, _value: Option<&Value>) -> PyResult<()> {
    Err(vm.attribute_error("readonly attribute"))
}

fn eg_derive(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    // `PyArg_ParseTuple(args, "O", ...)` (no name) in a METH_VARARGS method.
    const DERIVE: crate::protocols::args::Spec = crate::protocols::args::Spec::tuple("", &[crate::protocols::args::Param::pos("excs")]);
    crate::protocols::args::no_kwargs(vm, "derive", kw)?;
    let [excs] = DERIVE.args(vm, &args[1..], None)?;
    let this = &args[0];
    let msg = eg_parts(this).0;
    crate::protocols::call::call(vm, &BASE_EXCEPTION_GROUP.to_value(), &[msg, excs.clone()], None)
}

enum Matcher {
    /// An exception type or a tuple of them.
    Type(Value),
    /// A callable returning true for matching exceptions.
    Predicate(Value),
    /// Identities of the leaf exceptions to keep (used to build re-raised groups).
    Ids(std::collections::HashSet<usize>),
}

fn get_matcher(vm: &mut Vm, value: &Value) -> PyResult<Matcher> {
    if value.ty().slots.call.get().is_some() && value.as_type().is_none() {
        return Ok(Matcher::Predicate(value.clone()));
    }
    if is_exception_class(value) {
        return Ok(Matcher::Type(value.clone()));
    }
    if std::ptr::eq(value.ty(), &crate::objects::tuple::TUPLE_TYPE.0) && tuple::items(value).iter().all(is_exception_class) {
        return Ok(Matcher::Type(value.clone()));
    }
    Err(vm.type_error("expected a function, exception type or tuple of exception types"))
}

/// `PyErr_GivenExceptionMatches` for an exception instance.
fn given_exception_matches(exc: &Value, ty: &Value) -> bool {
    if let Some(items) = tuple::try_items(ty) {
        return items.iter().any(|t| given_exception_matches(exc, t));
    }
    match ty.as_type() {
        Some(t) => exc.ty().is_subtype(t),
        None => exc.is(ty),
    }
}

fn split_check_match(vm: &mut Vm, exc: &Value, matcher: &Matcher) -> PyResult<bool> {
    match matcher {
        Matcher::Type(t) => Ok(given_exception_matches(exc, t)),
        Matcher::Predicate(f) => {
            let r = crate::protocols::call::call(vm, f, &[exc.clone()], None)?;
            crate::protocols::object::is_true(vm, &r)
        }
        Matcher::Ids(ids) => Ok(ids.contains(&exc.bits())),
    }
}

/// CPython's `exceptiongroup_subset`: a group like `orig` (through `derive`) holding `excs`,
/// with `orig`'s traceback, cause, context and a copy of its notes; None if `excs` is empty.
fn exceptiongroup_subset(vm: &mut Vm, orig: &Value, excs: Vec<Value>) -> PyResult<Option<Value>> {
    if excs.is_empty() {
        return Ok(None);
    }
    let list = crate::objects::list::new_list(excs);
    let eg = crate::protocols::call::call_method(vm, orig, "derive", &[list])?;
    if !is_exception_group(&eg) {
        return Err(vm.type_error("derive must return an instance of BaseExceptionGroup"));
    }
    let od = exc_data(orig);
    let d = exc_data(&eg);
    if let Some(tb) = od.traceback() {
        d.set_traceback(Some(tb));
    }
    d.set_context(od.context());
    d.set_cause(od.cause());
    d.suppress_context.set(true);
    if let Some(notes) = crate::protocols::object::getattr_opt(vm, orig, "__notes__")? {
        if is_sequence(&notes) {
            let items = crate::protocols::iter::collect(vm, &notes)?;
            crate::protocols::object::setattr_str(vm, &eg, "__notes__", crate::objects::list::new_list(items))?;
        }
    }
    Ok(Some(eg))
}

/// CPython's `exceptiongroup_split_recursive`: (match, rest).
fn split_recursive(
    vm: &mut Vm,
    exc: &Value,
    matcher: &Matcher,
    construct_rest: bool,
) -> PyResult<(Option<Value>, Option<Value>)> {
    if split_check_match(vm, exc, matcher)? {
        return Ok((Some(exc.clone()), None));
    }
    if !is_exception_group(exc) {
        return Ok((None, if construct_rest { Some(exc.clone()) } else { None }));
    }
    let excs = eg_parts(exc).1;
    let mut match_list = Vec::new();
    let mut rest_list = Vec::new();
    for e in tuple::items(&excs).to_vec() {
        vm.enter_native_call()?;
        let r = split_recursive(vm, &e, matcher, construct_rest);
        vm.leave_native_call();
        let (m, r) = r?;
        if let Some(m) = m {
            match_list.push(m);
        }
        if let Some(r) = r {
            rest_list.push(r);
        }
    }
    let m = exceptiongroup_subset(vm, exc, match_list)?;
    let r = if construct_rest { exceptiongroup_subset(vm, exc, rest_list)? } else { None };
    Ok((m, r))
}

fn eg_split(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    // `PyArg_UnpackTuple(args, "split", 1, 1, ...)`.
    const SPLIT: crate::protocols::args::Spec = crate::protocols::args::Spec::positional("split", &[crate::protocols::args::Param::pos("matcher_value")]);
    let [matcher] = SPLIT.args(vm, &args[1..], kw)?;
    let this = &args[0];
    let matcher = get_matcher(vm, matcher)?;
    let (m, r) = split_recursive(vm, this, &matcher, true)?;
    Ok(tuple::new_tuple(vec![m.unwrap_or_else(none::none), r.unwrap_or_else(none::none)]))
}

fn eg_subgroup(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    const SUBGROUP: crate::protocols::args::Spec = crate::protocols::args::Spec::positional("subgroup", &[crate::protocols::args::Param::pos("matcher_value")]);
    let [matcher] = SUBGROUP.args(vm, &args[1..], kw)?;
    let this = &args[0];
    let matcher = get_matcher(vm, matcher)?;
    let (m, _) = split_recursive(vm, this, &matcher, false)?;
    Ok(m.unwrap_or_else(none::none))
}

fn eg_class_getitem(_vm: &mut Vm, args: &[Value], _kw: Option<&Value>) -> PyResult<Value> {
    // No GenericAlias in Pyrite yet: return the class itself.
    Ok(args[0].clone())
}

static EG_METHODS: &[MethodDef] = &[
    MethodDef { name: "derive", func: eg_derive, kind: MethodKind::Instance, doc: "" },
    MethodDef { name: "split", func: eg_split, kind: MethodKind::Instance, doc: "" },
    MethodDef { name: "subgroup", func: eg_subgroup, kind: MethodKind::Instance, doc: "" },
    MethodDef { name: "__class_getitem__", func: eg_class_getitem, kind: MethodKind::Class, doc: "" },
];

static EG_GETSETS: &[GetSetDef] = &[
    GetSetDef { name: "message", get: eg_get_message, set: Some(eg_readonly) },
    GetSetDef { name: "exceptions", get: eg_get_exceptions, set: Some(eg_readonly) },
];

/// CPython's `_PyExc_CreateExceptionGroup`: `BaseExceptionGroup(msg, excs)`.
fn create_exception_group(vm: &mut Vm, msg: &str, excs: Value) -> PyResult<Value> {
    crate::protocols::call::call(vm, &BASE_EXCEPTION_GROUP.to_value(), &[pystr::new_str(msg), excs], None)
}

/// CPython's `check_except_star_type_valid`.
fn check_except_star_type(vm: &mut Vm, ty: &Value) -> PyResult<()> {
    let types: Vec<Value> = match tuple::try_items(ty) {
        Some(items) => items.to_vec(),
        None => vec![ty.clone()],
    };
    if !types.iter().all(is_exception_class) {
        return Err(vm.type_error("catching classes that do not inherit from BaseException is not allowed"));
    }
    if types.iter().any(|t| t.as_type().map(|t| t.is_subtype(&BASE_EXCEPTION_GROUP)).unwrap_or(false)) {
        return Err(vm.type_error("catching ExceptionGroup with except* is not allowed. Use except instead."));
    }
    Ok(())
}

/// CHECK_EG_MATCH (CPython's `_PyEval_ExceptionGroupMatch`): split `exc` by `match_type`;
/// returns `(rest, match)`, each possibly None. A naked exception that matches is wrapped in
/// `ExceptionGroup("", (exc,))` (3.12 does not copy its traceback to the wrapper).
pub fn check_eg_match(vm: &mut Vm, exc: Value, match_type: Value) -> PyResult<(Value, Value)> {
    check_except_star_type(vm, &match_type)?;
    if none::is_none(&exc) {
        return Ok((none::none(), none::none()));
    }
    if given_exception_matches(&exc, &match_type) {
        if is_exception_group(&exc) {
            return Ok((none::none(), exc));
        }
        let wrapped = create_exception_group(vm, "", tuple::new_tuple(vec![exc]))?;
        return Ok((none::none(), wrapped));
    }
    if is_exception_group(&exc) {
        let pair = crate::protocols::call::call_method(vm, &exc, "split", &[match_type])?;
        return match tuple::try_items(&pair) {
            Some([m, r]) => Ok((r.clone(), m.clone())),
            _ => Err(vm.type_error("split must return a 2-tuple")),
        };
    }
    Ok((exc, none::none()))
}

fn collect_leaf_ids(exc: &Value, ids: &mut std::collections::HashSet<usize>) {
    if none::is_none(exc) {
        return;
    }
    if !is_exception_group(exc) {
        ids.insert(exc.bits());
        return;
    }
    let excs = eg_parts(exc).1;
    for e in tuple::items(&excs) {
        collect_leaf_ids(e, ids);
    }
}

/// CPython's `is_same_exception_metadata` (3.12 keeps notes in `__dict__`, so the `notes`
/// field it compares is always NULL on both sides).
fn is_same_exception_metadata(a: &Value, b: &Value) -> bool {
    let (da, db) = (exc_data(a), exc_data(b));
    let same = |x: Option<Value>, y: Option<Value>| match (x, y) {
        (None, None) => true,
        (Some(x), Some(y)) => x.is(&y),
        _ => false,
    };
    same(da.traceback(), db.traceback()) && same(da.cause(), db.cause()) && same(da.context(), db.context())
}

/// CALL_INTRINSIC_2 INTRINSIC_PREP_RERAISE_STAR (CPython's `_PyExc_PrepReraiseStar`): the
/// exception to raise at the end of a try-except*: re-raised parts of `orig` keep its nesting
/// structure, newly raised ones become siblings in a new `ExceptionGroup("", [...])`.
pub fn prep_reraise_star(vm: &mut Vm, orig: Value, excs: Value) -> PyResult<Value> {
    let excs = match crate::objects::list::list_data(&excs) {
        Some(l) => l.snapshot(),
        None => return Err(vm.type_error("expected a list of exceptions")),
    };
    if excs.is_empty() {
        return Ok(none::none());
    }
    if !is_exception_group(&orig) {
        // A naked exception was caught and wrapped: only one except* clause could have run.
        return Ok(excs[0].clone());
    }
    let mut raised = Vec::new();
    let mut reraised = Vec::new();
    for e in excs {
        if none::is_none(&e) {
            continue;
        }
        if is_exception_instance(&e) && is_same_exception_metadata(&e, &orig) {
            reraised.push(e);
        } else {
            raised.push(e);
        }
    }
    // exception_group_projection(orig, reraised)
    let mut ids = std::collections::HashSet::new();
    for e in &reraised {
        collect_leaf_ids(e, &mut ids);
    }
    let (reraised_eg, _) = split_recursive(vm, &orig, &Matcher::Ids(ids), false)?;
    if raised.is_empty() {
        return Ok(reraised_eg.unwrap_or_else(none::none));
    }
    if let Some(r) = reraised_eg {
        raised.push(r);
    }
    if raised.len() > 1 {
        create_exception_group(vm, "", crate::objects::list::new_list(raised))
    } else {
        Ok(raised.pop().expect("one raised exception"))
    }
}

// ---------------------------------------------------------------------------------------
// traceback objects

pub struct TracebackData {
    pub next: Option<Value>,
    /// The frame object (a snapshot made when the exception passed through the frame).
    pub frame: Value,
    pub lasti: u32,
    pub lineno: u32,
}

impl Payload for TracebackData {
    fn class() -> &'static PyType {
        &TRACEBACK_TYPE
    }
}

pub static TRACEBACK_TYPE: StaticType = StaticType::new(
    "traceback",
    Some(&crate::objects::object::OBJECT_TYPE),
    flags::HAVE_GC,
    std::mem::size_of::<PyObj<TracebackData>>(),
    dealloc_payload::<TracebackData>,
    &[],
    TB_GETSETS,
)
.with_slots(SlotDefs {
    traverse: Some(tb_traverse),
    ..SlotDefs::EMPTY
});

pub fn new_traceback(next: Option<Value>, frame: Value, lasti: u32, lineno: u32) -> Value {
    alloc_object(&TRACEBACK_TYPE, TracebackData { next, frame, lasti, lineno })
}

fn tb(v: &Value) -> &TracebackData {
    v.downcast::<TracebackData>().expect("traceback")
}
fn tb_next(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(tb(v).next.clone().unwrap_or_else(none::none))
}
fn tb_frame(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(tb(v).frame.clone())
}
fn tb_lineno(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(Value::int(tb(v).lineno as i64))
}
fn tb_lasti(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(Value::int(tb(v).lasti as i64 * 2))
}

static TB_GETSETS: &[GetSetDef] = &[
    GetSetDef { name: "tb_next", get: tb_next, set: None },
    GetSetDef { name: "tb_frame", get: tb_frame, set: None },
    GetSetDef { name: "tb_lineno", get: tb_lineno, set: None },
    GetSetDef { name: "tb_lasti", get: tb_lasti, set: None },
];

fn tb_traverse(h: &ObjHeader, visit: &mut dyn FnMut(&Value)) {
    // SAFETY: called for tracebacks only.
    let d = unsafe { payload_of::<TracebackData>(h) };
    if let Some(n) = &d.next {
        visit(n);
    }
    visit(&d.frame);
}
