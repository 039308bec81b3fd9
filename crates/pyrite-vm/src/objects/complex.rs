//! `complex`: pairs of doubles, their arithmetic, repr, hash and constructor (CPython: `Objects/complexobject.c`).

use crate::object::{alloc_object, dealloc_payload, Payload, PyObj, Value};
use crate::objects::float::{self, double_to_string, DTSF_SIGN};
use crate::objects::int;
use crate::objects::{none, str as pystr, tuple};
use crate::typeobj::{flags, CompareOp, GetSetDef, MethodDef, MethodKind, PyType, StaticType, SlotDefs, nb_slots};
use crate::vm::{PyResult, Vm};
use pyrite_bytecode::opcode::binop;

/// The payload of a complex object.
pub struct ComplexData {
    pub re: f64,
    pub im: f64,
}

impl Payload for ComplexData {
    fn class() -> &'static PyType {
        &COMPLEX_TYPE
    }
}

pub static COMPLEX_TYPE: StaticType = StaticType::new(
    "complex",
    Some(&crate::objects::object::OBJECT_TYPE),
    flags::BASETYPE | flags::IMMUTABLE,
    std::mem::size_of::<PyObj<ComplexData>>(),
    dealloc_payload::<ComplexData>,
    COMPLEX_METHODS,
    COMPLEX_GETSETS,
)
.with_slots(SlotDefs {
    repr: Some(complex_repr),
    hash: Some(complex_hash),
    richcompare: Some(complex_richcompare),
    new: Some(complex_new),
    nb: nb_slots(&[(binop::ADD, complex_add), (binop::SUBTRACT, complex_sub), (binop::MULTIPLY, complex_mul), (binop::TRUE_DIVIDE, complex_truediv), (binop::POWER, complex_pow)]),
    nb_negative: Some(complex_neg),
    nb_positive: Some(complex_pos),
    nb_absolute: Some(complex_abs),
    nb_bool: Some(complex_bool),
    ..SlotDefs::EMPTY
});

#[inline(always)]
pub fn complex_type() -> &'static PyType {
    &COMPLEX_TYPE
}

pub fn new_complex(re: f64, im: f64) -> Value {
    alloc_object(&COMPLEX_TYPE, ComplexData { re, im })
}

/// The parts of a complex (or complex-subclass) value.
#[inline]
pub fn as_complex(v: &Value) -> Option<(f64, f64)> {
    v.downcast::<ComplexData>().map(|c| (c.re, c.im))
}

// ---------------------------------------------------------------------------------------
// Pure arithmetic (CPython's `_Py_c_*`)

type C = (f64, f64);

/// Error conditions of complex arithmetic (CPython signals them through errno).
#[derive(Debug, PartialEq, Eq)]
pub enum CError {
    /// EDOM: division by zero / zero to a negative or complex power.
    Domain,
    /// ERANGE: the result overflowed.
    Range,
}

fn c_sum(a: C, b: C) -> C {
    (a.0 + b.0, a.1 + b.1)
}

fn c_diff(a: C, b: C) -> C {
    (a.0 - b.0, a.1 - b.1)
}

fn c_prod(a: C, b: C) -> C {
    (a.0 * b.0 - a.1 * b.1, a.0 * b.1 + a.1 * b.0)
}

/// Smith's algorithm, as `_Py_c_quot`.
pub fn c_quot(a: C, b: C) -> Result<C, CError> {
    let abs_breal = b.0.abs();
    let abs_bimag = b.1.abs();
    if abs_breal >= abs_bimag {
        if abs_breal == 0.0 {
            return Err(CError::Domain);
        }
        let ratio = b.1 / b.0;
        let denom = b.0 + b.1 * ratio;
        Ok(((a.0 + a.1 * ratio) / denom, (a.1 - a.0 * ratio) / denom))
    } else if abs_bimag >= abs_breal {
        let ratio = b.0 / b.1;
        let denom = b.0 * ratio + b.1;
        Ok(((a.0 * ratio + a.1) / denom, (a.1 * ratio - a.0) / denom))
    } else {
        Ok((f64::NAN, f64::NAN))
    }
}

fn c_pow_general(a: C, b: C) -> Result<C, CError> {
    if b.0 == 0.0 && b.1 == 0.0 {
        return Ok((1.0, 0.0));
    }
    if a.0 == 0.0 && a.1 == 0.0 {
        if b.1 != 0.0 || b.0 < 0.0 {
            return Err(CError::Domain);
        }
        return Ok((0.0, 0.0));
    }
    let vabs = a.0.hypot(a.1);
    let mut len = vabs.powf(b.0);
    let at = a.1.atan2(a.0);
    let mut phase = at * b.0;
    if b.1 != 0.0 {
        len /= (at * b.1).exp();
        phase += b.1 * vabs.ln();
    }
    Ok((len * phase.cos(), len * phase.sin()))
}

fn c_powu(x: C, n: u64) -> C {
    let mut r = (1.0, 0.0);
    let mut p = x;
    let mut mask: u64 = 1;
    while mask > 0 && n >= mask {
        if n & mask != 0 {
            r = c_prod(r, p);
        }
        mask <<= 1;
        p = c_prod(p, p);
    }
    r
}

/// `a ** b` for complex values, as `complex_pow` (small integral exponents multiply).
pub fn c_pow(a: C, b: C) -> Result<C, CError> {
    let p = if b.1 == 0.0 && b.0 == b.0.floor() && b.0.abs() <= 100.0 {
        let n = b.0 as i64;
        if n > 0 {
            c_powu(a, n as u64)
        } else {
            c_quot((1.0, 0.0), c_powu(a, n.unsigned_abs()))?
        }
    } else {
        c_pow_general(a, b)?
    };
    if p.0.is_infinite() || p.1.is_infinite() {
        return Err(CError::Range);
    }
    Ok(p)
}

/// `abs(z)`; `None` when a finite value overflows.
pub fn c_abs(z: C) -> Option<f64> {
    if !z.0.is_finite() || !z.1.is_finite() {
        if z.0.is_infinite() || z.1.is_infinite() {
            return Some(f64::INFINITY);
        }
        return Some(f64::NAN);
    }
    let r = z.0.hypot(z.1);
    if r.is_infinite() {
        None
    } else {
        Some(r)
    }
}

// ---------------------------------------------------------------------------------------
// repr, hash

/// `repr(complex)`: `(1+2j)`, `2j`, `(-0-1j)`.
pub fn complex_repr_string(re: f64, im: f64) -> String {
    if re == 0.0 && re.is_sign_positive() {
        format!("{}j", double_to_string(im, 'r', 0, 0))
    } else {
        format!("({}{}j)", double_to_string(re, 'r', 0, 0), double_to_string(im, 'r', 0, DTSF_SIGN))
    }
}

/// CPython's complex hash; `nan_hash` supplies the identity hash for NaN parts.
pub fn hash_complex(re: f64, im: f64, nan_hash: i64) -> i64 {
    let hr = float::hash_f64(re).unwrap_or(nan_hash) as u64;
    let hi = float::hash_f64(im).unwrap_or(nan_hash) as u64;
    let combined = hr.wrapping_add(1000003u64.wrapping_mul(hi)) as i64;
    if combined == -1 {
        -2
    } else {
        combined
    }
}

// ---------------------------------------------------------------------------------------
// Parsing

/// Length in bytes of the longest float literal at the start of `s` (sign included), and its
/// value; `None` if no float starts there.
fn float_prefix(s: &str) -> Option<(usize, f64)> {
    let b = s.as_bytes();
    let mut i = 0;
    if i < b.len() && (b[i] == b'+' || b[i] == b'-') {
        i += 1;
    }
    let lower = s[i..].to_ascii_lowercase();
    for word in ["infinity", "inf", "nan"] {
        if lower.starts_with(word) {
            let end = i + word.len();
            return float::parse_float_body(&s[..end]).map(|v| (end, v));
        }
    }
    let mut j = i;
    let mut digits = 0;
    let digit_run = |j: &mut usize, digits: &mut usize| {
        while *j < b.len() && (b[*j].is_ascii_digit() || (b[*j] == b'_' && *j + 1 < b.len() && b[*j + 1].is_ascii_digit() && *j > 0 && b[*j - 1].is_ascii_digit())) {
            if b[*j] != b'_' {
                *digits += 1;
            }
            *j += 1;
        }
    };
    digit_run(&mut j, &mut digits);
    if j < b.len() && b[j] == b'.' {
        j += 1;
        digit_run(&mut j, &mut digits);
    }
    if digits == 0 {
        return None;
    }
    if j < b.len() && (b[j] == b'e' || b[j] == b'E') {
        let mut k = j + 1;
        if k < b.len() && (b[k] == b'+' || b[k] == b'-') {
            k += 1;
        }
        let mut ed = 0;
        let start = k;
        while k < b.len() && (b[k].is_ascii_digit() || (b[k] == b'_' && k > start && k + 1 < b.len() && b[k + 1].is_ascii_digit())) {
            if b[k] != b'_' {
                ed += 1;
            }
            k += 1;
        }
        if ed > 0 {
            j = k;
        }
    }
    float::parse_float_body(&s[..j]).map(|v| (j, v))
}

/// Parse the text of `complex(s)`; `None` if malformed.
pub fn parse_complex_text(s: &str) -> Option<C> {
    let mut t = s.trim_matches(|c: char| c.is_whitespace());
    if let Some(inner) = t.strip_prefix('(') {
        t = inner.strip_suffix(')')?.trim_matches(|c: char| c.is_whitespace());
    }
    if t.is_empty() {
        return None;
    }
    let is_j = |c: Option<u8>| matches!(c, Some(b'j' | b'J'));
    let b = t.as_bytes();
    let (re, im, end) = match float_prefix(t) {
        Some((p1, x)) => {
            let next = b.get(p1).copied();
            if matches!(next, Some(b'+' | b'-')) {
                match float_prefix(&t[p1..]) {
                    Some((p2, y)) => {
                        let p = p1 + p2;
                        if !is_j(b.get(p).copied()) {
                            return None;
                        }
                        (x, y, p + 1)
                    }
                    None => {
                        if !is_j(b.get(p1 + 1).copied()) {
                            return None;
                        }
                        (x, if next == Some(b'-') { -1.0 } else { 1.0 }, p1 + 2)
                    }
                }
            } else if is_j(next) {
                (0.0, x, p1 + 1)
            } else {
                (x, 0.0, p1)
            }
        }
        None => {
            let mut p = 0;
            let mut sign = 1.0;
            if matches!(b.first(), Some(b'+' | b'-')) {
                if b[0] == b'-' {
                    sign = -1.0;
                }
                p = 1;
            }
            if !is_j(b.get(p).copied()) {
                return None;
            }
            (0.0, sign, p + 1)
        }
    };
    if end != t.len() {
        return None;
    }
    Some((re, im))
}

// ---------------------------------------------------------------------------------------
// Constructor

/// `x.__complex__()` if its type defines it.
fn try_complex_method(vm: &mut Vm, x: &Value) -> PyResult<Option<C>> {
    if x.downcast_exact::<ComplexData>().is_some() {
        return Ok(as_complex(x));
    }
    match crate::protocols::call::call_special(vm, x, "__complex__", &[])? {
        Some(r) => match as_complex(&r) {
            Some(c) => Ok(Some(c)),
            None => Err(vm.type_error(format!("__complex__ returned non-complex (type {})", r.ty().name()))),
        },
        None => Ok(None),
    }
}

fn is_real_number(v: &Value) -> bool {
    let s = &v.ty().slots;
    int::is_int(v) || float::is_float(v) || s.nb_float.get().is_some() || s.nb_index.get().is_some()
}

/// `complex.__new__(cls, real=0, imag=0)`.
fn complex_new(vm: &mut Vm, cls: &Value, args: &[Value], kwnames: Option<&Value>) -> PyResult<Value> {
    const NEW: crate::protocols::args::Spec = crate::protocols::args::Spec::keywords("complex", &[crate::protocols::args::Param::arg_opt("real"), crate::protocols::args::Param::arg_opt("imag")]);
    let [real, imag] = NEW.parse(vm, args, kwnames)?.map(|o| o.cloned());
    let ty = cls.as_type().unwrap_or(complex_type());
    let make = |re: f64, im: f64| -> Value {
        if std::ptr::eq(ty, complex_type()) {
            new_complex(re, im)
        } else {
            alloc_object(ty, ComplexData { re, im })
        }
    };
    let r = real.unwrap_or_else(|| Value::small_int(0));
    if let Some(text) = pystr::try_str(&r) {
        if imag.is_some() {
            return Err(vm.type_error("complex() can't take second arg if first is a string"));
        }
        let text = text.to_owned();
        return match parse_complex_text(&text) {
            Some((re, im)) => Ok(make(re, im)),
            None => Err(vm.value_error("complex() arg is a malformed string")),
        };
    }
    if let Some(i) = &imag {
        if pystr::is_str(i) {
            return Err(vm.type_error("complex() second arg can't be a string"));
        }
    }
    // An exact complex with no imaginary argument is returned as is.
    if imag.is_none() && r.downcast_exact::<ComplexData>().is_some() && std::ptr::eq(ty, complex_type()) {
        return Ok(r);
    }
    // CPython's complex_new_impl: each argument is either complex (both parts count) or a
    // real number (converted with __float__/__index__).
    let cr = match try_complex_method(vm, &r)? {
        Some(c) => Some(c),
        None => {
            if !is_real_number(&r) {
                return Err(vm.type_error(format!(
                    "complex() first argument must be a string or a number, not '{}'",
                    r.ty().name()
                )));
            }
            None
        }
    };
    let ci = match &imag {
        Some(i) => {
            if as_complex(i).is_none() && !is_real_number(i) {
                return Err(vm.type_error(format!("complex() second argument must be a number, not '{}'", i.ty().name())));
            }
            Some(as_complex(i))
        }
        None => None,
    };
    let (mut cr_real, cr_imag) = match cr {
        Some(c) => c,
        None => (crate::protocols::number::to_f64(vm, &r)?, 0.0),
    };
    let mut ci_real = match (&ci, &imag) {
        (Some(Some(c)), _) => c.0,
        (Some(None), Some(i)) => crate::protocols::number::to_f64(vm, i)?,
        _ => cr_imag,
    };
    if let Some(Some(c)) = ci {
        cr_real -= c.1;
    }
    if cr.is_some() && imag.is_some() {
        ci_real += cr_imag;
    }
    Ok(make(cr_real, ci_real))
}

// ---------------------------------------------------------------------------------------
// Slots

/// Operand conversion: complex, float or int (ints convert with OverflowError).
fn operand(vm: &mut Vm, v: &Value) -> PyResult<Option<C>> {
    if let Some(c) = as_complex(v) {
        return Ok(Some(c));
    }
    if let Some(f) = float::as_float(v) {
        return Ok(Some((f, 0.0)));
    }
    match int::as_int(v) {
        Some(r) => Ok(Some((int::int_ref_to_f64(vm, &r)?, 0.0))),
        None => Ok(None),
    }
}

fn operands(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Option<(C, C)>> {
    let Some(x) = operand(vm, a)? else { return Ok(None) };
    let Some(y) = operand(vm, b)? else { return Ok(None) };
    Ok(Some((x, y)))
}

fn complex_add(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    Ok(match operands(vm, a, b)? {
        Some((x, y)) => {
            let r = c_sum(x, y);
            new_complex(r.0, r.1)
        }
        None => none::not_implemented(),
    })
}

fn complex_sub(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    Ok(match operands(vm, a, b)? {
        Some((x, y)) => {
            let r = c_diff(x, y);
            new_complex(r.0, r.1)
        }
        None => none::not_implemented(),
    })
}

fn complex_mul(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    Ok(match operands(vm, a, b)? {
        Some((x, y)) => {
            let r = c_prod(x, y);
            new_complex(r.0, r.1)
        }
        None => none::not_implemented(),
    })
}

fn complex_truediv(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    match operands(vm, a, b)? {
        Some((x, y)) => match c_quot(x, y) {
            Ok(r) => Ok(new_complex(r.0, r.1)),
            Err(_) => Err(vm.zero_division_error("complex division by zero")),
        },
        None => Ok(none::not_implemented()),
    }
}

fn complex_pow(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    match operands(vm, a, b)? {
        Some((x, y)) => complex_pow_values(vm, x, y),
        None => Ok(none::not_implemented()),
    }
}

/// `a ** b` on complex parts with CPython's errors (also used by float for a negative
/// base raised to a fractional power).
pub fn complex_pow_values(vm: &mut Vm, a: C, b: C) -> PyResult<Value> {
    match c_pow(a, b) {
        Ok(r) => Ok(new_complex(r.0, r.1)),
        Err(CError::Domain) => Err(vm.zero_division_error("0.0 to a negative or complex power")),
        Err(CError::Range) => Err(vm.overflow_error("complex exponentiation")),
    }
}

fn complex_repr(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let (re, im) = as_complex(v).unwrap_or((0.0, 0.0));
    Ok(pystr::from_string(complex_repr_string(re, im)))
}

fn complex_hash(_vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let (re, im) = as_complex(v).unwrap_or((0.0, 0.0));
    Ok(hash_complex(re, im, float::hash_pointer(v.as_ptr() as usize)))
}

fn complex_richcompare(_vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
    if op != CompareOp::Eq && op != CompareOp::Ne {
        return Ok(none::not_implemented());
    }
    let (re, im) = as_complex(a).unwrap_or((0.0, 0.0));
    let equal = if let Some(r) = int::as_int(b) {
        im == 0.0 && float::compare_int_float(&r, re) == Some(std::cmp::Ordering::Equal)
    } else if let Some(f) = float::as_float(b) {
        im == 0.0 && re == f
    } else if let Some((bre, bim)) = as_complex(b) {
        re == bre && im == bim
    } else {
        return Ok(none::not_implemented());
    };
    Ok(none::bool_value(if op == CompareOp::Eq { equal } else { !equal }))
}

fn complex_neg(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let (re, im) = as_complex(v).unwrap_or((0.0, 0.0));
    Ok(new_complex(-re, -im))
}

fn complex_pos(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    if v.downcast_exact::<ComplexData>().is_some() {
        return Ok(v.clone());
    }
    let (re, im) = as_complex(v).unwrap_or((0.0, 0.0));
    Ok(new_complex(re, im))
}

fn complex_abs(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let z = as_complex(v).unwrap_or((0.0, 0.0));
    match c_abs(z) {
        Some(r) => Ok(float::new_float(r)),
        None => Err(vm.overflow_error("absolute value too large")),
    }
}

fn complex_bool(_vm: &mut Vm, v: &Value) -> PyResult<bool> {
    let (re, im) = as_complex(v).unwrap_or((0.0, 0.0));
    Ok(re != 0.0 || im != 0.0)
}

// ---------------------------------------------------------------------------------------
// Methods

fn self_c(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<C> {
    match args.first().and_then(as_complex) {
        Some(c) => Ok(c),
        None => Err(vm.type_error(format!("descriptor '{name}' requires a 'complex' object"))),
    }
}

fn complex_conjugate(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    crate::protocols::args::Spec::noargs("complex.conjugate").check(vm, &args[1..], kw)?;
    let (re, im) = self_c(vm, args, "conjugate")?;
    Ok(new_complex(re, -im))
}

fn complex_getnewargs(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    crate::protocols::args::Spec::noargs("complex.__getnewargs__").check(vm, &args[1..], kw)?;
    let (re, im) = self_c(vm, args, "__getnewargs__")?;
    Ok(tuple::new_tuple(vec![float::new_float(re), float::new_float(im)]))
}

fn complex_complex(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    crate::protocols::args::Spec::noargs("complex.__complex__").check(vm, &args[1..], kw)?;
    let (re, im) = self_c(vm, args, "__complex__")?;
    if args[0].downcast_exact::<ComplexData>().is_some() {
        return Ok(args[0].clone());
    }
    Ok(new_complex(re, im))
}

fn complex_get_real(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(float::new_float(as_complex(v).map(|c| c.0).unwrap_or(0.0)))
}

fn complex_get_imag(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(float::new_float(as_complex(v).map(|c| c.1).unwrap_or(0.0)))
}

pub static COMPLEX_METHODS: &[MethodDef] = &[
    MethodDef { name: "conjugate", func: complex_conjugate, kind: MethodKind::Instance, doc: "Return the complex conjugate of its argument. (3-4j).conjugate() == 3+4j." },
    MethodDef { name: "__getnewargs__", func: complex_getnewargs, kind: MethodKind::Instance, doc: "" },
    MethodDef { name: "__complex__", func: complex_complex, kind: MethodKind::Instance, doc: "Convert this value to exact type complex." },
    MethodDef { name: "__format__", func: crate::objects::format::complex_format_method, kind: MethodKind::Instance, doc: "Convert to a string according to format_spec." },
];

pub static COMPLEX_GETSETS: &[GetSetDef] = &[
    GetSetDef { name: "real", get: complex_get_real, set: None },
    GetSetDef { name: "imag", get: complex_get_imag, set: None },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reprs() {
        // repr() values printed by CPython 3.12.
        assert_eq!(complex_repr_string(1.0, 2.0), "(1+2j)");
        assert_eq!(complex_repr_string(0.0, 2.0), "2j");
        assert_eq!(complex_repr_string(-0.0, -1.0), "(-0-1j)");
        assert_eq!(complex_repr_string(0.0, -0.0), "-0j");
        assert_eq!(complex_repr_string(f64::NAN, f64::INFINITY), "(nan+infj)");
        assert_eq!(complex_repr_string(0.0, 1e16), "1e+16j");
        assert_eq!(complex_repr_string(1.0, 1e-7), "(1+1e-07j)");
        assert_eq!(complex_repr_string(1.5, 0.0), "(1.5+0j)");
    }

    #[test]
    fn hashes() {
        // [hash(x) for x in [1j, 1+1j, 2.5-3j, complex(5, 0), complex(-1, 0), complex(0, -1)]]
        assert_eq!(hash_complex(0.0, 1.0, 0), 1000003);
        assert_eq!(hash_complex(1.0, 1.0, 0), 1000004);
        assert_eq!(hash_complex(2.5, -3.0, 0), 1152921504603846969);
        assert_eq!(hash_complex(5.0, 0.0, 0), 5);
        assert_eq!(hash_complex(-1.0, 0.0, 0), -2);
        assert_eq!(hash_complex(0.0, -1.0, 0), -2000006);
    }

    #[test]
    fn parses() {
        assert_eq!(parse_complex_text(" ( 1-j ) "), Some((1.0, -1.0)));
        assert_eq!(parse_complex_text("j"), Some((0.0, 1.0)));
        assert_eq!(parse_complex_text("-J"), Some((0.0, -1.0)));
        assert_eq!(parse_complex_text("1_0+2_0j"), Some((10.0, 20.0)));
        assert_eq!(parse_complex_text("1e5j"), Some((0.0, 100000.0)));
        assert_eq!(parse_complex_text("2+3j"), Some((2.0, 3.0)));
        assert_eq!(parse_complex_text("-1.5e-3-2.5E+2j"), Some((-0.0015, -250.0)));
        assert!(parse_complex_text("inf-nanj").is_some_and(|c| c.0.is_infinite() && c.1.is_nan()));
        assert_eq!(parse_complex_text("1+2"), None);
        assert_eq!(parse_complex_text("(1+2j"), None);
        assert_eq!(parse_complex_text(""), None);
        assert_eq!(parse_complex_text("abc"), None);
        assert_eq!(parse_complex_text("1e"), None);
        assert_eq!(parse_complex_text("5"), Some((5.0, 0.0)));
    }

    #[test]
    fn arithmetic() {
        // Values printed by CPython 3.12.
        assert_eq!(c_pow((1.0, 2.0), (3.0, 0.0)), Ok((-11.0, -2.0)));
        assert_eq!(c_pow((1.0, 2.0), (-3.0, 0.0)), Ok((-0.08800000000000001, 0.016)));
        assert_eq!(c_pow((1.0, 2.0), (0.5, 0.0)), Ok((1.272019649514069, 0.7861513777574233)));
        assert_eq!(c_pow((1.0, 2.0), (1.0, 1.0)), Ok((-0.24720004426291722, 0.6964504870825432)));
        assert_eq!(c_pow((0.0, 0.0), (-1.0, 0.0)), Err(CError::Domain));
        assert_eq!(c_pow((0.0, 0.0), (0.0, 1.0)), Err(CError::Domain));
        assert_eq!(c_quot((1.0, 2.0), (3.0, -4.0)), Ok((-0.2, 0.4)));
        assert_eq!(c_quot((1.0, 0.0), (0.0, 0.0)), Err(CError::Domain));
        assert_eq!(c_abs((1e308, 1e308)), Some(1.4142135623730951e308));
        assert_eq!(c_abs((f64::MAX, f64::MAX)), None);
        assert_eq!(c_abs((3.0, 4.0)), Some(5.0));
    }
}
