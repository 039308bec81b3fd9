//! The `math` module (CPython: `Modules/mathmodule.c`): IEEE functions with CPython's
//! error conventions ("math domain error" = ValueError, "math range error" = OverflowError),
//! exact integer functions over big ints, and Shewchuk's exact `fsum`.

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use crate::object::Value;
use crate::objects::{float, int, module, none, tuple};
use crate::protocols::{args, call, iter, number};
use crate::vm::{PyResult, Vm};
use pyrite_bytecode::opcode::binop;

// glibc's libm, which the standard library links already. The three one-argument functions
// take and return plain doubles, touch no memory and are defined for every input (NaN, inf
// and poles give NaN/inf and set errno), so they are declared safe to call.
unsafe extern "C" {
    safe fn erf(x: f64) -> f64;
    safe fn erfc(x: f64) -> f64;
    safe fn tgamma(x: f64) -> f64;
    #[link_name = "lgamma_r"]
    fn c_lgamma_r(x: f64, sign: *mut i32) -> f64;
}

/// `lgamma_r`: log|Γ(x)| and the sign of Γ(x).
fn lgamma_r(x: f64, sign: &mut i32) -> f64 {
    // SAFETY: `sign` is a valid, exclusive `i32` for the call, which only writes it.
    unsafe { c_lgamma_r(x, sign) }
}

type NativeResult = PyResult<Value>;

fn domain(vm: &mut Vm) -> crate::vm::PyErr {
    vm.value_error("math domain error")
}
fn range(vm: &mut Vm) -> crate::vm::PyErr {
    vm.overflow_error("math range error")
}

/// The parameters of the two-argument functions (`copysign(x, y, /)`, ...).
const XY: &[args::Param] = &[args::Param::pos("x"), args::Param::pos("y")];

/// CPython's `math_1`: NaN from a non-NaN is a domain error; an infinity from a finite
/// argument is a range error if the function can overflow, else a domain error.
fn math_1(vm: &mut Vm, a: &[Value], k: Option<&Value>, name: &'static str, f: fn(f64) -> f64, can_overflow: bool) -> NativeResult {
    let x = args::Spec::one(name).arg_in(vm, "math", a, k)?;
    let x = number::to_f64(vm, x)?;
    let r = f(x);
    if r.is_nan() && !x.is_nan() {
        return Err(domain(vm));
    }
    if r.is_infinite() && x.is_finite() {
        return Err(if can_overflow { range(vm) } else { domain(vm) });
    }
    Ok(float::new_float(r))
}

macro_rules! simple {
    ($($fname:ident => $name:literal, $f:expr, $ovf:expr;)*) => {$(
        fn $fname(vm: &mut Vm, a: &[Value], k: Option<&Value>) -> NativeResult {
            math_1(vm, a, k, $name, $f, $ovf)
        }
    )*};
}

simple! {
    m_sqrt => "sqrt", f64::sqrt, false;
    m_sin => "sin", f64::sin, false;
    m_cos => "cos", f64::cos, false;
    m_tan => "tan", f64::tan, false;
    m_asin => "asin", f64::asin, false;
    m_acos => "acos", f64::acos, false;
    m_atan => "atan", f64::atan, false;
    m_sinh => "sinh", f64::sinh, true;
    m_cosh => "cosh", f64::cosh, true;
    m_tanh => "tanh", f64::tanh, false;
    m_asinh => "asinh", f64::asinh, false;
    m_acosh => "acosh", f64::acosh, false;
    m_atanh => "atanh", atanh, false;
    m_exp => "exp", f64::exp, true;
    m_exp2 => "exp2", f64::exp2, true;
    m_expm1 => "expm1", f64::exp_m1, true;
    m_fabs => "fabs", f64::abs, false;
    m_cbrt => "cbrt", f64::cbrt, false;
    m_erf => "erf", |x| erf(x), false;
    m_erfc => "erfc", |x| erfc(x), false;
}

fn atanh(x: f64) -> f64 {
    if x.abs() > 1.0 {
        f64::NAN
    } else {
        x.atanh()
    }
}

fn m_gamma(vm: &mut Vm, a: &[Value], k: Option<&Value>) -> NativeResult {
    let x = args::Spec::one("math.gamma").arg(vm, a, k)?;
    let x = number::to_f64(vm, x)?;
    if x.is_nan() || x == f64::INFINITY {
        return Ok(float::new_float(x));
    }
    if x == f64::NEG_INFINITY || (x <= 0.0 && x == x.floor()) {
        return Err(domain(vm));
    }
    let r = tgamma(x);
    if r.is_infinite() {
        return Err(range(vm));
    }
    Ok(float::new_float(r))
}

fn m_lgamma(vm: &mut Vm, a: &[Value], k: Option<&Value>) -> NativeResult {
    let x = args::Spec::one("math.lgamma").arg(vm, a, k)?;
    let x = number::to_f64(vm, x)?;
    if x.is_nan() {
        return Ok(float::new_float(x));
    }
    if x.is_infinite() {
        return Ok(float::new_float(f64::INFINITY));
    }
    if x <= 0.0 && x == x.floor() {
        return Err(domain(vm));
    }
    let mut sign = 0;
    let r = lgamma_r(x, &mut sign);
    if r.is_infinite() {
        return Err(range(vm));
    }
    Ok(float::new_float(r))
}

/// ln of a positive int of any size (CPython's `loghelper`).
fn log_of_int(vm: &mut Vm, b: &BigInt, f: fn(f64) -> f64) -> PyResult<f64> {
    if !b.is_positive() {
        return Err(domain(vm));
    }
    if let Some(x) = b.to_f64().filter(|x| x.is_finite()) {
        return Ok(f(x));
    }
    // x = m * 2**e with 0.5 <= m < 1: log(x) = log(m) + e*log(2).
    let bits = b.bits();
    let shift = bits - 64;
    let top: BigInt = b >> shift;
    let m = top.to_f64().unwrap_or(1.0) / 2f64.powi(64);
    let e = (shift + 64) as f64;
    Ok(f(m) + e * f(2.0))
}

fn log_helper(vm: &mut Vm, x: &Value, f: fn(f64) -> f64) -> PyResult<f64> {
    if int::is_int(x) {
        let b = int::as_int(x).expect("int").to_bigint();
        return log_of_int(vm, &b, f);
    }
    let v = number::to_f64(vm, x)?;
    if v.is_nan() || v == f64::INFINITY {
        return Ok(v);
    }
    if v <= 0.0 {
        return Err(domain(vm));
    }
    Ok(f(v))
}

fn m_log(vm: &mut Vm, a: &[Value], k: Option<&Value>) -> NativeResult {
    const LOG: args::Spec = args::Spec::positional("math.log", &[args::Param::pos("x"), args::Param::pos_opt("base")]);
    let [x, base] = LOG.parse(vm, a, k)?;
    let x = x.expect("required");
    let num = log_helper(vm, x, f64::ln)?;
    match base {
        None => Ok(float::new_float(num)),
        Some(b) => {
            let den = log_helper(vm, b, f64::ln)?;
            if den == 0.0 {
                return Err(vm.zero_division_error("float division by zero"));
            }
            Ok(float::new_float(num / den))
        }
    }
}
fn m_log2(vm: &mut Vm, a: &[Value], k: Option<&Value>) -> NativeResult {
    let x = args::Spec::one("math.log2").arg(vm, a, k)?;
    Ok(float::new_float(log_helper(vm, x, f64::log2)?))
}
fn m_log10(vm: &mut Vm, a: &[Value], k: Option<&Value>) -> NativeResult {
    let x = args::Spec::one("math.log10").arg(vm, a, k)?;
    Ok(float::new_float(log_helper(vm, x, f64::log10)?))
}
fn m_log1p(vm: &mut Vm, a: &[Value], k: Option<&Value>) -> NativeResult {
    let x = args::Spec::one("math.log1p").arg(vm, a, k)?;
    let x = number::to_f64(vm, x)?;
    if x <= -1.0 {
        return Err(domain(vm));
    }
    Ok(float::new_float(x.ln_1p()))
}

/// floor/ceil/trunc: ints pass through, floats convert, others use the dunder.
fn rounding(vm: &mut Vm, a: &[Value], k: Option<&Value>, name: &'static str, dunder: &'static str, f: fn(f64) -> f64) -> NativeResult {
    let x = args::Spec::one(name).arg_in(vm, "math", a, k)?;
    if int::is_int(x) {
        return Ok(int::exact_int(x));
    }
    if x.downcast_exact::<float::FloatData>().is_some() {
        let v = float::as_float(x).expect("float");
        return int::float_to_int(vm, f(v));
    }
    if let Some(m) = x.ty().lookup_str(vm, dunder) {
        return call::call_method_value(vm, &m, x, &[]);
    }
    if name == "trunc" {
        return Err(vm.type_error(format!("type {} doesn't define __trunc__ method", x.ty().name())));
    }
    let v = number::to_f64(vm, x)?;
    int::float_to_int(vm, f(v))
}
fn m_floor(vm: &mut Vm, a: &[Value], k: Option<&Value>) -> NativeResult {
    rounding(vm, a, k, "floor", "__floor__", f64::floor)
}
fn m_ceil(vm: &mut Vm, a: &[Value], k: Option<&Value>) -> NativeResult {
    rounding(vm, a, k, "ceil", "__ceil__", f64::ceil)
}
fn m_trunc(vm: &mut Vm, a: &[Value], k: Option<&Value>) -> NativeResult {
    rounding(vm, a, k, "trunc", "__trunc__", f64::trunc)
}

fn m_isnan(vm: &mut Vm, a: &[Value], k: Option<&Value>) -> NativeResult {
    let x = args::Spec::one("math.isnan").arg(vm, a, k)?;
    let v = number::to_f64(vm, x)?;
    Ok(none::bool_value(v.is_nan()))
}
fn m_isinf(vm: &mut Vm, a: &[Value], k: Option<&Value>) -> NativeResult {
    let x = args::Spec::one("math.isinf").arg(vm, a, k)?;
    let v = number::to_f64(vm, x)?;
    Ok(none::bool_value(v.is_infinite()))
}
fn m_isfinite(vm: &mut Vm, a: &[Value], k: Option<&Value>) -> NativeResult {
    let x = args::Spec::one("math.isfinite").arg(vm, a, k)?;
    let v = number::to_f64(vm, x)?;
    Ok(none::bool_value(v.is_finite()))
}
fn m_degrees(vm: &mut Vm, a: &[Value], k: Option<&Value>) -> NativeResult {
    let x = args::Spec::one("math.degrees").arg(vm, a, k)?;
    let v = number::to_f64(vm, x)?;
    Ok(float::new_float(v * (180.0 / std::f64::consts::PI)))
}
fn m_radians(vm: &mut Vm, a: &[Value], k: Option<&Value>) -> NativeResult {
    let x = args::Spec::one("math.radians").arg(vm, a, k)?;
    let v = number::to_f64(vm, x)?;
    Ok(float::new_float(v * (std::f64::consts::PI / 180.0)))
}

fn m_copysign(vm: &mut Vm, a: &[Value], k: Option<&Value>) -> NativeResult {
    const COPYSIGN: args::Spec = args::Spec::positional("math.copysign", XY);
    let [x, y] = COPYSIGN.args(vm, a, k)?;
    let (x, y) = (number::to_f64(vm, x)?, number::to_f64(vm, y)?);
    Ok(float::new_float(x.copysign(y)))
}
fn m_atan2(vm: &mut Vm, a: &[Value], k: Option<&Value>) -> NativeResult {
    const ATAN2: args::Spec = args::Spec::positional("math.atan2", XY);
    let [y, x] = ATAN2.args(vm, a, k)?;
    let (y, x) = (number::to_f64(vm, y)?, number::to_f64(vm, x)?);
    Ok(float::new_float(y.atan2(x)))
}
fn m_fmod(vm: &mut Vm, a: &[Value], k: Option<&Value>) -> NativeResult {
    const FMOD: args::Spec = args::Spec::positional("math.fmod", XY);
    let [x, y] = FMOD.args(vm, a, k)?;
    let (x, y) = (number::to_f64(vm, x)?, number::to_f64(vm, y)?);
    if y.is_infinite() && x.is_finite() {
        return Ok(float::new_float(x));
    }
    let r = x % y;
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain(vm));
    }
    Ok(float::new_float(r))
}
fn m_remainder(vm: &mut Vm, a: &[Value], k: Option<&Value>) -> NativeResult {
    const REMAINDER: args::Spec = args::Spec::positional("math.remainder", XY);
    let [x, y] = REMAINDER.args(vm, a, k)?;
    let (x, y) = (number::to_f64(vm, x)?, number::to_f64(vm, y)?);
    if x.is_nan() || y.is_nan() {
        return Ok(float::new_float(f64::NAN));
    }
    if x.is_infinite() || y == 0.0 {
        return Err(domain(vm));
    }
    if y.is_infinite() {
        return Ok(float::new_float(x));
    }
    // IEEE 754 remainder: x - n*y with n the integer nearest x/y, ties to even.
    let (ax, ay) = (x.abs(), y.abs());
    let m = ax % ay;
    let c = ay - m;
    let r = if m < c {
        m
    } else if m > c {
        -c
    } else {
        m - 2.0 * ((0.5 * (ax - m)) % ay)
    };
    Ok(float::new_float(1f64.copysign(x) * r))
}
fn m_pow(vm: &mut Vm, a: &[Value], k: Option<&Value>) -> NativeResult {
    const POW: args::Spec = args::Spec::positional("math.pow", XY);
    let [x, y] = POW.args(vm, a, k)?;
    let (x, y) = (number::to_f64(vm, x)?, number::to_f64(vm, y)?);
    let r = if x.is_finite() && y.is_finite() {
        if x == 0.0 && y < 0.0 {
            return Err(domain(vm));
        }
        let r = x.powf(y);
        if r.is_nan() {
            return Err(domain(vm));
        }
        if r.is_infinite() {
            return Err(range(vm));
        }
        r
    } else {
        x.powf(y)
    };
    Ok(float::new_float(r))
}
fn m_ldexp(vm: &mut Vm, a: &[Value], k: Option<&Value>) -> NativeResult {
    const LDEXP: args::Spec = args::Spec::positional("math.ldexp", XY);
    let [x, i] = LDEXP.args(vm, a, k)?;
    let x = number::to_f64(vm, x)?;
    if !int::is_int(i) {
        return Err(vm.type_error("Expected an int as second argument to ldexp."));
    }
    let e = int::as_int(i).expect("int").to_bigint();
    if x == 0.0 || !x.is_finite() {
        return Ok(float::new_float(x));
    }
    let e = e.to_i64().unwrap_or(if e.is_negative() { i64::MIN } else { i64::MAX }).clamp(-10000, 10000) as i32;
    // Scale in steps so intermediate powers of two stay representable.
    let mut r = x;
    let mut e2 = e;
    while e2 > 1000 {
        r *= 2f64.powi(1000);
        e2 -= 1000;
    }
    while e2 < -1000 {
        r *= 2f64.powi(-1000);
        e2 += 1000;
    }
    // The last step may round into the subnormal range: do it in two halves for exactness.
    let h = e2 / 2;
    r = r * 2f64.powi(h) * 2f64.powi(e2 - h);
    if r.is_infinite() {
        return Err(range(vm));
    }
    Ok(float::new_float(r))
}
fn frexp(x: f64) -> (f64, i32) {
    if x == 0.0 || !x.is_finite() {
        return (x, 0);
    }
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        // subnormal: normalise first
        let (m, e) = frexp(x * 2f64.powi(54));
        return (m, e - 54);
    }
    let m = f64::from_bits((bits & !(0x7ffu64 << 52)) | (1022u64 << 52));
    (m, exp - 1022)
}
fn m_frexp(vm: &mut Vm, a: &[Value], k: Option<&Value>) -> NativeResult {
    let x = args::Spec::one("math.frexp").arg(vm, a, k)?;
    let x = number::to_f64(vm, x)?;
    let (m, e) = frexp(x);
    Ok(tuple::new_tuple(vec![float::new_float(m), Value::int(e as i64)]))
}
fn m_modf(vm: &mut Vm, a: &[Value], k: Option<&Value>) -> NativeResult {
    let x = args::Spec::one("math.modf").arg(vm, a, k)?;
    let x = number::to_f64(vm, x)?;
    if x.is_infinite() {
        return Ok(tuple::new_tuple(vec![float::new_float(0.0f64.copysign(x)), float::new_float(x)]));
    }
    let i = x.trunc();
    Ok(tuple::new_tuple(vec![float::new_float((x - i).copysign(x)), float::new_float(i)]))
}

fn m_nextafter(vm: &mut Vm, a: &[Value], k: Option<&Value>) -> NativeResult {
    const NEXTAFTER: args::Spec = args::Spec::keywords("math.nextafter", &[args::Param::pos("x"), args::Param::pos("y"), args::Param::kw_opt("steps")]);
    let p: [Option<Value>; 3] = NEXTAFTER.parse(vm, a, k)?.map(|o| o.cloned());
    let x = number::to_f64(vm, p[0].as_ref().expect("x"))?;
    let y = number::to_f64(vm, p[1].as_ref().expect("y"))?;
    let steps = match &p[2] {
        Some(s) if !none::is_none(s) => {
            let idx = number::index(vm, s)?;
            let n = int::to_i64(vm, &idx)?;
            if n < 0 {
                return Err(vm.value_error("steps must be a non-negative integer"));
            }
            n
        }
        _ => 1,
    };
    let mut r = x;
    for _ in 0..steps {
        let n = next_toward(r, y);
        if n == r || n.is_nan() {
            r = n;
            break;
        }
        r = n;
    }
    Ok(float::new_float(r))
}
fn next_toward(x: f64, y: f64) -> f64 {
    if x.is_nan() || y.is_nan() {
        return f64::NAN;
    }
    if x == y {
        return y;
    }
    if x == 0.0 {
        return f64::from_bits(1).copysign(y);
    }
    let b = x.to_bits();
    let up = (y > x) == (x > 0.0);
    f64::from_bits(if up { b + 1 } else { b - 1 })
}
fn m_ulp(vm: &mut Vm, a: &[Value], k: Option<&Value>) -> NativeResult {
    let x = args::Spec::one("math.ulp").arg(vm, a, k)?;
    let x = number::to_f64(vm, x)?.abs();
    if x.is_nan() || x.is_infinite() {
        return Ok(float::new_float(x));
    }
    let n = next_toward(x, f64::INFINITY);
    if n.is_infinite() {
        let p = next_toward(x, 0.0);
        return Ok(float::new_float(x - p));
    }
    Ok(float::new_float(n - x))
}

/// Accurate Euclidean norm of a vector (scaled to avoid overflow and underflow).
fn vector_norm(v: &[f64], max: f64, found_nan: bool) -> f64 {
    if max.is_infinite() {
        return max;
    }
    if found_nan {
        return f64::NAN;
    }
    if max == 0.0 || v.len() <= 1 {
        return max;
    }
    let (_, e) = frexp(max);
    // Scale so the largest component is in [0.5, 1): no overflow or underflow in the squares.
    // Sum the squares in double-double arithmetic (exact products via fused multiply-add).
    let (mut hi, mut lo) = (0.0f64, 0.0f64);
    for &x in v {
        let s = scale2(x, -e);
        let p = s * s;
        let perr = s.mul_add(s, -p);
        let t = hi + p;
        let terr = if hi.abs() >= p.abs() { (hi - t) + p } else { (p - t) + hi };
        hi = t;
        lo += terr + perr;
    }
    let total = hi + lo;
    let lo = lo - (total - hi);
    let hi = total;
    let h = hi.sqrt();
    // One Newton step on the double-double value: h + (hi + lo - h*h) / (2h).
    let resid = (-h).mul_add(h, hi) + lo;
    let h = h + resid / (2.0 * h);
    scale2(h, e)
}

/// x * 2**k without overflow or underflow in the power of two itself.
fn scale2(x: f64, k: i32) -> f64 {
    let h = k / 2;
    x * 2f64.powi(h) * 2f64.powi(k - h)
}
fn m_hypot(vm: &mut Vm, a: &[Value], k: Option<&Value>) -> NativeResult {
    args::Spec::varargs("math.hypot").check(vm, a, k)?;
    let mut v = Vec::with_capacity(a.len());
    let (mut max, mut nan) = (0.0f64, false);
    for x in a {
        let f = number::to_f64(vm, x)?.abs();
        nan |= f.is_nan();
        if f > max {
            max = f;
        }
        v.push(f);
    }
    Ok(float::new_float(vector_norm(&v, max, nan)))
}
fn m_dist(vm: &mut Vm, a: &[Value], k: Option<&Value>) -> NativeResult {
    const DIST: args::Spec = args::Spec::positional("math.dist", XY);
    let [p, q] = DIST.args(vm, a, k)?;
    let p = iter::collect(vm, p)?;
    let q = iter::collect(vm, q)?;
    if p.len() != q.len() {
        return Err(vm.value_error("both points must have the same number of dimensions"));
    }
    let mut v = Vec::with_capacity(p.len());
    let (mut max, mut nan) = (0.0f64, false);
    for (x, y) in p.iter().zip(&q) {
        let d = (number::to_f64(vm, x)? - number::to_f64(vm, y)?).abs();
        nan |= d.is_nan();
        if d > max {
            max = d;
        }
        v.push(d);
    }
    Ok(float::new_float(vector_norm(&v, max, nan)))
}

fn m_isclose(vm: &mut Vm, a: &[Value], k: Option<&Value>) -> NativeResult {
    const ISCLOSE: args::Spec = args::Spec::keywords("math.isclose", &[args::Param::arg("a"), args::Param::arg("b"), args::Param::kw_opt("rel_tol"), args::Param::kw_opt("abs_tol")]);
    let p: [Option<Value>; 4] = ISCLOSE.parse(vm, a, k)?.map(|o| o.cloned());
    let x = number::to_f64(vm, p[0].as_ref().expect("a"))?;
    let y = number::to_f64(vm, p[1].as_ref().expect("b"))?;
    let rel = match &p[2] {
        Some(v) => number::to_f64(vm, v)?,
        None => 1e-9,
    };
    let abs = match &p[3] {
        Some(v) => number::to_f64(vm, v)?,
        None => 0.0,
    };
    if rel < 0.0 || abs < 0.0 {
        return Err(vm.value_error("tolerances must be non-negative"));
    }
    if x == y {
        return Ok(none::bool_value(true));
    }
    if x.is_infinite() || y.is_infinite() {
        return Ok(none::bool_value(false));
    }
    let diff = (y - x).abs();
    Ok(none::bool_value((diff <= (rel * y).abs()) || (diff <= (rel * x).abs()) || diff <= abs))
}

/// Shewchuk's exactly rounded sum of floats (the algorithm behind `msum`), with CPython's
/// handling of infinities, NaNs and intermediate overflow.
fn m_fsum(vm: &mut Vm, a: &[Value], k: Option<&Value>) -> NativeResult {
    let seq = args::Spec::one("math.fsum").arg(vm, a, k)?;
    let it = iter::get_iter(vm, seq)?;
    let mut partials: Vec<f64> = Vec::new();
    let (mut special_sum, mut inf_sum) = (0.0f64, 0.0f64);
    while let Some(item) = iter::next(vm, &it)? {
        let mut x = number::to_f64(vm, &item)?;
        let xsave = x;
        let mut i = 0;
        for j in 0..partials.len() {
            let mut y = partials[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                partials[i] = lo;
                i += 1;
            }
            x = hi;
        }
        partials.truncate(i);
        if x != 0.0 {
            if !x.is_finite() {
                if xsave.is_finite() {
                    return Err(vm.overflow_error("intermediate overflow in fsum"));
                }
                if xsave.is_infinite() {
                    inf_sum += xsave;
                }
                special_sum += xsave;
                partials.clear();
            } else {
                partials.push(x);
            }
        }
    }
    if special_sum != 0.0 {
        if inf_sum.is_nan() {
            return Err(vm.value_error("-inf + inf in fsum"));
        }
        return Ok(float::new_float(special_sum));
    }
    let mut hi = 0.0f64;
    let mut n = partials.len();
    if n > 0 {
        n -= 1;
        hi = partials[n];
        let mut lo = 0.0f64;
        while n > 0 {
            let x = hi;
            n -= 1;
            let y = partials[n];
            hi = x + y;
            let yr = hi - x;
            lo = y - yr;
            if lo != 0.0 {
                break;
            }
        }
        // Round half-even correctly when the rest of the partials push past a tie.
        if n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0)) {
            let y = lo * 2.0;
            let x = hi + y;
            let yr = x - hi;
            if y == yr {
                hi = x;
            }
        }
    }
    Ok(float::new_float(hi))
}

fn as_bigint(vm: &mut Vm, v: &Value) -> PyResult<BigInt> {
    let i = number::index(vm, v)?;
    Ok(int::as_int(&i).expect("int").to_bigint())
}

fn m_gcd(vm: &mut Vm, a: &[Value], k: Option<&Value>) -> NativeResult {
    args::Spec::varargs("math.gcd").check(vm, a, k)?;
    let mut g = BigInt::zero();
    for x in a {
        let b = as_bigint(vm, x)?;
        g = g.gcd(&b);
    }
    Ok(int::from_bigint(g))
}
fn m_lcm(vm: &mut Vm, a: &[Value], k: Option<&Value>) -> NativeResult {
    args::Spec::varargs("math.lcm").check(vm, a, k)?;
    let mut l = BigInt::one();
    for x in a {
        let b = as_bigint(vm, x)?;
        if b.is_zero() || l.is_zero() {
            l = BigInt::zero();
            continue;
        }
        l = l.lcm(&b);
    }
    Ok(int::from_bigint(l.abs()))
}

fn product_range(lo: u64, hi: u64) -> BigInt {
    // Product of lo..=hi by binary splitting (keeps multiplications balanced).
    if lo > hi {
        return BigInt::one();
    }
    if hi - lo < 16 {
        let mut acc = BigInt::one();
        let mut small: u64 = 1;
        for i in lo..=hi {
            match small.checked_mul(i) {
                Some(s) => small = s,
                None => {
                    acc *= small;
                    small = i;
                }
            }
        }
        return acc * small;
    }
    let mid = lo + (hi - lo) / 2;
    product_range(lo, mid) * product_range(mid + 1, hi)
}

fn m_factorial(vm: &mut Vm, a: &[Value], k: Option<&Value>) -> NativeResult {
    let x = args::Spec::one("math.factorial").arg(vm, a, k)?;
    let n = as_bigint(vm, x)?;
    if n.is_negative() {
        return Err(vm.value_error("factorial() not defined for negative values"));
    }
    let Some(n) = n.to_u64().filter(|n| *n <= 1 << 20) else {
        return Err(vm.overflow_error("factorial() argument should not exceed 9223372036854775807"));
    };
    Ok(int::from_bigint(product_range(1, n)))
}

fn comb_perm_args(vm: &mut Vm, n: &Value, k: &Value) -> PyResult<(BigInt, BigInt)> {
    let n = as_bigint(vm, n)?;
    let k = as_bigint(vm, k)?;
    if n.is_negative() {
        return Err(vm.value_error("n must be a non-negative integer"));
    }
    if k.is_negative() {
        return Err(vm.value_error("k must be a non-negative integer"));
    }
    Ok((n, k))
}

fn m_comb(vm: &mut Vm, a: &[Value], kw: Option<&Value>) -> NativeResult {
    const COMB: args::Spec = args::Spec::positional("math.comb", XY);
    let [n, k] = COMB.args(vm, a, kw)?;
    let (n, mut k) = comb_perm_args(vm, n, k)?;
    if k > n {
        return Ok(Value::int(0));
    }
    let nk = &n - &k;
    if nk < k {
        k = nk;
    }
    let Some(k) = k.to_u64() else { return Err(vm.overflow_error("min(n - k, k) must not exceed 9223372036854775807")) };
    let mut r = BigInt::one();
    for i in 0..k {
        r = r * (&n - BigInt::from(i)) / BigInt::from(i + 1);
    }
    Ok(int::from_bigint(r))
}
fn m_perm(vm: &mut Vm, a: &[Value], kw: Option<&Value>) -> NativeResult {
    const PERM: args::Spec = args::Spec::positional("math.perm", &[args::Param::pos("n"), args::Param::pos_opt("k")]);
    let (n, k) = match PERM.check(vm, a, kw)? {
        [n] => return m_factorial(vm, std::slice::from_ref(n), None),
        [n, k] if none::is_none(k) => return m_factorial(vm, std::slice::from_ref(n), None),
        [n, k] => (n, k),
        _ => unreachable!("checked"),
    };
    let (n, k) = comb_perm_args(vm, n, k)?;
    if k > n {
        return Ok(Value::int(0));
    }
    let Some(k) = k.to_u64() else { return Err(vm.overflow_error("k must not exceed 9223372036854775807")) };
    let mut r = BigInt::one();
    for i in 0..k {
        r *= &n - BigInt::from(i);
    }
    Ok(int::from_bigint(r))
}
fn m_isqrt(vm: &mut Vm, a: &[Value], k: Option<&Value>) -> NativeResult {
    let x = args::Spec::one("math.isqrt").arg(vm, a, k)?;
    let n = as_bigint(vm, x)?;
    if n.is_negative() {
        return Err(vm.value_error("isqrt() argument must be nonnegative"));
    }
    Ok(int::from_bigint(n.sqrt()))
}

fn m_prod(vm: &mut Vm, a: &[Value], k: Option<&Value>) -> NativeResult {
    const PROD: args::Spec = args::Spec::keywords("math.prod", &[args::Param::pos("iterable"), args::Param::kw_opt("start")]);
    let p: [Option<Value>; 2] = PROD.parse(vm, a, k)?.map(|o| o.cloned());
    let mut acc = p[1].clone().unwrap_or_else(|| Value::int(1));
    let it = iter::get_iter(vm, p[0].as_ref().expect("iterable"))?;
    while let Some(x) = iter::next(vm, &it)? {
        acc = number::binary_op(vm, &acc, &x, binop::MULTIPLY)?;
    }
    Ok(acc)
}
fn m_sumprod(vm: &mut Vm, a: &[Value], k: Option<&Value>) -> NativeResult {
    const SUMPROD: args::Spec = args::Spec::positional("math.sumprod", XY);
    let [p, q] = SUMPROD.args(vm, a, k)?;
    let ip = iter::get_iter(vm, p)?;
    let iq = iter::get_iter(vm, q)?;
    let mut acc = Value::int(0);
    loop {
        let x = iter::next(vm, &ip)?;
        let y = iter::next(vm, &iq)?;
        match (x, y) {
            (Some(x), Some(y)) => {
                let m = number::binary_op(vm, &x, &y, binop::MULTIPLY)?;
                acc = number::binary_op(vm, &acc, &m, binop::ADD)?;
            }
            (None, None) => return Ok(acc),
            _ => return Err(vm.value_error("Inputs are not the same length")),
        }
    }
}

pub fn create(vm: &mut Vm) -> Value {
    let m = module::new_module(vm, "math");
    let fns: &[(&'static str, crate::typeobj::NativeFn)] = &[
        ("sqrt", m_sqrt), ("sin", m_sin), ("cos", m_cos), ("tan", m_tan), ("asin", m_asin),
        ("acos", m_acos), ("atan", m_atan), ("sinh", m_sinh), ("cosh", m_cosh), ("tanh", m_tanh),
        ("asinh", m_asinh), ("acosh", m_acosh), ("atanh", m_atanh), ("exp", m_exp), ("exp2", m_exp2),
        ("expm1", m_expm1), ("fabs", m_fabs), ("cbrt", m_cbrt), ("erf", m_erf), ("erfc", m_erfc),
        ("gamma", m_gamma), ("lgamma", m_lgamma), ("log", m_log), ("log2", m_log2), ("log10", m_log10),
        ("log1p", m_log1p), ("floor", m_floor), ("ceil", m_ceil), ("trunc", m_trunc), ("isnan", m_isnan),
        ("isinf", m_isinf), ("isfinite", m_isfinite), ("degrees", m_degrees), ("radians", m_radians),
        ("copysign", m_copysign), ("atan2", m_atan2), ("fmod", m_fmod), ("remainder", m_remainder),
        ("pow", m_pow), ("ldexp", m_ldexp), ("frexp", m_frexp), ("modf", m_modf), ("nextafter", m_nextafter),
        ("ulp", m_ulp), ("hypot", m_hypot), ("dist", m_dist), ("isclose", m_isclose), ("fsum", m_fsum),
        ("gcd", m_gcd), ("lcm", m_lcm), ("factorial", m_factorial), ("comb", m_comb), ("perm", m_perm),
        ("isqrt", m_isqrt), ("prod", m_prod), ("sumprod", m_sumprod),
    ];
    for (name, f) in fns {
        module::add_function(vm, &m, name, *f);
    }
    module::add_value(vm, &m, "pi", float::new_float(std::f64::consts::PI));
    module::add_value(vm, &m, "e", float::new_float(std::f64::consts::E));
    module::add_value(vm, &m, "tau", float::new_float(std::f64::consts::TAU));
    module::add_value(vm, &m, "inf", float::new_float(f64::INFINITY));
    module::add_value(vm, &m, "nan", float::new_float(f64::NAN));
    m
}
