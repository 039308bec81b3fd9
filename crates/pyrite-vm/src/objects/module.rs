//! Module objects (CPython: `Objects/moduleobject.c`).

use crate::object::{alloc_object, dealloc_payload, ObjHeader, Payload, PyObj, Value};
use crate::objects::{dict, none, str as pystr};
use crate::typeobj::{flags, payload_of, PyType, StaticType, NativeFn, SlotDefs};
use crate::vm::{PyResult, Vm};

pub struct ModuleData {
    pub dict: Value,
}

impl Payload for ModuleData {
    fn class() -> &'static PyType {
        &MODULE_TYPE
    }
}

impl ModuleData {
    pub fn name(&self) -> String {
        let key = pystr::new_str("__name__");
        dict::get_str_key(&self.dict, &key).and_then(|n| pystr::try_str(&n).map(str::to_owned)).unwrap_or_else(|| "?".into())
    }
}

pub static MODULE_TYPE: StaticType = StaticType::new(
    "module",
    Some(&crate::objects::object::OBJECT_TYPE),
    flags::BASETYPE | flags::HAVE_GC,
    std::mem::size_of::<PyObj<ModuleData>>(),
    dealloc_payload::<ModuleData>,
    &[],
    MODULE_GETSETS,
)
.with_slots(SlotDefs {
    traverse: Some(module_traverse),
    repr: Some(module_repr),
    getattro: Some(module_getattro),
    setattro: Some(module_setattro),
    new: Some(module_new),
    init: Some(module_init),
    ..SlotDefs::EMPTY
});

/// A new module named `name` with an empty namespace.
pub fn new_module(vm: &mut Vm, name: &str) -> Value {
    let d = dict::new_dict();
    let dd = dict::dict_data(&d).expect("dict");
    dd.set_str(vm.intern("__name__"), pystr::new_str(name));
    dd.set_str(vm.intern("__doc__"), none::none());
    dd.set_str(vm.intern("__package__"), none::none());
    dd.set_str(vm.intern("__loader__"), none::none());
    dd.set_str(vm.intern("__spec__"), none::none());
    alloc_object(&MODULE_TYPE, ModuleData { dict: d })
}

pub fn module_dict(m: &Value) -> Value {
    m.downcast::<ModuleData>().expect("module").dict.clone()
}

/// Add a native function to a module.
pub fn add_function(vm: &mut Vm, m: &Value, name: &'static str, f: NativeFn) {
    let func = crate::objects::descr::new_builtin_function(name, f);
    let key = vm.intern(name);
    dict::dict_data(&module_dict(m)).expect("dict").set_str(key, func);
}

/// Set a module attribute.
pub fn add_value(vm: &mut Vm, m: &Value, name: &str, v: Value) {
    let key = vm.intern(name);
    dict::dict_data(&module_dict(m)).expect("dict").set_str(key, v);
}

fn module_getattro(vm: &mut Vm, obj: &Value, name: &Value) -> PyResult<Value> {
    let d = module_dict(obj);
    if let Some(v) = dict::get_str_key(&d, name) {
        return Ok(v);
    }
    match crate::objects::object::generic_getattr(vm, obj, name) {
        Ok(v) => Ok(v),
        Err(e) => {
            let key = vm.intern("__getattr__");
            if let Some(ga) = dict::get_str_key(&d, &key) {
                return crate::protocols::call::call(vm, &ga, std::slice::from_ref(name), None);
            }
            Err(e)
        }
    }
}

fn module_setattro(vm: &mut Vm, obj: &Value, name: &Value, value: Option<&Value>) -> PyResult<()> {
    let d = module_dict(obj);
    let dd = dict::dict_data(&d).expect("dict");
    match value {
        Some(v) => {
            dd.set(vm, name.clone(), v.clone())?;
            Ok(())
        }
        None => match dd.remove(vm, name)? {
            Some(_) => Ok(()),
            None => Err(crate::objects::object::attribute_error(vm, obj, name)),
        },
    }
}

fn module_repr(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let m = v.downcast::<ModuleData>().expect("module");
    let key = pystr::new_str("__file__");
    Ok(pystr::from_string(match dict::get_str_key(&m.dict, &key).and_then(|f| pystr::try_str(&f).map(str::to_owned)) {
        Some(f) => format!("<module '{}' from '{f}'>", m.name()),
        None => format!("<module '{}' (built-in)>", m.name()),
    }))
}

fn module_traverse(h: &ObjHeader, visit: &mut dyn FnMut(&Value)) {
    // SAFETY: modules only.
    let d = unsafe { payload_of::<ModuleData>(h) };
    visit(&d.dict);
    crate::typeobj::traverse_instance_extras(h, visit);
}

/// `ModuleType(name, doc=None)`.
fn module_new(vm: &mut Vm, cls: &Value, args: &[Value], kwnames: Option<&Value>) -> PyResult<Value> {
    const NEW: crate::protocols::args::Spec = crate::protocols::args::Spec::keywords("module", &[crate::protocols::args::Param::arg("name"), crate::protocols::args::Param::arg_opt("doc")]);
    let a: [Option<Value>; 2] = NEW.parse(vm, args, kwnames)?.map(|o| o.cloned());
    let name = a[0].clone().expect("name");
    let Some(n) = pystr::try_str(&name).map(str::to_owned) else {
        return Err(vm.type_error(format!("module.__init__() argument 'name' must be str, not {}", name.ty().name())));
    };
    let m = new_module(vm, &n);
    if let Some(doc) = &a[1] {
        add_value(vm, &m, "__doc__", doc.clone());
    }
    // SAFETY: cls is a type.
    let cls_ty = unsafe { cls.as_type_unchecked() };
    if std::ptr::eq(cls_ty, &MODULE_TYPE.0) {
        return Ok(m);
    }
    let d = module_dict(&m);
    Ok(crate::object::alloc_object(cls_ty, ModuleData { dict: d }))
}

fn module_init(_vm: &mut Vm, _this: &Value, _args: &[Value], _kw: Option<&Value>) -> PyResult<()> {
    Ok(())
}

fn module_get_dict(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(module_dict(v))
}

static MODULE_GETSETS: &[crate::typeobj::GetSetDef] = &[crate::typeobj::GetSetDef { name: "__dict__", get: module_get_dict, set: None }];
