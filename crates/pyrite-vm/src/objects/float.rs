//! `float`: IEEE doubles, their repr, hash, arithmetic and methods (CPython: `Objects/floatobject.c`, `Python/pystrtod.c`).
//!
//! Exact floats are recycled through a small per-thread free list, since arithmetic allocates
//! one float per result. Arithmetic accepts ints as either operand (int op float -> float).

use std::cell::Cell;
use std::cmp::Ordering;
use std::ptr::NonNull;

use num_bigint::BigInt;
use num_traits::{FromPrimitive, Signed, ToPrimitive, Zero};

use crate::object::free_list::FreeList;
use crate::object::{alloc_object, dealloc_payload, ObjHeader, Payload, PyObj, Value};
use crate::objects::int::{self, IntRef};
use crate::objects::{none, str as pystr, tuple};
use crate::typeobj::{flags, CompareOp, GetSetDef, MethodDef, MethodKind, PyType, StaticType, SlotDefs, nb_slots};
use crate::vm::{PyResult, Vm};
use pyrite_bytecode::opcode::binop;

/// The payload of a float object.
pub struct FloatData(pub f64);

impl Payload for FloatData {
    fn class() -> &'static PyType {
        &FLOAT_TYPE
    }
}

pub static FLOAT_TYPE: StaticType = StaticType::new(
    "float",
    Some(&crate::objects::object::OBJECT_TYPE),
    flags::BASETYPE | flags::IMMUTABLE,
    std::mem::size_of::<PyObj<FloatData>>(),
    float_dealloc,
    FLOAT_METHODS,
    FLOAT_GETSETS,
)
.with_slots(SlotDefs {
    repr: Some(float_repr),
    hash: Some(float_hash),
    richcompare: Some(float_richcompare),
    new: Some(float_new),
    nb: nb_slots(&[(binop::ADD, float_add), (binop::SUBTRACT, float_sub), (binop::MULTIPLY, float_mul), (binop::TRUE_DIVIDE, float_truediv), (binop::FLOOR_DIVIDE, float_floordiv), (binop::REMAINDER, float_mod), (binop::POWER, float_pow)]),
    nb_negative: Some(float_neg),
    nb_positive: Some(float_pos),
    nb_absolute: Some(float_abs),
    nb_bool: Some(float_bool),
    nb_int: Some(float_int),
    nb_float: Some(float_float),
    ..SlotDefs::EMPTY
});

#[inline(always)]
pub fn float_type() -> &'static PyType {
    &FLOAT_TYPE
}

// ---------------------------------------------------------------------------------------
// Allocation with a free list (CPython keeps one per interpreter, 100 entries).
//
// Dead exact floats are chained through their payload: the list is a head pointer and a
// count in one const-initialised thread-local cell (no lazy initialisation, no borrow flag), so
// both ends cost a few instructions.

const FREE_LIST_MAX: usize = 100;

#[inline(always)]
fn free_list() -> &'static FreeList {
    &crate::pystate::interp().free_lists.floats
}

/// A new exact float.
#[inline]
pub fn new_float(f: f64) -> Value {
    // SAFETY: blocks on the list are non-null.
    let recycled = free_list().pop().map(|p| unsafe { NonNull::new_unchecked(p) });
    match recycled {
        Some(ptr) => {
            // SAFETY: `ptr` is the memory of a dead exact float (its payload was dropped, the
            // block not freed); it has room for a `PyObj<FloatData>`. The type is static.
            unsafe {
                std::ptr::write(
                    ptr.as_ptr() as *mut PyObj<FloatData>,
                    PyObj {
                        header: ObjHeader { refcnt: Cell::new(1), ob_type: Cell::new(&FLOAT_TYPE.0) },
                        data: FloatData(f),
                    },
                );
                Value::from_header(ptr)
            }
        }
        None => alloc_object(&FLOAT_TYPE, FloatData(f)),
    }
}

/// The result `r` of an operation on two exact floats, stored into an operand that nobody
/// else refers to (its count is 1: the caller's) when there is one, so that arithmetic on
/// temporaries allocates and frees nothing; otherwise a new float.
#[inline(always)]
pub fn result_in_operand(a: Value, b: Value, r: f64) -> Value {
    for v in [a, b] {
        // SAFETY: `v` is a live exact float (the caller checked both operands).
        if unsafe { v.header().unwrap_unchecked() }.refcnt.get() == 1 {
            // SAFETY: the sole reference is `v`, so no one can observe the change.
            unsafe { (*(v.as_ptr() as *mut PyObj<FloatData>)).data.0 = r };
            return v;
        }
    }
    new_float(r)
}

/// Like [`result_in_operand`] when one operand may be a small int (which is skipped).
pub fn result_in_float_operand(a: Value, b: Value, r: f64) -> Value {
    for v in [a, b] {
        if let Some(h) = v.header() {
            if h.refcnt.get() == 1 && std::ptr::eq(h.ty(), float_type()) {
                // SAFETY: an exact float whose sole reference is `v`: no one can observe it.
                unsafe { (*(v.as_ptr() as *mut PyObj<FloatData>)).data.0 = r };
                return v;
            }
        }
    }
    new_float(r)
}

/// A float operand of the mixed fast path: an exact float, or a small int (converted with
/// round-half-even, as CPython's int-to-float conversion does).
#[inline(always)]
pub fn float_or_small_int(v: &Value) -> Option<f64> {
    match v.as_small_int() {
        Some(i) => Some(i as f64),
        None => exact_float(v),
    }
}

/// `a OP b` on doubles when Python's result is the plain IEEE one: `+ - *` always, `/` by a
/// non-zero divisor, `**` of a positive finite base to a finite power with a finite result.
/// `None` when the full operation must decide (it raises or has special cases).
#[inline]
pub fn simple_float_binop(a: f64, b: f64, op: u32) -> Option<f64> {
    use pyrite_bytecode::opcode::binop;
    match op {
        binop::ADD => Some(a + b),
        binop::SUBTRACT => Some(a - b),
        binop::MULTIPLY => Some(a * b),
        binop::TRUE_DIVIDE if b != 0.0 => Some(a / b),
        binop::POWER if a > 0.0 && a.is_finite() && b.is_finite() => {
            let r = a.powf(b);
            r.is_finite().then_some(r)
        }
        _ => None,
    }
}

/// `dealloc` for floats: exact floats go to the free list, subclass instances are freed.
///
/// # Safety
/// Called by the object core on a float (or float subclass) whose count reached zero.
unsafe fn float_dealloc(obj: *mut ObjHeader) {
    // SAFETY: called by the object core once, on a float whose count reached zero: an exact float
    // goes to `free_exact`, whose contract this is; a subclass instance takes the standard path for
    // its payload.
    unsafe {
        if std::ptr::eq((*obj).ob_type.get(), &FLOAT_TYPE.0) {
            free_exact(obj);
        } else {
            dealloc_payload::<FloatData>(obj)
        }
    }
}

/// Put a dead exact float on the free list, or free it when the list is full.
///
/// # Safety
/// `obj` is an exact float whose count reached zero.
#[inline]
pub(crate) unsafe fn free_exact(obj: *mut ObjHeader) {
    // SAFETY: by the caller's contract (`# Safety` above) `obj` is a dead exact float: its payload
    // needs no drop, and its block (of the float size class) goes on the float free list or back to
    // the allocator, once.
    unsafe {
        // SAFETY: a dead exact float; its payload (a plain f64) needs no drop.
        let kept = free_list().push(obj, FREE_LIST_MAX);
        if !kept {
            dealloc_payload::<FloatData>(obj)
        }
    }
}

/// Free the blocks kept by a float free list (interpreter teardown).
pub(crate) fn drain_free_list(list: &FreeList) {
    // SAFETY: blocks on the list are dead exact floats, allocated as such.
    list.drain(|obj| unsafe { crate::object::raw_free(obj, &FLOAT_TYPE.0, std::mem::size_of::<PyObj<FloatData>>()) });
}

/// A float-subclass instance (or an exact float if `cls` is `float`).
pub fn new_float_of(cls: &PyType, f: f64) -> Value {
    if std::ptr::eq(cls, float_type()) {
        new_float(f)
    } else {
        alloc_object(cls, FloatData(f))
    }
}

/// The value of a float or float-subclass instance.
#[inline]
pub fn as_float(v: &Value) -> Option<f64> {
    v.downcast::<FloatData>().map(|d| d.0)
}

/// The value of an exact float (not a subclass instance): the arithmetic fast path.
#[inline(always)]
pub fn exact_float(v: &Value) -> Option<f64> {
    v.downcast_exact::<FloatData>().map(|d| d.0)
}

#[inline]
pub fn is_float(v: &Value) -> bool {
    as_float(v).is_some()
}

// ---------------------------------------------------------------------------------------
// Comparison with ints

/// Exact comparison of an int with a float (`None` when `f` is NaN), as CPython's
/// `float_richcompare` does: never rounds the int.
pub fn compare_int_float(i: &IntRef<'_>, f: f64) -> Option<Ordering> {
    if f.is_nan() {
        return None;
    }
    if f.is_infinite() {
        return Some(if f > 0.0 { Ordering::Less } else { Ordering::Greater });
    }
    if let IntRef::Small(s) = i {
        if s.unsigned_abs() <= (1u64 << 53) {
            return (*s as f64).partial_cmp(&f);
        }
    }
    let t = f.trunc();
    let tb = BigInt::from_f64(t)?;
    let ib = i.to_bigint();
    match ib.cmp(&tb) {
        Ordering::Equal => {
            let frac = f - t;
            Some(if frac > 0.0 {
                Ordering::Less
            } else if frac < 0.0 {
                Ordering::Greater
            } else {
                Ordering::Equal
            })
        }
        o => Some(o),
    }
}

// ---------------------------------------------------------------------------------------
// repr and formatting digits

/// Shortest round-tripping digits of a finite non-zero `|f|`: (digits, decpt) such that
/// `|f| = 0.DIGITS * 10**decpt`, digits without trailing zeros (dtoa mode 0).
pub fn shortest_digits(f: f64) -> (String, i32) {
    let mut buf = ryu::Buffer::new();
    let s = buf.format_finite(f.abs());
    digits_of_decimal_text(s)
}

/// Split decimal text (`123.45`, `1.5e-7`, `1e16`) into significant digits and the decimal
/// point position; trailing and leading zeros removed. Zero gives ("", 0).
fn digits_of_decimal_text(s: &str) -> (String, i32) {
    let (mant, exp) = match s.find(['e', 'E']) {
        Some(p) => (&s[..p], s[p + 1..].parse::<i32>().unwrap_or(0)),
        None => (s, 0),
    };
    let (ip, fp) = match mant.find('.') {
        Some(p) => (&mant[..p], &mant[p + 1..]),
        None => (mant, ""),
    };
    let mut digits: String = ip.chars().chain(fp.chars()).collect();
    let mut decpt = ip.len() as i32 + exp;
    let lead = digits.len() - digits.trim_start_matches('0').len();
    digits.drain(..lead);
    decpt -= lead as i32;
    let trimmed = digits.trim_end_matches('0').len();
    digits.truncate(trimmed);
    if digits.is_empty() {
        decpt = 0;
    }
    (digits, decpt)
}

/// `d` rounded to `p` decimals (the digits and decimal point of [`shortest_digits`]' form)
/// from its shortest representation, when that gives the correctly rounded answer: the
/// exact binary value lies within half an ulp of the shortest decimal, and no other decimal
/// of that length does, so the two round alike unless the shortest decimal ends exactly on a
/// rounding tie, or an ulp is not below the last kept decimal place. `None` then (the exact
/// expansion decides). Saves the exact formatter's bignum path for the common `%.2f` of
/// values with few decimals.
fn fixed_from_shortest(d: f64, p: i64) -> Option<(String, i32)> {
    if !(0..=17).contains(&p) {
        return None;
    }
    // ulp(d) <= |d| * 2**-52 < 10**-p
    if d.abs() >= 4503599627370496.0 / 10f64.powi(p as i32) {
        return None;
    }
    let (digits, decpt) = shortest_digits(d);
    let p = p as i32;
    let frac = digits.len() as i32 - decpt;
    if frac <= p {
        return Some((digits, decpt));
    }
    let bytes = digits.as_bytes();
    if frac == p + 1 && bytes[bytes.len() - 1] == b'5' {
        return None;
    }
    let keep = decpt + p;
    if keep < 0 {
        return Some((String::new(), -p));
    }
    let keep = keep as usize;
    let round_up = bytes[keep] >= b'5';
    let mut kept: Vec<u8> = bytes[..keep].to_vec();
    let mut decpt = decpt;
    if round_up {
        let mut i = kept.len();
        loop {
            if i == 0 {
                kept.insert(0, b'1');
                decpt += 1;
                break;
            }
            i -= 1;
            if kept[i] == b'9' {
                kept[i] = b'0';
            } else {
                kept[i] += 1;
                break;
            }
        }
    }
    while kept.last() == Some(&b'0') {
        kept.pop();
    }
    if kept.is_empty() {
        return Some((String::new(), -p));
    }
    // SAFETY: ASCII digits only.
    Some((unsafe { String::from_utf8_unchecked(kept) }, decpt))
}

/// Flags for [`double_to_string`] (CPython's `Py_DTSF_*`).
pub const DTSF_SIGN: u32 = 1;
pub const DTSF_ADD_DOT_0: u32 = 2;
pub const DTSF_ALT: u32 = 4;

/// CPython's `PyOS_double_to_string`: `code` is one of `e E f F g G r`.
pub fn double_to_string(d: f64, code: char, precision: usize, flags: u32) -> String {
    let upper = code.is_ascii_uppercase();
    let code = code.to_ascii_lowercase();
    let sign_flag = flags & DTSF_SIGN != 0;
    let add_dot_0 = flags & DTSF_ADD_DOT_0 != 0;
    let alt = flags & DTSF_ALT != 0;
    let mut out = String::new();
    if !d.is_finite() {
        if d.is_nan() {
            if sign_flag {
                out.push('+');
            }
            out.push_str(if upper { "NAN" } else { "nan" });
        } else {
            if d < 0.0 {
                out.push('-');
            } else if sign_flag {
                out.push('+');
            }
            out.push_str(if upper { "INF" } else { "inf" });
        }
        return out;
    }
    let mut precision = precision as i64;
    // Digits and decimal point as dtoa would produce them (modes 0, 2, 3).
    let (digits, decpt) = match code {
        'r' => {
            if d == 0.0 {
                ("0".to_string(), 1)
            } else {
                shortest_digits(d)
            }
        }
        'e' | 'g' => {
            if code == 'e' {
                precision += 1;
            } else if precision == 0 {
                precision = 1;
            }
            if d == 0.0 {
                ("0".to_string(), 1)
            } else {
                let s = format!("{:.*e}", (precision - 1).max(0) as usize, d.abs());
                digits_of_decimal_text(&s)
            }
        }
        _ => {
            if d == 0.0 {
                ("0".to_string(), 1)
            } else if let Some(r) = fixed_from_shortest(d, precision) {
                r
            } else {
                let s = format!("{:.*}", precision as usize, d.abs());
                let (dg, dp) = digits_of_decimal_text(&s);
                if dg.is_empty() {
                    (dg, -(precision as i32))
                } else {
                    (dg, dp)
                }
            }
        }
    };
    let digits_len = digits.len() as i64;
    let mut decpt = decpt as i64;
    let mut use_exp = false;
    let mut vdigits_end = digits_len;
    match code {
        'e' => {
            use_exp = true;
            vdigits_end = precision;
        }
        'f' => vdigits_end = decpt + precision,
        'g' => {
            if decpt <= -4 || decpt > (if add_dot_0 { precision - 1 } else { precision }) {
                use_exp = true;
            }
            if alt {
                vdigits_end = precision;
            }
        }
        _ => {
            if decpt <= -4 || decpt > 16 {
                use_exp = true;
            }
        }
    }
    let mut exp = 0i64;
    if use_exp {
        exp = decpt - 1;
        decpt = 1;
    }
    let vdigits_start = if decpt <= 0 { decpt - 1 } else { 0 };
    if !use_exp && add_dot_0 {
        vdigits_end = vdigits_end.max(decpt + 1);
    } else {
        vdigits_end = vdigits_end.max(decpt);
    }
    if d.is_sign_negative() {
        out.push('-');
    } else if sign_flag {
        out.push('+');
    }
    let zeros = |out: &mut String, n: i64| {
        for _ in 0..n.max(0) {
            out.push('0');
        }
    };
    if decpt <= 0 {
        zeros(&mut out, decpt - vdigits_start);
        out.push('.');
        zeros(&mut out, -decpt);
    } else {
        zeros(&mut out, -vdigits_start);
    }
    if 0 < decpt && decpt <= digits_len {
        out.push_str(&digits[..decpt as usize]);
        out.push('.');
        out.push_str(&digits[decpt as usize..]);
    } else {
        out.push_str(&digits);
    }
    if digits_len < decpt {
        zeros(&mut out, decpt - digits_len);
        out.push('.');
        zeros(&mut out, vdigits_end - decpt);
    } else {
        zeros(&mut out, vdigits_end - digits_len);
    }
    if out.ends_with('.') && !alt {
        out.pop();
    }
    if use_exp {
        out.push(if upper { 'E' } else { 'e' });
        out.push(if exp < 0 { '-' } else { '+' });
        let a = exp.unsigned_abs();
        if a < 10 {
            out.push('0');
        }
        out.push_str(&a.to_string());
    }
    out
}

/// `repr(f)` (and `str(f)`): shortest round-tripping text.
pub fn float_repr_string(f: f64) -> String {
    double_to_string(f, 'r', 0, DTSF_ADD_DOT_0)
}

// ---------------------------------------------------------------------------------------
// Hash

const HASH_MODULUS: u64 = (1u64 << 61) - 1;
const HASH_BITS: u32 = 61;
pub const HASH_INF: i64 = 314159;

/// CPython's `_Py_HashDouble` for finite and infinite values (`None` for NaN, whose hash is
/// identity-based).
pub fn hash_f64(v: f64) -> Option<i64> {
    if v.is_nan() {
        return None;
    }
    if v.is_infinite() {
        return Some(if v > 0.0 { HASH_INF } else { -HASH_INF });
    }
    let (mut m, mut e) = frexp(v);
    let mut sign = 1i64;
    if m < 0.0 {
        sign = -1;
        m = -m;
    }
    let mut x: u64 = 0;
    while m != 0.0 {
        x = ((x << 28) & HASH_MODULUS) | (x >> (HASH_BITS - 28));
        m *= 268435456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        x += y;
        if x >= HASH_MODULUS {
            x -= HASH_MODULUS;
        }
    }
    let e = if e >= 0 { e % HASH_BITS as i32 } else { HASH_BITS as i32 - 1 - ((-1 - e) % HASH_BITS as i32) } as u32;
    x = ((x << e) & HASH_MODULUS) | (x >> (HASH_BITS - e));
    let h = (x as i64) * sign;
    Some(if h == -1 { -2 } else { h })
}

/// CPython's `_Py_HashPointer` (used for NaN).
pub fn hash_pointer(p: usize) -> i64 {
    let y = p.rotate_right(4) as i64;
    if y == -1 {
        -2
    } else {
        y
    }
}

/// `frexp`: `v = m * 2**e` with `0.5 <= |m| < 1` (for finite non-zero `v`; zero gives (0, 0)).
pub fn frexp(v: f64) -> (f64, i32) {
    if v == 0.0 || !v.is_finite() {
        return (v, 0);
    }
    let bits = v.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        // Subnormal: scale up first.
        let (m, e) = frexp(v * f64::from_bits(0x4350_0000_0000_0000)); // 2**54
        return (m, e - 54);
    }
    let m = f64::from_bits((bits & !(0x7ffu64 << 52)) | (1022u64 << 52));
    (m, exp - 1022)
}

/// `m * 2**e`, exact whenever the result is representable (scaling in steps).
pub fn ldexp(mut m: f64, mut e: i32) -> f64 {
    let big = f64::from_bits(((1023 + 1000) as u64) << 52); // 2**1000
    let small = f64::from_bits(((1023 - 1000) as u64) << 52); // 2**-1000
    while e > 1000 {
        m *= big;
        e -= 1000;
        if m.is_infinite() {
            return m;
        }
    }
    while e < -1000 {
        m *= small;
        e += 1000;
        if m == 0.0 {
            return m;
        }
    }
    if e >= -1022 {
        m * f64::from_bits(((1023 + e) as u64) << 52)
    } else {
        // Two steps so the final multiplication rounds once.
        m * f64::from_bits(((1023 + e + 200) as u64) << 52) * f64::from_bits(((1023 - 200) as u64) << 52)
    }
}

// ---------------------------------------------------------------------------------------
// Conversions

/// `int(f)`: truncation with CPython's errors for infinities and NaN.
pub fn float_to_int(vm: &mut Vm, f: f64) -> PyResult<Value> {
    if f.is_nan() {
        return Err(vm.value_error("cannot convert float NaN to integer"));
    }
    if f.is_infinite() {
        return Err(vm.overflow_error("cannot convert float infinity to integer"));
    }
    let t = f.trunc();
    if t.abs() < 4.0e18 {
        return Ok(Value::int(t as i64));
    }
    match BigInt::from_f64(t) {
        Some(b) => Ok(int::from_bigint(b)),
        None => Err(vm.overflow_error("cannot convert float infinity to integer")),
    }
}

/// Is `c` whitespace for number parsing (`str.strip()` semantics)?
pub fn is_py_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// Parse the text of `float(s)`: surrounding whitespace, sign, `inf`/`infinity`/`nan`,
/// decimal digits with single underscores between digits. `None` if invalid.
pub fn parse_float_text(s: &str) -> Option<f64> {
    let s = s.trim_matches(|c: char| c.is_whitespace());
    parse_float_body(s)
}

/// Parse a float literal without surrounding whitespace.
pub fn parse_float_body(s: &str) -> Option<f64> {
    let (neg, body) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let lower = body.to_ascii_lowercase();
    let special = match lower.as_str() {
        "inf" | "infinity" => Some(f64::INFINITY),
        "nan" => Some(f64::NAN),
        _ => None,
    };
    if let Some(v) = special {
        return Some(if neg { -v } else { v });
    }
    let clean = strip_digit_underscores(body)?;
    // Validate the grammar: digits [. digits] [e [sign] digits], at least one mantissa digit.
    let b = clean.as_bytes();
    let mut i = 0;
    let mut mant_digits = 0;
    while i < b.len() && b[i].is_ascii_digit() {
        i += 1;
        mant_digits += 1;
    }
    if i < b.len() && b[i] == b'.' {
        i += 1;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
            mant_digits += 1;
        }
    }
    if mant_digits == 0 {
        return None;
    }
    if i < b.len() && (b[i] == b'e' || b[i] == b'E') {
        i += 1;
        if i < b.len() && (b[i] == b'+' || b[i] == b'-') {
            i += 1;
        }
        let start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        if i == start {
            return None;
        }
    }
    if i != b.len() {
        return None;
    }
    let v: f64 = clean.parse().ok()?;
    Some(if neg { -v } else { v })
}

/// Remove underscores that sit between two digits; `None` if any other underscore occurs,
/// or if a non-ASCII character is present that is not a Unicode decimal digit.
fn strip_digit_underscores(s: &str) -> Option<String> {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(chars.len());
    for (i, &c) in chars.iter().enumerate() {
        if c == '_' {
            let prev_ok = i > 0 && chars[i - 1].is_ascii_digit();
            let next_ok = chars.get(i + 1).is_some_and(|n| n.is_ascii_digit());
            if !(prev_ok && next_ok) {
                return None;
            }
            continue;
        }
        if !c.is_ascii() {
            out.push(unicode_decimal(c)?);
            continue;
        }
        out.push(c);
    }
    Some(out)
}

/// The ASCII digit for a Unicode decimal digit (the common `Nd` blocks).
pub fn unicode_decimal(c: char) -> Option<char> {
    const ZEROS: &[u32] = &[
        0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6, 0x0C66, 0x0CE6, 0x0D66,
        0x0DE6, 0x0E50, 0x0ED0, 0x0F20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0xFF10,
        0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6,
    ];
    let n = c as u32;
    for z in ZEROS {
        if n >= *z && n < z + 10 {
            return char::from_digit(n - z, 10);
        }
    }
    None
}

/// `float(x)` for a str, bytes-like text or number, with CPython's errors.
pub fn float_from_object(vm: &mut Vm, x: &Value) -> PyResult<f64> {
    if let Some(f) = x.downcast_exact::<FloatData>() {
        return Ok(f.0);
    }
    if let Some(s) = pystr::try_str(x) {
        let s = s.to_owned();
        return match parse_float_text(&s) {
            Some(f) => Ok(f),
            None => {
                let r = crate::protocols::object::repr_string(vm, x)?;
                Err(vm.value_error(format!("could not convert string to float: {r}")))
            }
        };
    }
    if let Some(f) = x.ty().slots.nb_float.get() {
        let r = f(vm, x)?;
        return match as_float(&r) {
            Some(v) => Ok(v),
            None => Err(vm.type_error(format!("{}.__float__ returned non-float (type {})", x.ty().name(), r.ty().name()))),
        };
    }
    if crate::protocols::number::has_index(x) {
        let i = crate::protocols::number::index(vm, x)?;
        let r = int::as_int(&i).map(|r| r.to_bigint()).unwrap_or_default();
        return int::bigint_to_f64(vm, &r);
    }
    if let Some(bytes) = crate::objects::int_convert::bytes_like(x) {
        let text = String::from_utf8_lossy(&bytes).into_owned();
        return match parse_float_text(&text) {
            Some(f) => Ok(f),
            None => {
                let r = crate::protocols::object::repr_string(vm, x)?;
                Err(vm.value_error(format!("could not convert string to float: {r}")))
            }
        };
    }
    Err(vm.type_error(format!("float() argument must be a string or a real number, not '{}'", x.ty().name())))
}

/// `float.__new__`.
fn float_new(vm: &mut Vm, cls: &Value, args: &[Value], kwnames: Option<&Value>) -> PyResult<Value> {
    const NEW: crate::protocols::args::Spec = crate::protocols::args::Spec::positional("float", &[crate::protocols::args::Param::pos_opt("x")]);
    NEW.check(vm, args, kwnames)?;
    let f = match args.first() {
        Some(x) => float_from_object(vm, x)?,
        None => 0.0,
    };
    let ty = cls.as_type().unwrap_or(float_type());
    Ok(new_float_of(ty, f))
}

// ---------------------------------------------------------------------------------------
// Arithmetic

/// Operand conversion for float arithmetic: floats, and ints (converted exactly-rounded).
/// `Ok(None)` means the operand is foreign (NotImplemented).
fn operand(vm: &mut Vm, v: &Value) -> PyResult<Option<f64>> {
    if let Some(f) = as_float(v) {
        return Ok(Some(f));
    }
    match int::as_int(v) {
        Some(r) => Ok(Some(int::int_ref_to_f64(vm, &r)?)),
        None => Ok(None),
    }
}

/// Both operands as doubles, or `None` if either is foreign.
fn operands(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Option<(f64, f64)>> {
    let Some(x) = operand(vm, a)? else { return Ok(None) };
    let Some(y) = operand(vm, b)? else { return Ok(None) };
    Ok(Some((x, y)))
}

/// Python's float `%` (result has the sign of the divisor).
pub fn float_mod_f64(vx: f64, wx: f64) -> f64 {
    let m = vx % wx;
    if m != 0.0 {
        if (wx < 0.0) != (m < 0.0) {
            m + wx
        } else {
            m
        }
    } else {
        0.0f64.copysign(wx)
    }
}

/// Python's float `divmod` (divisor non-zero).
pub fn float_divmod_f64(vx: f64, wx: f64) -> (f64, f64) {
    let mut m = vx % wx;
    let mut div = (vx - m) / wx;
    if m != 0.0 {
        if (wx < 0.0) != (m < 0.0) {
            m += wx;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(wx);
    }
    let floordiv = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0.0f64.copysign(vx / wx)
    };
    (floordiv, m)
}

fn is_odd_integer(x: f64) -> bool {
    x.is_finite() && (x % 2.0 == 1.0 || x % 2.0 == -1.0)
}

/// `x ** y` for doubles, CPython's `float_pow` (a negative base with a fractional exponent
/// gives a complex result).
pub fn float_pow_f64(vm: &mut Vm, iv: f64, iw: f64) -> PyResult<Value> {
    if iw == 0.0 {
        return Ok(new_float(1.0));
    }
    if iv.is_nan() {
        return Ok(new_float(iv));
    }
    if iw.is_nan() {
        return Ok(new_float(if iv == 1.0 { 1.0 } else { iw }));
    }
    if iw.is_infinite() {
        let a = iv.abs();
        return Ok(new_float(if a == 1.0 {
            1.0
        } else if (iw > 0.0) == (a > 1.0) {
            iw.abs()
        } else {
            0.0
        }));
    }
    if iv.is_infinite() {
        let odd = is_odd_integer(iw);
        return Ok(new_float(if iw > 0.0 {
            if odd { iv } else { iv.abs() }
        } else if odd {
            0.0f64.copysign(iv)
        } else {
            0.0
        }));
    }
    if iv == 0.0 {
        let odd = is_odd_integer(iw);
        if iw < 0.0 {
            return Err(vm.zero_division_error("0.0 cannot be raised to a negative power"));
        }
        return Ok(new_float(if odd { iv } else { 0.0 }));
    }
    let mut base = iv;
    let mut negate = false;
    if iv < 0.0 {
        if iw != iw.floor() {
            return crate::objects::complex::complex_pow_values(vm, (iv, 0.0), (iw, 0.0));
        }
        base = -iv;
        negate = is_odd_integer(iw);
    }
    if base == 1.0 {
        return Ok(new_float(if negate { -1.0 } else { 1.0 }));
    }
    let mut r = base.powf(iw);
    if r.is_infinite() {
        return Err(pow_overflow(vm));
    }
    if negate {
        r = -r;
    }
    Ok(new_float(r))
}

/// `OverflowError(34, 'Numerical result out of range')` (CPython's errno-based error).
pub fn pow_overflow(vm: &mut Vm) -> crate::vm::PyErr {
    let args = vec![Value::small_int(34), pystr::new_str("Numerical result out of range")];
    vm.new_exception_args(crate::objects::exceptions::overflow_error(), args)
}

fn float_add(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    match operands(vm, a, b)? {
        Some((x, y)) => Ok(new_float(x + y)),
        None => Ok(none::not_implemented()),
    }
}

fn float_sub(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    match operands(vm, a, b)? {
        Some((x, y)) => Ok(new_float(x - y)),
        None => Ok(none::not_implemented()),
    }
}

fn float_mul(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    match operands(vm, a, b)? {
        Some((x, y)) => Ok(new_float(x * y)),
        None => Ok(none::not_implemented()),
    }
}

fn float_truediv(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    match operands(vm, a, b)? {
        Some((_, y)) if y == 0.0 => Err(vm.zero_division_error("float division by zero")),
        Some((x, y)) => Ok(new_float(x / y)),
        None => Ok(none::not_implemented()),
    }
}

fn float_floordiv(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    match operands(vm, a, b)? {
        Some((_, y)) if y == 0.0 => Err(vm.zero_division_error("float floor division by zero")),
        Some((x, y)) => Ok(new_float(float_divmod_f64(x, y).0)),
        None => Ok(none::not_implemented()),
    }
}

fn float_mod(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    match operands(vm, a, b)? {
        Some((_, y)) if y == 0.0 => Err(vm.zero_division_error("float modulo")),
        Some((x, y)) => Ok(new_float(float_mod_f64(x, y))),
        None => Ok(none::not_implemented()),
    }
}

fn float_pow(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    match operands(vm, a, b)? {
        Some((x, y)) => float_pow_f64(vm, x, y),
        None => Ok(none::not_implemented()),
    }
}

/// `divmod(a, b)` when one operand is a float and the other a float or int; `NotImplemented`
/// for foreign operands (for the `divmod` builtin and `__divmod__`/`__rdivmod__`).
pub fn float_divmod(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    match operands(vm, a, b)? {
        Some((_, y)) if y == 0.0 => Err(vm.zero_division_error("float divmod()")),
        Some((x, y)) => {
            let (q, r) = float_divmod_f64(x, y);
            Ok(tuple::new_tuple(vec![new_float(q), new_float(r)]))
        }
        None => Ok(none::not_implemented()),
    }
}

fn self_f(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<f64> {
    match args.first().and_then(as_float) {
        Some(f) => Ok(f),
        None => Err(vm.type_error(format!("descriptor '{name}' requires a 'float' object"))),
    }
}

fn float_divmod_method(vm: &mut Vm, args: &[Value], _kw: Option<&Value>) -> PyResult<Value> {
    // A slot wrapper's check (`wrap_binaryfunc`).
    if args.len() != 2 {
        return Err(vm.type_error(format!("expected 1 argument, got {}", args.len().saturating_sub(1))));
    }
    float_divmod(vm, &args[0], &args[1])
}

fn float_rdivmod_method(vm: &mut Vm, args: &[Value], _kw: Option<&Value>) -> PyResult<Value> {
    if args.len() != 2 {
        return Err(vm.type_error(format!("expected 1 argument, got {}", args.len().saturating_sub(1))));
    }
    float_divmod(vm, &args[1], &args[0])
}

// ---------------------------------------------------------------------------------------
// Slots

fn float_repr(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(pystr::from_string(float_repr_string(as_float(v).unwrap_or(0.0))))
}

fn float_hash(_vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let f = as_float(v).unwrap_or(0.0);
    Ok(match hash_f64(f) {
        Some(h) => h,
        None => hash_pointer(v.as_ptr() as usize),
    })
}

fn float_richcompare(_vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
    let x = as_float(a).unwrap_or(f64::NAN);
    if let Some(y) = as_float(b) {
        let r = match x.partial_cmp(&y) {
            Some(o) => op.test(o),
            None => op == CompareOp::Ne,
        };
        return Ok(none::bool_value(r));
    }
    if let Some(i) = int::as_int(b) {
        let r = match compare_int_float(&i, x) {
            Some(o) => op.swapped().test(o),
            None => op == CompareOp::Ne,
        };
        return Ok(none::bool_value(r));
    }
    Ok(none::not_implemented())
}

fn float_neg(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(new_float(-as_float(v).unwrap_or(0.0)))
}

fn float_pos(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    if v.downcast_exact::<FloatData>().is_some() {
        return Ok(v.clone());
    }
    Ok(new_float(as_float(v).unwrap_or(0.0)))
}

fn float_abs(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(new_float(as_float(v).unwrap_or(0.0).abs()))
}

fn float_bool(_vm: &mut Vm, v: &Value) -> PyResult<bool> {
    Ok(as_float(v).unwrap_or(0.0) != 0.0)
}

fn float_int(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    float_to_int(vm, as_float(v).unwrap_or(0.0))
}

fn float_float(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    float_pos(_vm, v)
}

// ---------------------------------------------------------------------------------------
// Methods

fn float_is_integer(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    crate::protocols::args::Spec::noargs("float.is_integer").check(vm, &args[1..], kw)?;
    let f = self_f(vm, args, "is_integer")?;
    Ok(none::bool_value(f.is_finite() && f == f.floor()))
}

/// `(numerator, denominator)` of a finite double, in lowest terms.
pub fn integer_ratio(f: f64) -> (BigInt, BigInt) {
    let (m, e) = frexp(f);
    // m * 2**53 is an integer.
    let mant = (m * 9007199254740992.0) as i64;
    let mut e = e - 53;
    let mut mant = BigInt::from(mant);
    if mant.is_zero() {
        return (mant, BigInt::from(1));
    }
    let tz = mant.trailing_zeros().unwrap_or(0) as i32;
    let shift = if e < 0 { tz.min(-e) } else { 0 };
    mant >>= shift as usize;
    e += shift;
    if e >= 0 {
        (mant << e as usize, BigInt::from(1))
    } else {
        (mant, BigInt::from(1) << (-e) as usize)
    }
}

fn float_as_integer_ratio(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    crate::protocols::args::Spec::noargs("float.as_integer_ratio").check(vm, &args[1..], kw)?;
    let f = self_f(vm, args, "as_integer_ratio")?;
    if f.is_infinite() {
        return Err(vm.overflow_error("cannot convert Infinity to integer ratio"));
    }
    if f.is_nan() {
        return Err(vm.value_error("cannot convert NaN to integer ratio"));
    }
    let (n, d) = integer_ratio(f);
    Ok(tuple::new_tuple(vec![int::from_bigint(n), int::from_bigint(d)]))
}

/// `float.hex()`.
pub fn float_hex_string(f: f64) -> String {
    if f.is_nan() {
        return "nan".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { "inf".into() } else { "-inf".into() };
    }
    let sign = if f.is_sign_negative() { "-" } else { "" };
    if f == 0.0 {
        return format!("{sign}0x0.0p+0");
    }
    let bits = f.to_bits();
    let exp_bits = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1u64 << 52) - 1);
    let (lead, exp) = if exp_bits == 0 { (0, -1022) } else { (1, exp_bits - 1023) };
    format!("{sign}0x{lead}.{frac:013x}p{}{}", if exp < 0 { "-" } else { "+" }, exp.abs())
}

fn float_hex(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    crate::protocols::args::Spec::noargs("float.hex").check(vm, &args[1..], kw)?;
    let f = self_f(vm, args, "hex")?;
    Ok(pystr::from_string(float_hex_string(f)))
}

/// Parse `float.fromhex` text; `Err(true)` means overflow, `Err(false)` invalid text.
pub fn parse_hex_float(s: &str) -> Result<f64, bool> {
    let s = s.trim_matches(|c: char| c.is_whitespace());
    let (neg, body) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let lower = body.to_ascii_lowercase();
    match lower.as_str() {
        "inf" | "infinity" => return Ok(if neg { f64::NEG_INFINITY } else { f64::INFINITY }),
        "nan" => return Ok(f64::NAN),
        _ => {}
    }
    let mut rest = lower.as_str();
    if let Some(r) = rest.strip_prefix("0x") {
        rest = r;
    }
    let (mant, exp_text) = match rest.find('p') {
        Some(p) => (&rest[..p], Some(&rest[p + 1..])),
        None => (rest, None),
    };
    let (ip, fp) = match mant.find('.') {
        Some(p) => (&mant[..p], &mant[p + 1..]),
        None => (mant, ""),
    };
    if ip.is_empty() && fp.is_empty() {
        return Err(false);
    }
    let mut m = BigInt::zero();
    for c in ip.chars().chain(fp.chars()) {
        let d = c.to_digit(16).ok_or(false)?;
        m = (m << 4usize) + BigInt::from(d);
    }
    let mut exp: i64 = 0;
    if let Some(t) = exp_text {
        let (eneg, digits) = match t.as_bytes().first() {
            Some(b'-') => (true, &t[1..]),
            Some(b'+') => (false, &t[1..]),
            _ => (false, t),
        };
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(false);
        }
        // Saturate absurd exponents: they only decide between overflow and zero.
        let v: i64 = digits.parse().unwrap_or(i64::MAX / 4).min(i64::MAX / 4);
        exp = if eneg { -v } else { v };
    }
    exp -= 4 * fp.len() as i64;
    let v = if m.is_zero() {
        0.0
    } else {
        let top = m.bits() as i64 + exp; // value < 2**top
        if top > 1024 {
            return Err(true);
        }
        if top < -1100 {
            0.0
        } else if exp >= 0 {
            let r = (m << exp as usize).to_f64().unwrap_or(f64::INFINITY);
            if r.is_infinite() {
                return Err(true);
            }
            r
        } else {
            let r = crate::objects::int_convert::div_to_f64(&m, &(BigInt::from(1) << (-exp) as usize)).ok_or(true)?;
            if r.is_infinite() {
                return Err(true);
            }
            r
        }
    };
    Ok(if neg { -v } else { v })
}

fn float_fromhex(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    let s = crate::protocols::args::Spec::one("float.fromhex").arg(vm, &args[1..], kw)?;
    let Some(text) = pystr::try_str(s) else {
        return Err(vm.type_error(format!("fromhex() argument must be str, not {}", s.ty().name())));
    };
    let text = text.to_owned();
    let f = match parse_hex_float(&text) {
        Ok(f) => f,
        Err(true) => return Err(vm.overflow_error("hexadecimal value too large to represent as a float")),
        Err(false) => return Err(vm.value_error("invalid hexadecimal floating-point string")),
    };
    let cls = args[0].clone();
    match cls.as_type() {
        Some(t) if std::ptr::eq(t, float_type()) => Ok(new_float(f)),
        _ => crate::protocols::call::call(vm, &cls, &[new_float(f)], None),
    }
}

fn float_conjugate(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    crate::protocols::args::Spec::noargs("float.conjugate").check(vm, &args[1..], kw)?;
    let f = self_f(vm, args, "conjugate")?;
    Ok(new_float(f))
}

fn float_trunc(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    crate::protocols::args::Spec::noargs("float.__trunc__").check(vm, &args[1..], kw)?;
    let f = self_f(vm, args, "__trunc__")?;
    float_to_int(vm, f)
}

fn float_floor(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    crate::protocols::args::Spec::noargs("float.__floor__").check(vm, &args[1..], kw)?;
    let f = self_f(vm, args, "__floor__")?;
    float_to_int(vm, f.floor())
}

fn float_ceil(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    crate::protocols::args::Spec::noargs("float.__ceil__").check(vm, &args[1..], kw)?;
    let f = self_f(vm, args, "__ceil__")?;
    float_to_int(vm, f.ceil())
}

fn float_getnewargs(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    crate::protocols::args::Spec::noargs("float.__getnewargs__").check(vm, &args[1..], kw)?;
    let f = self_f(vm, args, "__getnewargs__")?;
    Ok(tuple::new_tuple(vec![new_float(f)]))
}

/// Round half to even to an integral double.
pub fn round_half_even(x: f64) -> f64 {
    let r = x.round();
    if (x - r).abs() == 0.5 {
        2.0 * (x / 2.0).round()
    } else {
        r
    }
}

/// `round(x, ndigits)` correctly rounded (half-even on the exact binary value), as CPython's
/// dtoa-based `double_round`. `Err(())` means the result overflows.
pub fn round_to_digits(x: f64, ndigits: i64) -> Result<f64, ()> {
    // Beyond these bounds the result is x itself or a signed zero (floatobject.c's NDIGITS_*).
    if !x.is_finite() || ndigits > 323 || x == 0.0 {
        return Ok(x);
    }
    if ndigits < -308 {
        return Ok(0.0 * x);
    }
    let (num, den) = integer_ratio(x.abs());
    let ten = |k: i64| num_traits::pow(BigInt::from(10), k as usize);
    // q = round_half_even(|x| * 10**ndigits) as an integer; result = q / 10**ndigits.
    let (n, d) = if ndigits >= 0 { (num * ten(ndigits), den) } else { (num, den * ten(-ndigits)) };
    let (mut q, r) = num_integer::Integer::div_rem(&n, &d);
    let twice = r * 2u32;
    if twice > d || (twice == d && num_integer::Integer::is_odd(&q)) {
        q += 1u32;
    }
    let v = if ndigits >= 0 {
        crate::objects::int_convert::div_to_f64(&q, &ten(ndigits)).ok_or(())?
    } else {
        (q * ten(-ndigits)).to_f64().unwrap_or(f64::INFINITY)
    };
    if v.is_infinite() {
        return Err(());
    }
    Ok(if x < 0.0 { -v } else { v })
}

fn float_round(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    let f = self_f(vm, args, "__round__")?;
    const ROUND: crate::protocols::args::Spec = crate::protocols::args::Spec::positional("float.__round__", &[crate::protocols::args::Param::pos_opt("ndigits")]);
    let parsed: [Option<Value>; 1] = ROUND.parse(vm, &args[1..], kw)?.map(|o| o.cloned());
    match parsed.into_iter().next().flatten() {
        Some(nd) if !none::is_none(&nd) => {
            let n = crate::protocols::number::index(vm, &nd)?;
            let n = match int::as_int(&n) {
                Some(IntRef::Small(i)) => i,
                Some(IntRef::Big(b)) => {
                    if b.is_negative() {
                        i64::MIN / 2
                    } else {
                        i64::MAX / 2
                    }
                }
                None => 0,
            };
            match round_to_digits(f, n) {
                Ok(v) => Ok(new_float(v)),
                Err(()) => Err(vm.overflow_error("rounded value too large to represent")),
            }
        }
        _ => float_to_int(vm, round_half_even(f)),
    }
}

fn float_get_real(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(new_float(as_float(v).unwrap_or(0.0)))
}

fn float_get_imag(_vm: &mut Vm, _v: &Value) -> PyResult<Value> {
    Ok(new_float(0.0))
}

pub static FLOAT_METHODS: &[MethodDef] = &[
    MethodDef { name: "is_integer", func: float_is_integer, kind: MethodKind::Instance, doc: "Return True if the float is an integer." },
    MethodDef { name: "as_integer_ratio", func: float_as_integer_ratio, kind: MethodKind::Instance, doc: "Return a pair of integers, whose ratio is exactly equal to the original float." },
    MethodDef { name: "hex", func: float_hex, kind: MethodKind::Instance, doc: "Return a hexadecimal representation of a floating-point number." },
    MethodDef { name: "fromhex", func: float_fromhex, kind: MethodKind::Class, doc: "Create a floating-point number from a hexadecimal string." },
    MethodDef { name: "conjugate", func: float_conjugate, kind: MethodKind::Instance, doc: "Return self, the complex conjugate of any float." },
    MethodDef { name: "__round__", func: float_round, kind: MethodKind::Instance, doc: "Return the Integral closest to x, rounding half toward even." },
    MethodDef { name: "__trunc__", func: float_trunc, kind: MethodKind::Instance, doc: "Return the Integral closest to x between 0 and x." },
    MethodDef { name: "__floor__", func: float_floor, kind: MethodKind::Instance, doc: "Return the floor as an Integral." },
    MethodDef { name: "__ceil__", func: float_ceil, kind: MethodKind::Instance, doc: "Return the ceiling as an Integral." },
    MethodDef { name: "__format__", func: crate::objects::format::float_format_method, kind: MethodKind::Instance, doc: "Formats the float according to format_spec." },
    MethodDef { name: "__getnewargs__", func: float_getnewargs, kind: MethodKind::Instance, doc: "" },
    MethodDef { name: "__divmod__", func: float_divmod_method, kind: MethodKind::Instance, doc: "Return divmod(self, value)." },
    MethodDef { name: "__rdivmod__", func: float_rdivmod_method, kind: MethodKind::Instance, doc: "Return divmod(value, self)." },
];

pub static FLOAT_GETSETS: &[GetSetDef] = &[
    GetSetDef { name: "real", get: float_get_real, set: None },
    GetSetDef { name: "imag", get: float_get_imag, set: None },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repr_matches_cpython() {
        // Expectations printed by CPython 3.12's repr().
        let cases: &[(f64, &str)] = &[
            (1.0, "1.0"),
            (1e16, "1e+16"),
            (1e15, "1000000000000000.0"),
            (1.5e-7, "1.5e-07"),
            (0.0001, "0.0001"),
            (0.00001, "1e-05"),
            (-0.0, "-0.0"),
            (0.1 + 0.2, "0.30000000000000004"),
            (5e-324, "5e-324"),
            (1.7976931348623157e308, "1.7976931348623157e+308"),
            (123456789012345678.0, "1.2345678901234568e+17"),
            (f64::INFINITY, "inf"),
            (f64::NEG_INFINITY, "-inf"),
            (f64::NAN, "nan"),
            (2.5, "2.5"),
            (1e22, "1e+22"),
            (9999999999999998.0, "9999999999999998.0"),
        ];
        for (f, want) in cases {
            assert_eq!(float_repr_string(*f), *want, "repr of {f:e}");
        }
    }

    #[test]
    #[allow(clippy::approx_constant)] // 3.14159 is a test input, not an approximation of π.
    fn double_to_string_codes() {
        // '%.3f' % x, '%.2e' % x, '%g' % x, '%#g' % x, '%.0f' % x from CPython 3.12.
        assert_eq!(double_to_string(3.14159, 'f', 3, 0), "3.142");
        assert_eq!(double_to_string(0.125, 'f', 2, 0), "0.12");
        assert_eq!(double_to_string(12345.678, 'e', 2, 0), "1.23e+04");
        assert_eq!(double_to_string(1e-10, 'g', 6, 0), "1e-10");
        assert_eq!(double_to_string(123456789.0, 'g', 6, 0), "1.23457e+08");
        assert_eq!(double_to_string(100.0, 'g', 6, 0), "100");
        assert_eq!(double_to_string(100.0, 'g', 6, DTSF_ALT), "100.000");
        assert_eq!(double_to_string(2.5, 'f', 0, 0), "2");
        assert_eq!(double_to_string(0.0004, 'f', 2, 0), "0.00");
        assert_eq!(double_to_string(1.0, 'e', 0, DTSF_ALT), "1.e+00");
        assert_eq!(double_to_string(1e100, 'E', 3, 0), "1.000E+100");
        assert_eq!(double_to_string(1.0, 'g', 3, DTSF_ADD_DOT_0), "1.0");
        assert_eq!(double_to_string(1e20, 'g', 3, DTSF_ADD_DOT_0), "1e+20");
        assert_eq!(double_to_string(-1.5, 'f', 1, DTSF_SIGN), "-1.5");
        assert_eq!(double_to_string(1.5, 'f', 1, DTSF_SIGN), "+1.5");
    }

    #[test]
    fn hashes_match_cpython() {
        // hash() values printed by CPython 3.12.
        assert_eq!(hash_f64(1.5), Some(1152921504606846977));
        assert_eq!(hash_f64(0.1), Some(230584300921369408));
        assert_eq!(hash_f64(-0.5), Some(-1152921504606846976));
        assert_eq!(hash_f64(1e300), Some(1224995262755759164));
        assert_eq!(hash_f64(f64::INFINITY), Some(314159));
        assert_eq!(hash_f64(f64::NEG_INFINITY), Some(-314159));
        assert_eq!(hash_f64(-1.0), Some(-2));
        assert_eq!(hash_f64(1e-300), Some(482449582752280463));
        assert_eq!(hash_f64(2.0f64.powi(61)), Some(1));
        assert_eq!(hash_f64(f64::NAN), None);
    }

    #[test]
    fn parse_float_texts() {
        assert_eq!(parse_float_text(" 1_000.5 "), Some(1000.5));
        assert_eq!(parse_float_text("1__0"), None);
        assert_eq!(parse_float_text("_1"), None);
        assert_eq!(parse_float_text("1_"), None);
        assert_eq!(parse_float_text("1_.5"), None);
        assert_eq!(parse_float_text("-iNfinity"), Some(f64::NEG_INFINITY));
        assert!(parse_float_text("nan").is_some_and(|f| f.is_nan()));
        assert_eq!(parse_float_text(".5e-3"), Some(0.0005));
        assert_eq!(parse_float_text("5."), Some(5.0));
        assert_eq!(parse_float_text("."), None);
        assert_eq!(parse_float_text("e5"), None);
        assert_eq!(parse_float_text("1e"), None);
        assert_eq!(parse_float_text(""), None);
        assert_eq!(parse_float_text("infinit"), None);
        assert_eq!(parse_float_text("١٢"), Some(12.0));
    }

    #[test]
    fn hex_round_trip() {
        assert_eq!(float_hex_string(0.1), "0x1.999999999999ap-4");
        assert_eq!(float_hex_string(5e-324), "0x0.0000000000001p-1022");
        assert_eq!(float_hex_string(-0.0), "-0x0.0p+0");
        assert_eq!(float_hex_string(1.7976931348623157e308), "0x1.fffffffffffffp+1023");
        assert_eq!(parse_hex_float(" -0X1.8P+1 "), Ok(-3.0));
        assert_eq!(parse_hex_float("0x1p10000"), Err(true));
        assert_eq!(parse_hex_float("zz"), Err(false));
        assert_eq!(parse_hex_float("0x0.0000000000001p-1022"), Ok(5e-324));
        assert_eq!(parse_hex_float("1.fffffffffffff8p1023"), Err(true));
        // float.fromhex() results printed by CPython 3.12 (round-half-even, subnormals).
        assert_eq!(parse_hex_float("0x1.fffffffffffff7p1023"), Ok(1.7976931348623157e308));
        assert_eq!(parse_hex_float("0x.8p-1074"), Ok(0.0));
        assert_eq!(parse_hex_float("0x.80001p-1074"), Ok(5e-324));
        assert_eq!(parse_hex_float("0x1.00000000000008p0"), Ok(1.0));
        assert_eq!(parse_hex_float("0x1.00000000000018p0"), Ok(1.0000000000000004));
        assert_eq!(parse_hex_float("1p-1075"), Ok(0.0));
        assert_eq!(parse_hex_float("0x3p-1076"), Ok(5e-324));
        assert_eq!(parse_hex_float("ap2"), Ok(40.0));
        assert_eq!(parse_hex_float("0x1.p0"), Ok(1.0));
    }

    #[test]
    fn rounding() {
        // round(x, n) values printed by CPython 3.12.
        assert_eq!(round_to_digits(2.675, 2), Ok(2.67));
        assert_eq!(round_to_digits(1234.5, -2), Ok(1200.0));
        assert_eq!(round_to_digits(0.5, 0), Ok(0.0));
        assert_eq!(round_to_digits(1.5, 0), Ok(2.0));
        assert_eq!(round_to_digits(-2.5, 0), Ok(-2.0));
        assert_eq!(round_to_digits(1e300, -400), Ok(0.0));
        assert_eq!(round_to_digits(1.7976931348623157e308, -308), Err(()));
        assert_eq!(round_to_digits(0.285, 2), Ok(0.28));
        assert_eq!(round_half_even(2.5), 2.0);
        assert_eq!(round_half_even(-3.5), -4.0);
    }

    #[test]
    fn int_float_comparison_is_exact() {
        let big = BigInt::from(1u64 << 53) + 1;
        assert_eq!(compare_int_float(&IntRef::Big(&big), 9007199254740992.0), Some(Ordering::Greater));
        assert_eq!(compare_int_float(&IntRef::Small(3), 2.5), Some(Ordering::Greater));
        assert_eq!(compare_int_float(&IntRef::Small(-3), -2.5), Some(Ordering::Less));
        assert_eq!(compare_int_float(&IntRef::Small(1), f64::NAN), None);
        assert_eq!(compare_int_float(&IntRef::Small(1), f64::INFINITY), Some(Ordering::Less));
        let huge = BigInt::from(10).pow(400u32);
        assert_eq!(compare_int_float(&IntRef::Big(&huge), 1e308), Some(Ordering::Greater));
    }

    #[test]
    fn integer_ratios() {
        assert_eq!(integer_ratio(1.5), (BigInt::from(3), BigInt::from(2)));
        assert_eq!(integer_ratio(0.1), (BigInt::from(3602879701896397u64), BigInt::from(36028797018963968u64)));
        assert_eq!(integer_ratio(-8.0), (BigInt::from(-8), BigInt::from(1)));
    }
}
