//! The `dis` module: disassembly through the bytecode crate's formatter (CPython: `Lib/dis.py`).

use crate::object::Value;
use crate::objects::{function, module, none, str as pystr};
use crate::vm::{PyResult, Vm};

fn dis_dis(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    let (pos, kws) = crate::protocols::args::split_kwargs(args, kw);
    let adaptive = kws.iter().any(|(k, v)| *k == "adaptive" && crate::protocols::object::is_true(vm, v).unwrap_or(false));
    let Some(x) = pos.first() else { return Err(vm.type_error("dis() missing argument")) };
    let code = if let Some(s) = pystr::try_str(x) {
        // As CPython's `dis._try_compile`: an expression if the text is one, else statements.
        let s = s.to_owned();
        match vm.compile_source(&s, "<dis>", pyrite_compiler::Mode::Eval) {
            Ok(code) => code,
            Err(_) => vm.compile_source(&s, "<dis>", pyrite_compiler::Mode::Exec)?,
        }
    } else if x.downcast::<function::CodeData>().is_some() {
        x.clone()
    } else if let Some(f) = x.downcast::<function::FunctionData>() {
        f.code.clone()
    } else if let Some(m) = x.downcast::<function::BoundMethodData>() {
        function::function_data(&m.func).code.clone()
    } else {
        return Err(vm.type_error(format!("don't know how to disassemble {} objects", x.ty().name())));
    };
    let cd = function::code_data(&code);
    // The quickened instructions of this code object and of the code objects nested in it,
    // keyed by the compiled code they run.
    let mut quickened: std::collections::HashMap<*const pyrite_bytecode::CodeObject, Vec<u16>> = Default::default();
    if adaptive {
        fn collect(v: &Value, out: &mut std::collections::HashMap<*const pyrite_bytecode::CodeObject, Vec<u16>>) {
            let Some(cd) = v.downcast::<function::CodeData>() else { return };
            // SAFETY: a read-only copy; nothing executes while `dis` runs.
            out.insert(std::rc::Rc::as_ptr(&cd.code), pyrite_bytecode::adaptive::for_display(unsafe { &*cd.instructions.get() }));
            for c in cd.consts.iter() {
                collect(c, out);
            }
        }
        collect(&code, &mut quickened);
    }
    let opts = pyrite_bytecode::dis::DisOptions::default();
    // Constants print as Python's repr of the value (set order, float repr...); code objects
    // keep the compiler-side repr so nested disassembly headers match their sections.
    let vm_cell = std::cell::RefCell::new(&mut *vm);
    let repr = |c: &pyrite_bytecode::Constant| -> String {
        if matches!(c, pyrite_bytecode::Constant::Code(_)) {
            return const_repr(c);
        }
        let mut vm = vm_cell.borrow_mut();
        let v = function::constant_to_value(&mut vm, c);
        crate::protocols::object::repr_string(&mut vm, &v).unwrap_or_else(|_| const_repr(c))
    };
    let units_of = |c: &pyrite_bytecode::CodeObject| -> Vec<u16> {
        quickened.get(&(c as *const _)).cloned().unwrap_or_else(|| c.code.clone())
    };
    let text = pyrite_bytecode::dis::disassemble_units(&cd.code, &repr, &opts, &units_of);
    drop(vm_cell);
    crate::modules::sys::write_stdout(vm, &text)?;
    Ok(none::none())
}

/// `repr()` of a compile-time constant as `dis` shows it.
pub fn const_repr(c: &pyrite_bytecode::Constant) -> String {
    pyrite_bytecode::dis::default_const_repr(c)
}

pub fn create(vm: &mut Vm) -> Value {
    let m = module::new_module(vm, "dis");
    module::add_function(vm, &m, "dis", dis_dis);
    m
}
