//! The `builtins` module (CPython: `Python/bltinmodule.c`).

use crate::object::Value;
use crate::objects::{dict, exceptions, int, list, module, none, str as pystr, tuple};
use crate::protocols::args::{self as pargs, Param, Spec};
use crate::protocols::{call, iter, number, object as ob};
use crate::typeobj::{CompareOp, NativeFn};
use crate::vm::{PyResult, Vm};

/// `ascii(v)`: repr with non-ASCII characters escaped.
pub fn ascii_of(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let r = ob::repr_string(vm, v)?;
    let mut out = String::with_capacity(r.len());
    for c in r.chars() {
        let n = c as u32;
        if n < 128 {
            out.push(c);
        } else if n < 0x100 {
            out.push_str(&format!("\\x{n:02x}"));
        } else if n < 0x10000 {
            out.push_str(&format!("\\u{n:04x}"));
        } else {
            out.push_str(&format!("\\U{n:08x}"));
        }
    }
    Ok(pystr::from_string(out))
}

/// `format(v, spec)` through `type(v).__format__`.
pub fn format_with_spec(vm: &mut Vm, v: &Value, spec: &str) -> PyResult<Value> {
    let spec_v = pystr::new_str(spec);
    let Some(f) = v.ty().lookup_str(vm, "__format__") else {
        return Err(vm.type_error(format!("Type {} doesn't define __format__", v.ty().name())));
    };
    let r = call::call_method_value(vm, &f, v, &[spec_v])?;
    if !pystr::is_str(&r) {
        return Err(vm.type_error(format!("__format__ must return a str, not {}", r.ty().name())));
    }
    Ok(r)
}

fn b_print(vm: &mut Vm, args: &[Value], kwnames: Option<&Value>) -> PyResult<Value> {
    // `print(*args, sep=' ', end='\n', file=None, flush=False)`: the keywords are parsed alone.
    static PRINT: Spec = Spec::keywords_after_star("print", &[Param::kw_opt("sep"), Param::kw_opt("end"), Param::kw_opt("file"), Param::kw_opt("flush")]);
    let npos = pargs::npositional(args, kwnames);
    let pos = &args[..npos];
    let [sep_v, end_v, file_v, flush_v] = match kwnames {
        None => [None; 4],
        Some(_) => PRINT.parse(vm, &args[npos..], kwnames)?,
    };
    // Clinic converts `flush` (a bool) while parsing, before the body checks sep and end.
    let flush = match flush_v {
        Some(v) => ob::is_true(vm, v)?,
        None => false,
    };
    let mut sep = " ".to_owned();
    let mut end = "\n".to_owned();
    for (v, out, what) in [(sep_v, &mut sep, "sep"), (end_v, &mut end, "end")] {
        match v {
            Some(v) if !none::is_none(v) => match pystr::try_str(v) {
                Some(s) => *out = s.to_owned(),
                None => return Err(vm.type_error(format!("{what} must be None or a string, not {}", v.ty().name()))),
            },
            _ => {}
        }
    }
    let file: Option<Value> = file_v.filter(|f| !none::is_none(f)).cloned();
    let file = match file {
        Some(f) => f,
        None => {
            let sys = vm.sys_module().clone();
            ob::getattr_str(vm, &sys, "stdout")?
        }
    };
    if file.downcast_exact::<crate::modules::_io::textio::StreamData>().is_some() {
        // The real stream: format once and write once.
        let fd = file.downcast_exact::<crate::modules::_io::textio::StreamData>().expect("stream").fd;
        let mut out: Vec<u8> = Vec::new();
        for (i, a) in pos.iter().enumerate() {
            if i > 0 {
                out.extend_from_slice(sep.as_bytes());
            }
            let s = ob::str(vm, a)?;
            out.extend_from_slice(&crate::modules::_io::textio::encode_for_stream(vm, fd, &s)?);
        }
        out.extend_from_slice(end.as_bytes());
        vm.write_fd_bytes(fd, &out);
        if flush {
            vm.flush_stdout();
        }
        return Ok(none::none());
    }
    // Any other file object sees each piece in its own write() call, as in CPython.
    let write = ob::getattr_str(vm, &file, "write")?;
    for (i, a) in pos.iter().enumerate() {
        if i > 0 {
            call::call(vm, &write, &[pystr::new_str(&sep)], None)?;
        }
        let s = ob::str(vm, a)?;
        call::call(vm, &write, &[s], None)?;
    }
    call::call(vm, &write, &[pystr::new_str(&end)], None)?;
    if flush {
        let _ = call::call_method(vm, &file, "flush", &[]);
    }
    Ok(none::none())
}

/// A `METH_O` builtin's argument.
#[inline]
fn one_arg<'a>(vm: &mut Vm, spec: &Spec, args: &'a [Value], kwnames: Option<&Value>) -> PyResult<&'a Value> {
    let [a] = spec.parse(vm, args, kwnames)?;
    Ok(a.expect("bound"))
}

pub(crate) fn b_len(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    let a = one_arg(vm, &Spec::one("len"), args, kw)?;
    Ok(int::from_usize(ob::len(vm, a)?))
}
fn b_repr(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    let a = one_arg(vm, &Spec::one("repr"), args, kw)?;
    ob::repr(vm, a)
}
fn b_ascii(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    let a = one_arg(vm, &Spec::one("ascii"), args, kw)?;
    ascii_of(vm, a)
}
fn b_hash(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    let a = one_arg(vm, &Spec::one("hash"), args, kw)?;
    Ok(Value::int(ob::hash(vm, a)?))
}
fn b_id(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    let a = one_arg(vm, &Spec::one("id"), args, kw)?;
    Ok(int::from_i128(a.bits() as i128))
}
fn b_abs(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    let a = one_arg(vm, &Spec::one("abs"), args, kw)?;
    if let Some(i) = a.as_small_int() {
        return Ok(Value::int(i.abs()));
    }
    number::absolute(vm, a)
}
fn b_callable(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    let a = one_arg(vm, &Spec::one("callable"), args, kw)?;
    Ok(none::bool_value(a.ty().slots.call.get().is_some()))
}
fn b_iter(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    const ITER: Spec = Spec::positional("iter", &[Param::pos("object"), Param::pos_opt("sentinel")]);
    match ITER.check(vm, args, kw)? {
        [a] => iter::get_iter(vm, a),
        [f, sentinel] => {
            if f.ty().slots.call.get().is_none() {
                return Err(vm.type_error("iter(object, sentinel): object must be callable"));
            }
            Ok(crate::objects::iter::new_callable_iterator(f.clone(), sentinel.clone()))
        }
        _ => unreachable!("checked"),
    }
}
fn b_next(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    const NEXT: Spec = Spec::positional("next", &[Param::pos("iterator"), Param::pos_opt("default")]);
    let [it, default] = NEXT.parse(vm, args, kw)?;
    let it = it.expect("required");
    let Some(f) = it.ty().slots.iternext.get() else {
        return Err(vm.type_error(format!("'{}' object is not an iterator", it.ty().name())));
    };
    match f(vm, it) {
        Ok(Some(v)) => Ok(v),
        Ok(None) => match default {
            Some(d) => Ok(d.clone()),
            None => Err(vm.stop_iteration(None)),
        },
        Err(e) if default.is_some() && e.matches(exceptions::stop_iteration()) => Ok(default.expect("default").clone()),
        Err(e) => Err(e),
    }
}
pub(crate) fn b_isinstance(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    const SPEC: Spec = Spec::positional("isinstance", &[Param::pos("obj"), Param::pos("class_or_tuple")]);
    let [o, c] = SPEC.check(vm, args, kw)? else { unreachable!("checked") };
    Ok(none::bool_value(ob::isinstance(vm, o, c)?))
}
fn b_issubclass(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    const SPEC: Spec = Spec::positional("issubclass", &[Param::pos("obj"), Param::pos("class_or_tuple")]);
    let [o, c] = SPEC.check(vm, args, kw)? else { unreachable!("checked") };
    Ok(none::bool_value(ob::issubclass(vm, o, c)?))
}
fn attr_name(vm: &mut Vm, fname: &str, n: &Value) -> PyResult<Value> {
    if pystr::is_str(n) {
        Ok(n.clone())
    } else {
        Err(vm.type_error(format!("{fname}(): attribute name must be string, not '{}'", n.ty().name())))
    }
}
fn b_getattr(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    const GETATTR: Spec = Spec::positional("getattr", &[Param::pos("object"), Param::pos("name"), Param::pos_opt("default")]);
    match GETATTR.check(vm, args, kw)? {
        [o, n] => {
            let n = attr_name(vm, "getattr", n)?;
            ob::getattr(vm, o, &n)
        }
        [o, n, d] => {
            let n = attr_name(vm, "getattr", n)?;
            match ob::getattr(vm, o, &n) {
                Err(e) if e.matches(exceptions::attribute_error()) => Ok(d.clone()),
                r => r,
            }
        }
        _ => unreachable!("checked"),
    }
}
fn b_setattr(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    const SETATTR: Spec = Spec::positional("setattr", &[Param::pos("obj"), Param::pos("name"), Param::pos("value")]);
    let [o, n, v] = SETATTR.check(vm, args, kw)? else { unreachable!("checked") };
    let n = attr_name(vm, "setattr", n)?;
    ob::setattr(vm, o, &n, Some(v))?;
    Ok(none::none())
}
fn b_delattr(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    const SPEC: Spec = Spec::positional("delattr", &[Param::pos("obj"), Param::pos("name")]);
    let [o, n] = SPEC.check(vm, args, kw)? else { unreachable!("checked") };
    let n = attr_name(vm, "delattr", n)?;
    ob::setattr(vm, o, &n, None)?;
    Ok(none::none())
}
fn b_hasattr(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    const SPEC: Spec = Spec::positional("hasattr", &[Param::pos("obj"), Param::pos("name")]);
    let [o, n] = SPEC.check(vm, args, kw)? else { unreachable!("checked") };
    let n = attr_name(vm, "hasattr", n)?;
    match ob::getattr(vm, o, &n) {
        Ok(_) => Ok(none::bool_value(true)),
        Err(e) if e.matches(exceptions::attribute_error()) => Ok(none::bool_value(false)),
        Err(e) => Err(e),
    }
}
fn b_ord(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    let a = one_arg(vm, &Spec::one("ord"), args, kw)?;
    if let Some(s) = pystr::str_data(a) {
        return match s.len {
            1 => Ok(Value::int(s.char_at(0) as i64)),
            n => Err(vm.type_error(format!("ord() expected a character, but string of length {n} found"))),
        };
    }
    if let Some(b) = crate::objects::bytes::bytes_like(a) {
        if b.len() == 1 {
            return Ok(Value::int(b[0] as i64));
        }
        return Err(vm.type_error(format!("ord() expected a character, but string of length {} found", b.len())));
    }
    Err(vm.type_error(format!("ord() expected string of length 1, but {} found", a.ty().name())))
}
fn b_chr(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    let a = one_arg(vm, &Spec::one("chr"), args, kw)?;
    let i = match int::as_int(a) {
        Some(r) => r.to_i64(),
        None => return Err(vm.type_error(format!("'{}' object cannot be interpreted as an integer", a.ty().name()))),
    };
    match i {
        Some(i) if (0..0x110000).contains(&i) => Ok(pystr::code_point_value(vm, i as u32)),
        Some(i) if i32::try_from(i).is_ok() => Err(vm.value_error("chr() arg not in range(0x110000)")),
        _ => Err(vm.overflow_error("Python int too large to convert to C int")),
    }
}
fn int_base_repr(vm: &mut Vm, a: &Value, radix: u32, prefix: &str) -> PyResult<Value> {
    let v = number::index(vm, a)?;
    let b = int::as_int(&v).expect("int").to_bigint();
    let neg = b.sign() == num_bigint::Sign::Minus;
    let digits = b.magnitude().to_str_radix(radix);
    Ok(pystr::from_string(format!("{}{prefix}{digits}", if neg { "-" } else { "" })))
}
fn b_hex(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    let a = one_arg(vm, &Spec::one("hex"), args, kw)?;
    int_base_repr(vm, a, 16, "0x")
}
fn b_oct(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    let a = one_arg(vm, &Spec::one("oct"), args, kw)?;
    int_base_repr(vm, a, 8, "0o")
}
fn b_bin(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    let a = one_arg(vm, &Spec::one("bin"), args, kw)?;
    int_base_repr(vm, a, 2, "0b")
}
fn b_format(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    const FORMAT: Spec = Spec::positional("format", &[Param::pos("value"), Param::pos_opt("format_spec")]);
    let [v, spec] = FORMAT.parse(vm, args, kw)?;
    let spec = match spec {
        Some(s) => match pystr::try_str(s) {
            Some(s) => s.to_owned(),
            None => return Err(FORMAT.bad_argument(vm, 1, "str", s)),
        },
        None => String::new(),
    };
    format_with_spec(vm, v.expect("required"), &spec)
}
fn b_divmod(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    const DIVMOD: Spec = Spec::positional("divmod", &[Param::pos("x"), Param::pos("y")]);
    let [a, b] = DIVMOD.check(vm, args, kw)? else { unreachable!("checked") };
    if int::is_int(a) && int::is_int(b) {
        let q = number::binary_op(vm, a, b, pyrite_bytecode::opcode::binop::FLOOR_DIVIDE)?;
        let r = number::binary_op(vm, a, b, pyrite_bytecode::opcode::binop::REMAINDER)?;
        return Ok(tuple::new_tuple(vec![q, r]));
    }
    if let Some(f) = a.ty().lookup_str(vm, "__divmod__") {
        let r = call::call_method_value(vm, &f, a, std::slice::from_ref(b))?;
        if !none::is_not_implemented(&r) {
            return Ok(r);
        }
    }
    if let Some(f) = b.ty().lookup_str(vm, "__rdivmod__") {
        let r = call::call_method_value(vm, &f, b, std::slice::from_ref(a))?;
        if !none::is_not_implemented(&r) {
            return Ok(r);
        }
    }
    Err(vm.type_error(format!("unsupported operand type(s) for divmod(): '{}' and '{}'", a.ty().name(), b.ty().name())))
}
fn b_pow(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    const POW: Spec = Spec::keywords("pow", &[Param::arg("base"), Param::arg("exp"), Param::arg_opt("mod")]);
    let [x, y, m] = POW.parse(vm, args, kw)?;
    let (x, y) = (x.expect("required").clone(), y.expect("required").clone());
    match m {
        Some(m) if !none::is_none(m) => {
            if let (Some(xi), Some(yi), Some(mi)) = (int::as_int(&x), int::as_int(&y), int::as_int(m)) {
                let (xb, mut yb, mb) = (xi.to_bigint(), yi.to_bigint(), mi.to_bigint());
                use num_traits::{Signed, Zero};
                if mb.is_zero() {
                    return Err(vm.value_error("pow() 3rd argument cannot be 0"));
                }
                let mut base = xb;
                if yb.is_negative() {
                    match int::mod_inverse(&base, &mb) {
                        Some(inv) => {
                            base = inv;
                            yb = -yb;
                        }
                        None => return Err(vm.value_error("base is not invertible for the given modulus")),
                    }
                }
                let mabs = mb.abs();
                let mut r = base.modpow(&yb, &mabs);
                if mb.is_negative() && !r.is_zero() {
                    r += &mb;
                } else if r.is_negative() {
                    r += &mabs;
                }
                return Ok(int::from_bigint(r));
            }
            let is_complex = |v: &Value| v.downcast::<crate::objects::complex::ComplexData>().is_some();
            if is_complex(&x) || is_complex(&y) || is_complex(m) {
                return Err(vm.value_error("complex modulo"));
            }
            if x.ty().is_heap_type() {
                if let Some(f) = x.ty().lookup_str(vm, "__pow__") {
                    return call::call_method_value(vm, &f, &x, &[y, m.clone()]);
                }
            }
            Err(vm.type_error("pow() 3rd argument not allowed unless all arguments are integers"))
        }
        _ => number::binary_op(vm, &x, &y, pyrite_bytecode::opcode::binop::POWER),
    }
}
fn b_round(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    const ROUND: Spec = Spec::keywords("round", &[Param::arg("number"), Param::arg_opt("ndigits")]);
    let [x, ndigits] = ROUND.parse(vm, args, kw)?;
    let x = x.expect("required");
    let Some(f) = x.ty().lookup_str(vm, "__round__") else {
        return Err(vm.type_error(format!("type {} doesn't define __round__ method", x.ty().name())));
    };
    match ndigits {
        Some(n) if !none::is_none(n) => call::call_method_value(vm, &f, x, std::slice::from_ref(n)),
        _ => call::call_method_value(vm, &f, x, &[]),
    }
}
fn b_sum(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    const SUM: Spec = Spec::keywords("sum", &[Param::pos("iterable"), Param::arg_opt("start")]);
    let [src, start] = SUM.parse(vm, args, kw)?;
    let mut acc = start.cloned().unwrap_or(Value::small_int(0));
    if pystr::is_str(&acc) {
        return Err(vm.type_error("sum() can't sum strings [use ''.join(seq) instead]"));
    }
    let src = src.expect("required").clone();
    // Fast path: range of small ints.
    if let Some(r) = src.downcast_exact::<crate::objects::range::RangeData>() {
        if let (Some((start, _stop, step, len)), Some(acc0)) = (r.fast, acc.as_small_int()) {
            // Arithmetic series: len*start + step*len*(len-1)/2.
            let (s, st, n) = (start as i128, step as i128, len as i128);
            return Ok(int::from_i128(acc0 as i128 + n * s + st * n * (n - 1) / 2));
        }
    }
    let it = iter::get_iter(vm, &src)?;
    // Fast paths as CPython's: exact ints accumulate in a machine integer, exact floats
    // with Neumaier compensated summation (3.12), until another type shows up.
    let mut small: Option<i128> = acc.as_small_int().map(|i| i as i128);
    let mut fsum: Option<(f64, f64)> = crate::objects::float::exact_float(&acc).map(|f| (f, 0.0));
    while let Some(x) = iter::next(vm, &it)? {
        if let (Some(s), Some(xi)) = (small, x.as_small_int()) {
            let n = s + xi as i128;
            if n.unsigned_abs() < (1u128 << 100) {
                small = Some(n);
                continue;
            }
        }
        if let Some(s) = small {
            if crate::objects::float::exact_float(&x).is_some() {
                small = None;
                fsum = Some((s as f64, 0.0));
            }
        }
        if let Some((f, c)) = fsum {
            let xf = match (crate::objects::float::exact_float(&x), x.as_small_int()) {
                (Some(xf), _) => Some(xf),
                (None, Some(xi)) if xi.unsigned_abs() < (1u64 << 53) => Some(xi as f64),
                _ => None,
            };
            if let Some(xf) = xf {
                let t = f + xf;
                let c = if f.abs() >= xf.abs() { c + ((f - t) + xf) } else { c + ((xf - t) + f) };
                fsum = Some((t, c));
                continue;
            }
            acc = crate::objects::float::new_float(if c.is_finite() { f + c } else { f });
            fsum = None;
        }
        if let Some(s) = small.take() {
            acc = int::from_i128(s);
        }
        acc = number::binary_op(vm, &acc, &x, pyrite_bytecode::opcode::binop::ADD)?;
    }
    if let Some(s) = small {
        acc = int::from_i128(s);
    }
    if let Some((f, c)) = fsum {
        acc = crate::objects::float::new_float(if c.is_finite() { f + c } else { f });
    }
    Ok(acc)
}
fn min_max(vm: &mut Vm, args: &[Value], kwnames: Option<&Value>, op: CompareOp, name: &str) -> PyResult<Value> {
    // CPython parses the keywords alone ("|$OO:min" applied to an empty tuple).
    static MIN: Spec = Spec::keywords("min", &[Param::kw_opt("key"), Param::kw_opt("default")]);
    static MAX: Spec = Spec::keywords("max", &[Param::kw_opt("key"), Param::kw_opt("default")]);
    let npos = pargs::npositional(args, kwnames);
    let pos = &args[..npos];
    if pos.is_empty() {
        return Err(vm.type_error(format!("{name} expected at least 1 argument, got 0")));
    }
    let [key, default] = match kwnames {
        None => [None, None],
        Some(_) => (if op == CompareOp::Lt { &MIN } else { &MAX }).parse(vm, &args[npos..], kwnames)?,
    };
    let key = key.filter(|k| !none::is_none(k)).cloned();
    let default = default.cloned();
    let items: Vec<Value> = match pos {
        [] => return Err(vm.type_error(format!("{name} expected at least 1 argument, got 0"))),
        [one] => iter::collect(vm, one)?,
        many => {
            if default.is_some() {
                return Err(vm.type_error(format!("Cannot specify a default for {name}() with multiple positional arguments")));
            }
            many.to_vec()
        }
    };
    let mut best: Option<(Value, Value)> = None;
    for it in items {
        let k = match &key {
            Some(f) => call::call(vm, f, std::slice::from_ref(&it), None)?,
            None => it.clone(),
        };
        match &best {
            None => best = Some((k, it)),
            Some((bk, _)) => {
                if ob::richcompare_bool(vm, &k, bk, op)? {
                    best = Some((k, it));
                }
            }
        }
    }
    match best {
        Some((_, v)) => Ok(v),
        None => match default {
            Some(d) => Ok(d),
            None => Err(vm.value_error(format!("{name}() iterable argument is empty"))),
        },
    }
}
fn b_min(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    min_max(vm, args, kw, CompareOp::Lt, "min")
}
fn b_max(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    min_max(vm, args, kw, CompareOp::Gt, "max")
}
fn b_any(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    let a = one_arg(vm, &Spec::one("any"), args, kw)?;
    let it = iter::get_iter(vm, a)?;
    while let Some(x) = iter::next(vm, &it)? {
        if ob::is_true(vm, &x)? {
            return Ok(none::bool_value(true));
        }
    }
    Ok(none::bool_value(false))
}
fn b_all(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    let a = one_arg(vm, &Spec::one("all"), args, kw)?;
    let it = iter::get_iter(vm, a)?;
    while let Some(x) = iter::next(vm, &it)? {
        if !ob::is_true(vm, &x)? {
            return Ok(none::bool_value(false));
        }
    }
    Ok(none::bool_value(true))
}
fn b_sorted(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    // The keywords go on to `list.sort`.
    const SORTED: Spec = Spec::positional("sorted", &[Param::pos("iterable")]);
    let npos = pargs::npositional(args, kw);
    SORTED.check(vm, &args[..npos], None)?;
    let items = iter::collect(vm, &args[0])?;
    let l = list::new_list(items);
    let sort = ob::getattr_str(vm, &l, "sort")?;
    call::call(vm, &sort, &args[1..], kw)?;
    Ok(l)
}
fn b_globals(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    Spec::noargs("globals").check(vm, args, kw)?;
    Ok(vm.current_globals().unwrap_or_else(dict::new_dict))
}
fn b_locals(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    Spec::noargs("locals").check(vm, args, kw)?;
    Ok(vm.current_locals().unwrap_or_else(dict::new_dict))
}
fn b_vars(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    const VARS: Spec = Spec::positional("vars", &[Param::pos_opt("object")]);
    match VARS.check(vm, args, kw)? {
        [] => b_locals(vm, args, kw),
        [o] => match ob::getattr_str(vm, o, "__dict__") {
            Ok(d) => Ok(d),
            Err(e) if e.matches(exceptions::attribute_error()) => Err(vm.type_error("vars() argument must have __dict__ attribute")),
            Err(e) => Err(e),
        },
        _ => unreachable!("checked"),
    }
}
fn b_dir(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    const DIR: Spec = Spec::positional("dir", &[Param::pos_opt("object")]);
    let names = match DIR.check(vm, args, kw)? {
        [] => {
            let l = vm.current_locals().unwrap_or_else(dict::new_dict);
            iter::collect(vm, &l)?
        }
        [o] => {
            let r = match o.downcast::<module::ModuleData>() {
                Some(m) => dict::dict_data(&m.dict).expect("dict").keys(),
                None => {
                    let Some(f) = o.ty().lookup_str(vm, "__dir__") else { return Ok(list::new_list(vec![])) };
                    let r = if o.as_type().is_some() && o.ty().is_subtype(crate::typeobj::type_type()) {
                        let tdir = crate::typeobj::type_type().lookup_str(vm, "__dir__").expect("type.__dir__");
                        let f = if o.ty().is_heap_type() { f } else { tdir };
                        call::call_method_value(vm, &f, o, &[])?
                    } else {
                        call::call_method_value(vm, &f, o, &[])?
                    };
                    iter::collect(vm, &r)?
                }
            };
            r
        }
        _ => unreachable!("checked"),
    };
    let l = list::new_list(names);
    let sort = ob::getattr_str(vm, &l, "sort")?;
    call::call(vm, &sort, &[], None)?;
    Ok(l)
}
fn b_build_class(vm: &mut Vm, args: &[Value], kwnames: Option<&Value>) -> PyResult<Value> {
    let (pos, kws) = pargs::split_kwargs(args, kwnames);
    if pos.len() < 2 {
        return Err(vm.type_error("__build_class__: not enough arguments"));
    }
    let func = pos[0].clone();
    let name = pos[1].clone();
    let orig_bases: Vec<Value> = pos[2..].to_vec();
    // PEP 560: non-class bases may substitute themselves via __mro_entries__.
    let mut bases_v: Vec<Value> = Vec::with_capacity(orig_bases.len());
    let mut substituted = false;
    for b in &orig_bases {
        if b.as_type().is_none() {
            if let Some(me) = ob::getattr_opt(vm, b, "__mro_entries__")? {
                let all = tuple::new_tuple(orig_bases.clone());
                let entries = call::call(vm, &me, &[all], None)?;
                match tuple::try_items(&entries) {
                    Some(items) => bases_v.extend_from_slice(items),
                    None => return Err(vm.type_error("__mro_entries__ must return a tuple")),
                }
                substituted = true;
                continue;
            }
        }
        bases_v.push(b.clone());
    }
    let mut meta: Option<Value> = None;
    let mut class_kw_names = Vec::new();
    let mut class_kw_vals = Vec::new();
    for (k, v) in kws {
        if k == "metaclass" {
            meta = Some(v.clone());
        } else {
            class_kw_names.push(pystr::new_str(k));
            class_kw_vals.push(v.clone());
        }
    }
    let bases = tuple::new_tuple(bases_v.clone());
    let meta = match meta {
        Some(m) => m,
        None => match bases_v.first() {
            Some(b) => b.ty().to_value(),
            None => crate::typeobj::type_type().to_value(),
        },
    };
    // The most derived metaclass.
    let mut winner = meta.clone();
    if winner.as_type().is_some() {
        for b in &bases_v {
            let bt = b.ty().to_value();
            let (w, t) = (winner.as_type().expect("type"), bt.as_type().expect("type"));
            if w.is_subtype(t) {
                continue;
            }
            if t.is_subtype(w) {
                winner = bt;
                continue;
            }
            return Err(vm.type_error("metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases"));
        }
    }
    let kwn = if class_kw_names.is_empty() { None } else { Some(tuple::new_tuple(class_kw_names)) };
    let ns = match ob::getattr_opt(vm, &winner, "__prepare__")? {
        Some(prep) => {
            let mut a = vec![name.clone(), bases.clone()];
            a.extend(class_kw_vals.iter().cloned());
            call::call(vm, &prep, &a, kwn.as_ref())?
        }
        None => dict::new_dict(),
    };
    if substituted {
        if let Some(d) = crate::objects::dict::dict_data(&ns) {
            d.set_str(vm.intern("__orig_bases__"), tuple::new_tuple(orig_bases.clone()));
        }
    }
    let cell = crate::eval::call::run_class_body(vm, &func, &ns)?;
    let mut a = vec![name, bases, ns];
    a.extend(class_kw_vals);
    let cls = call::call(vm, &winner, &a, kwn.as_ref())?;
    if let Some(c) = cell.downcast::<crate::objects::function::CellData>() {
        if c.get().map(|v| !v.is(&cls)).unwrap_or(true) && c.get().is_some() {
            return Err(vm.type_error("__class__ set to a different class"));
        }
        c.set(Some(cls.clone()));
    }
    Ok(cls)
}
fn b_exec_eval(vm: &mut Vm, args: &[Value], kw: Option<&Value>, mode: pyrite_compiler::Mode, name: &str) -> PyResult<Value> {
    const EXEC: Spec = Spec::keywords("exec", &[Param::pos("source"), Param::pos_opt("globals"), Param::pos_opt("locals"), Param::kw_opt("closure")]);
    const EVAL: Spec = Spec::positional("eval", &[Param::pos("source"), Param::pos_opt("globals"), Param::pos_opt("locals")]);
    let a: [Option<&Value>; 3] = if name == "exec" {
        let [s, g, l, _closure] = EXEC.parse(vm, args, kw)?;
        [s, g, l]
    } else {
        EVAL.parse(vm, args, kw)?
    };
    let src = a[0].expect("required").clone();
    let globals = match a[1] {
        Some(g) if !none::is_none(g) => g.clone(),
        _ => vm.current_globals().unwrap_or_else(dict::new_dict),
    };
    let locals = match a[2] {
        Some(l) if !none::is_none(l) => Some(l.clone()),
        _ if a[1].as_ref().map(|g| !none::is_none(g)).unwrap_or(false) => None,
        _ => vm.current_locals(),
    };
    let code = if src.downcast::<crate::objects::function::CodeData>().is_some() {
        src
    } else if let Some(s) = pystr::try_str(&src) {
        let s = s.to_owned();
        vm.compile_source(&s, "<string>", mode)?
    } else {
        return Err(vm.type_error(format!("{name}() arg 1 must be a string, bytes or code object")));
    };
    let gd = dict::dict_data(&globals).expect("globals dict");
    let bkey = vm.intern("__builtins__");
    if gd.get_str(&bkey).is_none() {
        gd.set_str(bkey, vm.builtins_module().clone());
    }
    let r = crate::eval::call::run_code(vm, &code, &globals, locals)?;
    Ok(if name == "exec" { none::none() } else { r })
}
fn b_exec(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    b_exec_eval(vm, args, kw, pyrite_compiler::Mode::Exec, "exec")
}
fn b_eval(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    b_exec_eval(vm, args, kw, pyrite_compiler::Mode::Eval, "eval")
}
fn b_compile(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    const COMPILE: Spec = Spec::keywords("compile", &[
        Param::arg("source"), Param::arg("filename"), Param::arg("mode"), Param::arg_opt("flags"),
        Param::arg_opt("dont_inherit"), Param::arg_opt("optimize"), Param::kw_opt("_feature_version"),
    ]);
    let [src, filename, mode, _, _, _, _] = COMPILE.parse(vm, args, kw)?;
    let src = src.expect("required").clone();
    let filename = ob::str_string(vm, filename.expect("required"))?;
    let mode = ob::str_string(vm, mode.expect("required"))?;
    let mode = match mode.as_str() {
        "exec" => pyrite_compiler::Mode::Exec,
        "eval" => pyrite_compiler::Mode::Eval,
        "single" => pyrite_compiler::Mode::Single,
        _ => return Err(vm.value_error("compile() mode must be 'exec', 'eval' or 'single'")),
    };
    let s = match pystr::try_str(&src) {
        Some(s) => s.to_owned(),
        None => return Err(vm.type_error("compile() arg 1 must be a string, bytes or AST object")),
    };
    vm.compile_source(&s, &filename, mode)
}
fn b_input(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    const INPUT: Spec = Spec::positional("input", &[Param::pos_opt("prompt")]);
    if let [Some(p)] = INPUT.parse(vm, args, kw)? {
        let s = ob::str_string(vm, p)?;
        crate::modules::sys::write_stdout(vm, &s)?;
    }
    vm.flush_stdout();
    let mut line = String::new();
    match std::io::stdin().read_line(&mut line) {
        Ok(0) => Err(vm.new_exception(exceptions::eof_error(), "EOF when reading a line")),
        Ok(_) => {
            if line.ends_with('\n') {
                line.pop();
            }
            Ok(pystr::from_string(line))
        }
        Err(e) => Err(vm.new_exception(exceptions::os_error(), e.to_string())),
    }
}
fn b_import(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    const IMPORT: Spec = Spec::keywords("__import__", &[
        Param::arg("name"), Param::arg_opt("globals"), Param::arg_opt("locals"), Param::arg_opt("fromlist"), Param::arg_opt("level"),
    ]);
    let a: [Option<&Value>; 5] = IMPORT.parse(vm, args, kw)?;
    let name = ob::str_string(vm, a[0].expect("required"))?;
    let m = crate::import::import_module(vm, &name)?;
    let has_from = a[3].as_ref().map(|f| !none::is_none(f) && ob::is_true(vm, f).unwrap_or(false)).unwrap_or(false);
    if has_from || !name.contains('.') {
        return Ok(m);
    }
    crate::import::import_module(vm, name.split('.').next().unwrap_or(""))
}

pub const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("print", b_print),
    ("len", b_len),
    ("repr", b_repr),
    ("ascii", b_ascii),
    ("hash", b_hash),
    ("id", b_id),
    ("abs", b_abs),
    ("callable", b_callable),
    ("iter", b_iter),
    ("next", b_next),
    ("isinstance", b_isinstance),
    ("issubclass", b_issubclass),
    ("getattr", b_getattr),
    ("setattr", b_setattr),
    ("delattr", b_delattr),
    ("hasattr", b_hasattr),
    ("ord", b_ord),
    ("chr", b_chr),
    ("hex", b_hex),
    ("oct", b_oct),
    ("bin", b_bin),
    ("format", b_format),
    ("divmod", b_divmod),
    ("pow", b_pow),
    ("round", b_round),
    ("sum", b_sum),
    ("min", b_min),
    ("max", b_max),
    ("any", b_any),
    ("all", b_all),
    ("sorted", b_sorted),
    ("globals", b_globals),
    ("locals", b_locals),
    ("vars", b_vars),
    ("dir", b_dir),
    ("__build_class__", b_build_class),
    ("exec", b_exec),
    ("eval", b_eval),
    ("compile", b_compile),
    ("input", b_input),
    ("__import__", b_import),
];

/// Fill the builtins module.
pub fn init(vm: &mut Vm, m: &Value) {
    for (name, f) in FUNCTIONS {
        module::add_function(vm, m, name, *f);
    }
    for t in crate::objects::builtin_types() {
        let name = t.name().to_owned();
        module::add_value(vm, m, &name, t.to_value());
    }
    for t in exceptions::all_exception_types() {
        let name = t.name().to_owned();
        module::add_value(vm, m, &name, t.to_value());
    }
    module::add_value(vm, m, "EnvironmentError", exceptions::OS_ERROR.to_value());
    module::add_value(vm, m, "IOError", exceptions::OS_ERROR.to_value());
    module::add_value(vm, m, "None", none::none());
    module::add_value(vm, m, "True", none::bool_value(true));
    module::add_value(vm, m, "False", none::bool_value(false));
    module::add_value(vm, m, "Ellipsis", none::ellipsis());
    module::add_value(vm, m, "NotImplemented", none::not_implemented());
    module::add_value(vm, m, "__debug__", none::bool_value(true));
}
