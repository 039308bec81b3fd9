//! Calling Python functions: binding arguments to parameters and creating frames
//! (CPython: `initialize_locals` in `Python/ceval.c`).

use pyrite_bytecode::code::flags as co_flags;

use crate::object::Value;
use crate::objects::{dict, function, none, str as pystr, tuple};
use crate::vm::{PyErr, PyResult, Vm};

use super::frame::Frame;
use super::{run_frame, Exit};

/// Call a Python function from native code (re-enters the eval loop).
pub fn call_function(vm: &mut Vm, func: &Value, args: &[Value], kwnames: Option<&Value>) -> PyResult<Value> {
    let frame = make_frame(vm, func, args, kwnames)?;
    let fd = function::function_data(func);
    let flags = fd.code_data().code.flags;
    if flags & (co_flags::GENERATOR | co_flags::COROUTINE | co_flags::ASYNC_GENERATOR) != 0 {
        return Ok(crate::objects::generator::new_generator(vm, frame, func));
    }
    let mut slot = Some(frame);
    let r = run_frame(vm, &mut slot);
    release_slot(vm, slot);
    match r? {
        Exit::Return(v) => Ok(v),
        Exit::Yield(_) => Err(vm.new_exception(crate::objects::exceptions::system_error(), "yield outside generator")),
    }
}

/// The frame for a call that `specialize::simple_positional_call` accepted: the `total`
/// arguments are moved (not copied) out of the caller's stack slots at `args`, and missing
/// trailing parameters take their defaults.
///
/// # Safety
/// `func` is a Python function for which `simple_positional_call(fd, total)` holds, and `args`
/// points at `total` live (non-NULL) stack slots, which are left empty.
#[inline]
pub unsafe fn frame_for_simple_call(vm: &mut Vm, func: Value, args: *mut Option<Value>, total: usize) -> Box<Frame> {
    // SAFETY: by the caller's contract (`# Safety` above) `func` passes `simple_positional_call`
    // (so the frame's slots have room for the parameters) and `args` points at `total` live stack
    // slots, each read once and left empty.
    unsafe {
        let (nlocalsplus, size, argcount) = {
            let cd = func.payload_unchecked::<function::FunctionData>().code_data();
            let nlocalsplus = cd.localsplusnames.len();
            (nlocalsplus, nlocalsplus + cd.code.stacksize as usize + 1, cd.code.argcount as usize)
        };
        let mut frame = vm.frames.function_frame(func, nlocalsplus, size);
        let slots = frame.slots.as_mut_ptr();
        // The new frame's slots are empty (nothing to drop): move each argument in, leaving its
        // stack slot empty. Calls pass few arguments: the first three are moved without a loop
        // (which LLVM would unroll and vectorise for long counts).
        let move_arg = |k: usize| std::ptr::write(slots.add(k), (*args.add(k)).take());
        if total > 0 {
            move_arg(0);
            if total > 1 {
                move_arg(1);
                if total > 2 {
                    move_arg(2);
                    for k in 3..total {
                        move_arg(k);
                    }
                }
            }
        }
        if total < argcount {
            let fd = frame.func.as_ref().unwrap_unchecked().payload_unchecked::<function::FunctionData>();
            let defaults = tuple::items(fd.defaults().unwrap_unchecked());
            let n = defaults.len();
            for k in total..argcount {
                *slots.add(k) = Some(defaults.get_unchecked(n - (argcount - k)).clone());
            }
        }
        frame
    }
}

/// Create the frame for calling `func` with vectorcall arguments (binding parameters).
pub fn make_frame(vm: &mut Vm, func: &Value, args: &[Value], kwnames: Option<&Value>) -> PyResult<Box<Frame>> {
    let fd = function::function_data(func);
    let cd = fd.code_data();
    let code = &cd.code;
    let nlocalsplus = code.localsplusnames.len();
    let size = nlocalsplus + code.stacksize as usize + 1;
    let mut frame = vm.frames.function_frame(func.clone(), nlocalsplus, size);
    let argcount = code.argcount as usize;
    let kwnames_items = kwnames.map(tuple::items).unwrap_or(&[]);
    let npos = args.len() - kwnames_items.len();
    let flags = code.flags;
    if kwnames_items.is_empty() && npos == argcount && code.kwonlyargcount == 0 && flags & (co_flags::VARARGS | co_flags::VARKEYWORDS) == 0 {
        for (slot, a) in frame.slots.iter_mut().zip(args) {
            *slot = Some(a.clone());
        }
    } else if let Err(e) = bind_arguments(vm, fd, &mut frame.slots, args, npos, kwnames_items) {
        frame.sp = frame.stack_base;
        vm.frames.release(frame);
        return Err(e);
    }
    Ok(frame)
}

/// Bind `args` (positional, then the values of the `kwnames` keywords) to the parameters of
/// `fd` in `slots`: extra positionals into `*args`, unknown keywords into `**kwargs`, defaults
/// for what is missing. Nothing is allocated on the way unless the function takes `*args` or
/// `**kwargs`, or the call is an error.
fn bind_arguments(vm: &mut Vm, fd: &function::FunctionData, slots: &mut [Option<Value>], args: &[Value], npos: usize, kwnames: &[Value]) -> PyResult<()> {
    let cd = fd.code_data();
    let code = &cd.code;
    let argcount = code.argcount as usize;
    let posonly = code.posonlyargcount as usize;
    let kwonly = code.kwonlyargcount as usize;
    let total_params = argcount + kwonly;
    let has_varargs = code.flags & co_flags::VARARGS != 0;
    let has_varkw = code.flags & co_flags::VARKEYWORDS != 0;
    // The name only error messages need.
    let fname = || pystr::as_str(&fd.qualname()).to_owned();
    let varargs_index = total_params;
    let varkw_index = total_params + has_varargs as usize;

    // Positional arguments.
    let ncopy = npos.min(argcount);
    for i in 0..ncopy {
        slots[i] = Some(args[i].clone());
    }
    if has_varargs {
        slots[varargs_index] = Some(tuple::new_tuple(args[ncopy..npos].to_vec()));
    } else if npos > argcount {
        return Err(too_many_positional(vm, fd, &fname(), npos, kwnames, args));
    }
    let kwdict = if has_varkw {
        let d = dict::new_dict();
        slots[varkw_index] = Some(d.clone());
        Some(d)
    } else {
        None
    };
    // Keyword arguments.
    let mut posonly_as_kw: Vec<String> = Vec::new();
    for (j, key) in kwnames.iter().enumerate() {
        let value = &args[npos + j];
        let k = pystr::as_str(key);
        // Keyword names and parameter names are interned: identity finds them, and the text
        // is compared only when it does not (a keyword built at run time, `**kwargs`).
        let params = &cd.localsplusnames[..total_params];
        let idx = params.iter().position(|n| n.is(key)).or_else(|| params.iter().position(|n| pystr::as_str(n) == k));
        match idx {
            Some(i) if i >= posonly => {
                if slots[i].is_some() {
                    return Err(vm.type_error(format!("{}() got multiple values for argument '{k}'", fname())));
                }
                slots[i] = Some(value.clone());
            }
            Some(_) if kwdict.is_none() => posonly_as_kw.push(k.to_owned()),
            _ => match &kwdict {
                Some(d) => {
                    let dd = dict::dict_data(d).expect("dict");
                    if dd.get_str(key).is_some() {
                        return Err(vm.type_error(format!("{}() got multiple values for argument '{k}'", fname())));
                    }
                    dd.set_str(key.clone(), value.clone());
                }
                None => {
                    return Err(vm.type_error(format!("{}() got an unexpected keyword argument '{k}'", fname())));
                }
            },
        }
    }
    if !posonly_as_kw.is_empty() {
        return Err(vm.type_error(format!(
            "{}() got some positional-only arguments passed as keyword arguments: '{}'",
            fname(),
            posonly_as_kw.join(", ")
        )));
    }
    // Defaults for missing positional parameters.
    let defaults: &[Value] = fd.defaults().map(tuple::items).unwrap_or(&[]);
    let first_default = argcount - defaults.len().min(argcount);
    let mut missing = Vec::new();
    for i in npos.min(argcount)..argcount {
        if slots[i].is_none() {
            if i >= first_default {
                slots[i] = Some(defaults[i - first_default].clone());
            } else {
                missing.push(pystr::as_str(&cd.localsplusnames[i]).to_owned());
            }
        }
    }
    if !missing.is_empty() {
        return Err(missing_error(vm, &fname(), &missing, "positional"));
    }
    // Keyword-only defaults.
    let mut missing = Vec::new();
    for i in argcount..total_params {
        if slots[i].is_none() {
            let name = &cd.localsplusnames[i];
            let dflt = fd.kwdefaults().and_then(|d| dict::get_str_key(d, name));
            match dflt {
                Some(v) => slots[i] = Some(v),
                None => missing.push(pystr::as_str(name).to_owned()),
            }
        }
    }
    if !missing.is_empty() {
        return Err(missing_error(vm, &fname(), &missing, "keyword-only"));
    }
    Ok(())
}

fn missing_error(vm: &mut Vm, fname: &str, missing: &[String], kind: &str) -> PyErr {
    let quoted: Vec<String> = missing.iter().map(|m| format!("'{m}'")).collect();
    let list = match quoted.len() {
        1 => quoted[0].clone(),
        2 => format!("{} and {}", quoted[0], quoted[1]),
        n => format!("{}, and {}", quoted[..n - 1].join(", "), quoted[n - 1]),
    };
    vm.type_error(format!(
        "{fname}() missing {} required {kind} argument{}: {list}",
        missing.len(),
        if missing.len() == 1 { "" } else { "s" }
    ))
}

fn too_many_positional(vm: &mut Vm, fd: &function::FunctionData, fname: &str, given: usize, kwnames: &[Value], _args: &[Value]) -> PyErr {
    let code = &fd.code_data().code;
    let argcount = code.argcount as usize;
    let ndefaults = fd.defaults().map(|d| tuple::items(d).len()).unwrap_or(0);
    let kwonly_given = kwnames.iter().filter(|k| {
        let names = &fd.code_data().localsplusnames[argcount..argcount + code.kwonlyargcount as usize];
        names.iter().any(|n| pystr::str_eq(n, k))
    }).count();
    let takes = if ndefaults > 0 {
        format!("from {} to {}", argcount - ndefaults, argcount)
    } else {
        argcount.to_string()
    };
    let plural = if ndefaults == 0 && argcount == 1 { "" } else { "s" };
    let was = if given == 1 { "was" } else { "were" };
    if kwonly_given > 0 {
        return vm.type_error(format!(
            "{fname}() takes {takes} positional argument{plural} but {given} positional argument{} (and {kwonly_given} keyword-only argument{}) {was} given",
            if given == 1 { "" } else { "s" },
            if kwonly_given == 1 { "" } else { "s" }
        ));
    }
    vm.type_error(format!("{fname}() takes {takes} positional argument{plural} but {given} {was} given"))
}

/// Build a frame that runs module or class-body code with `locals` as its namespace.
pub fn make_namespace_frame(vm: &mut Vm, code: &Value, globals: &Value, locals: Option<Value>) -> Box<Frame> {
    let cd = function::code_data(code);
    let nlocalsplus = cd.code.localsplusnames.len();
    let size = nlocalsplus + cd.code.stacksize as usize + 1;
    let builtins = {
        let key = vm.intern("__builtins__");
        match dict::get_str_key(globals, &key) {
            Some(b) if dict::dict_data(&b).is_some() => b,
            Some(b) if b.downcast::<crate::objects::module::ModuleData>().is_some() => crate::objects::module::module_dict(&b),
            _ => vm.builtins().clone(),
        }
    };
    vm.frames.frame(code.clone(), None, globals.clone(), builtins, locals, nlocalsplus, size)
}

/// Run module-level code in `globals` (also the locals).
pub fn run_code(vm: &mut Vm, code: &Value, globals: &Value, locals: Option<Value>) -> PyResult<Value> {
    let locals = locals.unwrap_or_else(|| globals.clone());
    let frame = make_namespace_frame(vm, code, globals, Some(locals));
    let mut slot = Some(frame);
    let r = run_frame(vm, &mut slot);
    release_slot(vm, slot);
    match r? {
        Exit::Return(v) => Ok(v),
        Exit::Yield(_) => Ok(none::none()),
    }
}

/// Run a class body with the closure of the class-body function.
pub fn run_class_body(vm: &mut Vm, func: &Value, ns: &Value) -> PyResult<Value> {
    let fd = function::function_data(func);
    let code = fd.code.clone();
    let globals = fd.globals.clone();
    let mut frame = make_namespace_frame(vm, &code, &globals, Some(ns.clone()));
    frame.func = Some(func.clone());
    let mut slot = Some(frame);
    let r = run_frame(vm, &mut slot);
    release_slot(vm, slot);
    match r? {
        Exit::Return(v) => Ok(v),
        Exit::Yield(_) => Ok(none::none()),
    }
}

/// Release the frame a finished `run_frame` left in `slot`.
#[inline]
fn release_slot(vm: &mut Vm, slot: Option<Box<Frame>>) {
    if let Some(frame) = slot {
        super::release_frame(vm, frame);
    }
}
