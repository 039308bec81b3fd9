//! Argument parsing for native functions (CPython: `Python/getargs.c`, Argument Clinic).

use crate::object::Value;
use crate::objects::{str as pystr, tuple};
use crate::vm::{PyResult, Vm};

/// Number of positional arguments in a vectorcall argument array.
#[inline]
pub fn npositional(args: &[Value], kwnames: Option<&Value>) -> usize {
    args.len() - kwnames.map(|k| tuple::items(k).len()).unwrap_or(0)
}

/// Reject keyword arguments.
pub fn no_kwargs(vm: &mut Vm, fname: &str, kwnames: Option<&Value>) -> PyResult<()> {
    match kwnames {
        Some(k) if !tuple::items(k).is_empty() => Err(vm.type_error(format!("{fname}() takes no keyword arguments"))),
        _ => Ok(()),
    }
}

/// Parse positional-or-keyword parameters `names`, the first `required` mandatory.
pub fn parse(vm: &mut Vm, fname: &str, args: &[Value], kwnames: Option<&Value>, names: &[&str], required: usize) -> PyResult<Vec<Option<Value>>> {
    let mut out: Vec<Option<Value>> = vec![None; names.len()];
    parse_into(vm, fname, args, kwnames, names, required, &mut out)?;
    Ok(out)
}

/// [`parse`] into a fixed array: no allocation (for the builtins called in loops).
#[inline]
pub fn parse_n<const N: usize>(vm: &mut Vm, fname: &str, args: &[Value], kwnames: Option<&Value>, names: &[&str; N], required: usize) -> PyResult<[Option<Value>; N]> {
    let mut out: [Option<Value>; N] = std::array::from_fn(|_| None);
    parse_into(vm, fname, args, kwnames, names, required, &mut out)?;
    Ok(out)
}

fn parse_into(vm: &mut Vm, fname: &str, args: &[Value], kwnames: Option<&Value>, names: &[&str], required: usize, out: &mut [Option<Value>]) -> PyResult<()> {
    let npos = npositional(args, kwnames);
    if npos > names.len() {
        return Err(if names.len() == required {
            vm.type_error(format!("{fname}() takes exactly {} argument{} ({npos} given)", names.len(), if names.len() == 1 { "" } else { "s" }))
        } else {
            vm.type_error(format!("{fname}() takes at most {} argument{} ({npos} given)", names.len(), if names.len() == 1 { "" } else { "s" }))
        });
    }
    for (i, a) in args[..npos].iter().enumerate() {
        out[i] = Some(a.clone());
    }
    if let Some(k) = kwnames {
        for (j, key) in tuple::items(k).iter().enumerate() {
            let key = pystr::as_str(key);
            match names.iter().position(|n| *n == key) {
                Some(i) => {
                    if out[i].is_some() {
                        return Err(vm.type_error(format!("argument for {fname}() given by name ('{key}') and position ({})", i + 1)));
                    }
                    out[i] = Some(args[npos + j].clone());
                }
                None => return Err(vm.type_error(format!("{fname}() got an unexpected keyword argument '{key}'"))),
            }
        }
    }
    for (i, v) in out.iter().enumerate().take(required) {
        if v.is_none() {
            return Err(vm.type_error(format!("{fname}() missing required argument '{}' (pos {})", names[i], i + 1)));
        }
    }
    Ok(())
}

pub fn two_optional(vm: &mut Vm, fname: &str, args: &[Value], kwnames: Option<&Value>, a: &str, b: &str) -> PyResult<(Option<Value>, Option<Value>)> {
    let [first, second] = parse_n(vm, fname, args, kwnames, &[a, b], 0)?;
    Ok((first, second))
}

pub fn three_optional(vm: &mut Vm, fname: &str, args: &[Value], kwnames: Option<&Value>, a: &str, b: &str, c: &str) -> PyResult<(Option<Value>, Option<Value>, Option<Value>)> {
    let mut v = parse(vm, fname, args, kwnames, &[a, b, c], 0)?;
    let third = v.pop().flatten();
    let second = v.pop().flatten();
    let first = v.pop().flatten();
    Ok((first, second, third))
}

/// Split vectorcall arguments into positional values and (name, value) keyword pairs.
pub fn split_kwargs<'a>(args: &'a [Value], kwnames: Option<&'a Value>) -> (&'a [Value], Vec<(&'a str, &'a Value)>) {
    let npos = npositional(args, kwnames);
    let kws = match kwnames {
        Some(k) => tuple::items(k).iter().zip(&args[npos..]).map(|(n, v)| (pystr::as_str(n), v)).collect(),
        None => Vec::new(),
    };
    (&args[..npos], kws)
}

/// Check an exact positional count for a method taking no keywords.
pub fn exact(vm: &mut Vm, fname: &str, args: &[Value], kwnames: Option<&Value>, n: usize) -> PyResult<()> {
    no_kwargs(vm, fname, kwnames)?;
    if args.len() != n {
        return Err(if n == 0 {
            vm.type_error(format!("{fname}() takes no arguments ({} given)", args.len()))
        } else if n == 1 {
            vm.type_error(format!("{fname}() takes exactly one argument ({} given)", args.len()))
        } else {
            vm.type_error(format!("{fname} expected {n} arguments, got {}", args.len()))
        });
    }
    Ok(())
}
