//! Conversions to and from `int`: `int(x)`, `int(text, base)`, true division, bytes, rounding (CPython: `Objects/longobject.c`).

use num_bigint::{BigInt, Sign};
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};

use crate::object::Value;
use crate::objects::float::{self, is_py_space};
use crate::objects::int::{self, IntRef};
use crate::objects::{none, str as pystr};
use crate::vm::{PyResult, Vm};

/// CPython's default `sys.get_int_max_str_digits()`.
pub const INT_MAX_STR_DIGITS: usize = 4300;

// ---------------------------------------------------------------------------------------
// Bytes interop

/// The contents of a bytes-like object (`bytes`, `bytearray`), if `v` is one.
pub fn bytes_like(v: &Value) -> Option<Vec<u8>> {
    crate::objects::bytes::bytes_like(v)
}

fn make_bytes(data: Vec<u8>) -> Value {
    crate::objects::bytes::new_bytes(data)
}

// ---------------------------------------------------------------------------------------
// True division

/// Correctly rounded `a / b` (round-half-even), `None` if the quotient overflows a double or
/// `b` is zero. Zero results carry the sign of the quotient, as in CPython.
pub fn div_to_f64(a: &BigInt, b: &BigInt) -> Option<f64> {
    if b.is_zero() {
        return None;
    }
    let negative = (a.sign() == Sign::Minus) != (b.sign() == Sign::Minus);
    let signed = |x: f64| if negative { -x } else { x };
    if a.is_zero() {
        return Some(signed(0.0));
    }
    let (ma, mb) = (a.magnitude(), b.magnitude());
    let e = ma.bits() as i64 - mb.bits() as i64; // a/b in [2**(e-1), 2**(e+1))
    if e - 1 > 1024 {
        return None;
    }
    if e + 1 < -1076 {
        return Some(signed(0.0));
    }
    // q = floor(a / b / 2**s) has 56 or 57 bits; a sticky bit records a non-zero remainder.
    let s = e - 56;
    let (q, r) = if s >= 0 {
        ma.div_rem(&(mb << s as usize))
    } else {
        (ma << (-s) as usize).div_rem(mb)
    };
    let mut q = q.to_u64()?;
    if !r.is_zero() {
        q |= 1;
    }
    let bits = 64 - q.leading_zeros() as i64;
    let top = bits - 1 + s; // exponent of the leading bit
    let keep = if top >= -1022 { 53 } else { 53 - (-1022 - top) };
    if keep < 0 {
        return Some(signed(0.0));
    }
    let drop = bits - keep;
    let mut m = q >> drop;
    let low = q & ((1u64 << drop) - 1);
    let half = 1u64 << (drop - 1);
    if low > half || (low == half && m & 1 == 1) {
        m += 1;
    }
    let v = float::ldexp(m as f64, (s + drop) as i32);
    if v.is_infinite() {
        return None;
    }
    Some(signed(v))
}

// ---------------------------------------------------------------------------------------
// int(x)

/// `int(f)` for a double (truncation; OverflowError for infinities, ValueError for NaN).
pub fn float_to_int(vm: &mut Vm, f: f64) -> PyResult<Value> {
    float::float_to_int(vm, f)
}

/// The inverse of `a` modulo `m` (in `[0, |m|)`), if `gcd(a, m) == 1`: for `pow(a, -n, m)`.
pub fn mod_inverse(a: &BigInt, m: &BigInt) -> Option<BigInt> {
    let m = m.abs();
    if m.is_zero() {
        return None;
    }
    let (mut old_r, mut r) = (a.mod_floor(&m), m.clone());
    let (mut old_s, mut s) = (BigInt::from(1), BigInt::zero());
    while !r.is_zero() {
        let q = &old_r / &r;
        let nr = &old_r - &q * &r;
        old_r = std::mem::replace(&mut r, nr);
        let ns = &old_s - &q * &s;
        old_s = std::mem::replace(&mut s, ns);
    }
    if old_r != BigInt::from(1) {
        // gcd != 1 (or m == 1, where every value is the inverse 0).
        if m == BigInt::from(1) {
            return Some(BigInt::zero());
        }
        return None;
    }
    Some(old_s.mod_floor(&m))
}

fn is_exact_int(v: &Value) -> bool {
    v.is_small_int() || std::ptr::eq(v.ty(), int::int_type())
}

/// `int(x)` with one argument: CPython's `PyNumber_Long`.
pub fn int_from_object(vm: &mut Vm, x: &Value) -> PyResult<Value> {
    if is_exact_int(x) {
        return Ok(x.clone());
    }
    // `int(text)`: str itself defines none of `__int__`, `__index__`, `__trunc__`, so an
    // exact str goes straight to parsing (subclasses may define them: the full order below).
    if std::ptr::eq(x.ty(), &pystr::STR_TYPE.0) {
        return int_from_text_value(vm, x, 10);
    }
    if let Some(f) = x.ty().slots.nb_int.get() {
        let r = f(vm, x)?;
        if int::is_int(&r) {
            return Ok(int::exact_int(&r));
        }
        return Err(vm.type_error(format!("__int__ returned non-int (type {})", r.ty().name())));
    }
    if x.ty().slots.nb_index.get().is_some() {
        return crate::protocols::number::index(vm, x);
    }
    if let Some(r) = crate::protocols::call::call_special(vm, x, "__trunc__", &[])? {
        if int::is_int(&r) {
            return Ok(int::exact_int(&r));
        }
        if crate::protocols::number::has_index(&r) {
            return crate::protocols::number::index(vm, &r);
        }
        return Err(vm.type_error(format!("__trunc__ returned non-Integral (type {})", r.ty().name())));
    }
    if pystr::is_str(x) {
        return int_from_text_value(vm, x, 10);
    }
    if bytes_like(x).is_some() {
        return int_from_text_value(vm, x, 10);
    }
    Err(vm.type_error(format!(
        "int() argument must be a string, a bytes-like object or a real number, not '{}'",
        x.ty().name()
    )))
}

/// Why a text failed to parse as an int.
#[derive(Debug, PartialEq, Eq)]
pub enum IntParseError {
    Invalid,
    /// More decimal digits than `INT_MAX_STR_DIGITS` (the count is reported).
    TooManyDigits(usize),
}

/// Parse the text of `int(s, base)` (`base` 0 or 2..=36): whitespace, sign, prefixes,
/// single underscores between digits (and after a prefix), CPython's rules for base 0.
/// The common case of `int(text)` in base 10: ASCII whitespace around an optional sign and at
/// most 18 plain ASCII digits (so the value fits an i64). None for anything else (underscores,
/// other bases, non-ASCII digits or spaces, errors), which the full parser handles.
fn parse_small_decimal(s: &str) -> Option<i64> {
    let t = s.trim_ascii().as_bytes();
    let (negative, digits) = match t.first()? {
        b'-' => (true, &t[1..]),
        b'+' => (false, &t[1..]),
        _ => (false, t),
    };
    if digits.is_empty() || digits.len() > 18 {
        return None;
    }
    let mut n: i64 = 0;
    for &c in digits {
        if !c.is_ascii_digit() {
            return None;
        }
        n = n * 10 + (c - b'0') as i64;
    }
    Some(if negative { -n } else { n })
}

pub fn parse_int_text(s: &str, base: u32) -> Result<BigInt, IntParseError> {
    // Unicode decimal digits and spaces map to ASCII, as `_PyUnicode_TransformDecimalAndSpaceToASCII`.
    let mut text = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii() {
            text.push(c);
        } else if is_py_space(c) {
            text.push(' ');
        } else if let Some(d) = float::unicode_decimal(c) {
            text.push(d);
        } else {
            return Err(IntParseError::Invalid);
        }
    }
    let t = text.trim_matches(|c: char| c.is_ascii_whitespace() || c == '\x0b' || ('\u{1c}'..='\u{1f}').contains(&c));
    let b = t.as_bytes();
    let mut i = 0;
    let mut negative = false;
    if i < b.len() && (b[i] == b'+' || b[i] == b'-') {
        negative = b[i] == b'-';
        i += 1;
    }
    let mut base = base;
    let mut prefixed = false;
    let mut base0_decimal_leading_zero = false;
    if i + 1 < b.len() && b[i] == b'0' {
        let p = b[i + 1].to_ascii_lowercase();
        let pb = match p {
            b'x' => 16,
            b'o' => 8,
            b'b' => 2,
            _ => 0,
        };
        if pb != 0 && (base == 0 || base == pb) {
            base = pb;
            i += 2;
            prefixed = true;
        }
    }
    if base == 0 {
        base = 10;
        if i < b.len() && b[i] == b'0' {
            base0_decimal_leading_zero = true;
        }
    }
    let digits = &b[i..];
    let mut clean: Vec<u8> = Vec::with_capacity(digits.len());
    let mut prev_underscore = false;
    for (k, &c) in digits.iter().enumerate() {
        if c == b'_' {
            // Allowed after a prefix or between digits, never twice in a row or at the end.
            if prev_underscore || (k == 0 && !prefixed) || k + 1 == digits.len() {
                return Err(IntParseError::Invalid);
            }
            prev_underscore = true;
            continue;
        }
        prev_underscore = false;
        let d = (c as char).to_digit(36).ok_or(IntParseError::Invalid)?;
        if d >= base {
            return Err(IntParseError::Invalid);
        }
        clean.push(c);
    }
    if clean.is_empty() {
        return Err(IntParseError::Invalid);
    }
    if base0_decimal_leading_zero && clean.iter().any(|&c| c != b'0') {
        return Err(IntParseError::Invalid);
    }
    if base & (base - 1) != 0 && clean.len() > INT_MAX_STR_DIGITS {
        return Err(IntParseError::TooManyDigits(clean.len()));
    }
    let mag = if clean.len() <= 12 {
        let mut v: i64 = 0;
        for &c in &clean {
            v = v * base as i64 + (c as char).to_digit(36).unwrap_or(0) as i64;
        }
        BigInt::from(v)
    } else {
        BigInt::parse_bytes(&clean, base).ok_or(IntParseError::Invalid)?
    };
    Ok(if negative { -mag } else { mag })
}

/// CPython's `%.200R` of the offending object.
fn truncated_repr(vm: &mut Vm, v: &Value) -> PyResult<String> {
    let r = crate::protocols::object::repr_string(vm, v)?;
    Ok(if r.chars().count() > 200 { r.chars().take(200).collect() } else { r })
}

/// `int(x, base)`: `x` must be a str or bytes-like object.
pub fn int_from_text_value(vm: &mut Vm, x: &Value, base: i64) -> PyResult<Value> {
    if base != 0 && !(2..=36).contains(&base) {
        return Err(vm.value_error("int() base must be >= 2 and <= 36, or 0"));
    }
    let text = if let Some(s) = pystr::try_str(x) {
        if base == 10 {
            if let Some(i) = parse_small_decimal(s) {
                return Ok(Value::int(i));
            }
        }
        s.to_owned()
    } else if let Some(b) = bytes_like(x) {
        match String::from_utf8(b) {
            Ok(s) => s,
            Err(_) => "\u{fffd}".to_string(),
        }
    } else {
        return Err(vm.type_error("int() can't convert non-string with explicit base"));
    };
    match parse_int_text(&text, base as u32) {
        Ok(b) => Ok(int::from_bigint(b)),
        Err(IntParseError::Invalid) => {
            let r = truncated_repr(vm, x)?;
            Err(vm.value_error(format!("invalid literal for int() with base {base}: {r}")))
        }
        Err(IntParseError::TooManyDigits(n)) => Err(vm.value_error(format!(
            "Exceeds the limit ({INT_MAX_STR_DIGITS} digits) for integer string conversion: value has {n} digits; use sys.set_int_max_str_digits() to increase the limit"
        ))),
    }
}

// ---------------------------------------------------------------------------------------
// to_bytes / from_bytes

fn self_int<'a>(vm: &mut Vm, args: &'a [Value], name: &str) -> PyResult<IntRef<'a>> {
    match args.first().and_then(int::as_int) {
        Some(r) => Ok(r),
        None => Err(vm.type_error(format!("descriptor '{name}' requires a 'int' object"))),
    }
}

/// Parse `(positional..., *, signed=False)` for to_bytes/from_bytes: returns the two
/// positional-or-keyword values and the `signed` flag.
fn bytes_args(
    vm: &mut Vm,
    fname: &str,
    args: &[Value],
    kwnames: Option<&Value>,
    names: [&str; 2],
) -> PyResult<(Option<Value>, Option<Value>, bool)> {
    const TO_BYTES: crate::protocols::args::Spec = crate::protocols::args::Spec::keywords("to_bytes", &[crate::protocols::args::Param::arg_opt("length"), crate::protocols::args::Param::arg_opt("byteorder"), crate::protocols::args::Param::kw_opt("signed")]);
    const FROM_BYTES: crate::protocols::args::Spec = crate::protocols::args::Spec::keywords("from_bytes", &[crate::protocols::args::Param::arg("bytes"), crate::protocols::args::Param::arg_opt("byteorder"), crate::protocols::args::Param::kw_opt("signed")]);
    let spec = if names[0] == "bytes" { &FROM_BYTES } else { &TO_BYTES };
    debug_assert_eq!(spec.name, fname);
    let parsed: [Option<Value>; 3] = spec.parse(vm, args, kwnames)?.map(|o| o.cloned());
    let mut it = parsed.into_iter();
    let a = it.next().flatten();
    let b = it.next().flatten();
    let signed = match it.next().flatten() {
        Some(v) => crate::protocols::object::is_true(vm, &v)?,
        None => false,
    };
    Ok((a, b, signed))
}

/// `True` for little-endian, from the `byteorder` argument.
fn byteorder_arg(vm: &mut Vm, fname: &str, v: Option<Value>) -> PyResult<bool> {
    let Some(v) = v else { return Ok(false) };
    match pystr::try_str(&v) {
        Some("little") => Ok(true),
        Some("big") => Ok(false),
        Some(_) => Err(vm.value_error("byteorder must be either 'little' or 'big'")),
        None => Err(vm.type_error(format!("{fname}() argument 'byteorder' must be str, not {}", v.ty().name()))),
    }
}

/// `int.to_bytes(length=1, byteorder='big', *, signed=False)`.
pub fn int_to_bytes(vm: &mut Vm, args: &[Value], kwnames: Option<&Value>) -> PyResult<Value> {
    let value = self_int(vm, args, "to_bytes")?.to_bigint();
    let (length, order, signed) = bytes_args(vm, "to_bytes", &args[1..], kwnames, ["length", "byteorder"])?;
    let length = match length {
        Some(l) => {
            let l = crate::protocols::number::index(vm, &l)?;
            match int::as_int(&l).and_then(|r| r.to_i64()) {
                Some(n) if n < 0 => return Err(vm.value_error("length argument must be non-negative")),
                Some(n) => n as u64,
                None => return Err(vm.overflow_error("Python int too large to convert to C ssize_t")),
            }
        }
        None => 1,
    };
    let little = byteorder_arg(vm, "to_bytes", order)?;
    if !signed && value.is_negative() {
        return Err(vm.overflow_error("can't convert negative int to unsigned"));
    }
    // The minimal two's-complement (or unsigned) width must fit in `length` bytes.
    let needed_bits = if signed {
        if value.is_negative() {
            (-(&value) - 1u32).bits() + 1
        } else {
            value.bits() + 1
        }
    } else {
        value.bits()
    };
    if needed_bits > length.saturating_mul(8) {
        return Err(vm.overflow_error("int too big to convert"));
    }
    let length = length as usize;
    let mut out = if value.is_negative() { value.to_signed_bytes_le() } else { value.magnitude().to_bytes_le() };
    if value.is_zero() {
        out.clear();
    }
    let fill = if value.is_negative() { 0xff } else { 0 };
    out.resize(length, fill);
    out.truncate(length);
    if !little {
        out.reverse();
    }
    Ok(make_bytes(out))
}

/// `int.from_bytes(bytes, byteorder='big', *, signed=False)` (a classmethod).
pub fn int_from_bytes(vm: &mut Vm, args: &[Value], kwnames: Option<&Value>) -> PyResult<Value> {
    let Some(cls) = args.first().cloned() else {
        return Err(vm.type_error("from_bytes() missing required argument 'bytes' (pos 1)"));
    };
    let (data, order, signed) = bytes_args(vm, "from_bytes", &args[1..], kwnames, ["bytes", "byteorder"])?;
    let Some(data) = data else {
        return Err(vm.type_error("from_bytes() missing required argument 'bytes' (pos 1)"));
    };
    let little = byteorder_arg(vm, "from_bytes", order)?;
    let mut raw = match crate::protocols::buffer::try_bytes_of(vm, &data)? {
        Some(b) => b,
        None => {
            if pystr::is_str(&data) {
                return Err(vm.type_error("cannot convert 'str' object to bytes"));
            }
            let items = crate::protocols::iter::collect(vm, &data).map_err(|e| {
                if e.matches(crate::objects::exceptions::type_error()) {
                    vm.type_error(format!("cannot convert '{}' object to bytes", data.ty().name()))
                } else {
                    e
                }
            })?;
            let mut out = Vec::with_capacity(items.len());
            for it in &items {
                let i = crate::protocols::number::index(vm, it)?;
                match int::as_int(&i).and_then(|r| r.to_i64()) {
                    Some(n) if (0..256).contains(&n) => out.push(n as u8),
                    _ => return Err(vm.value_error("bytes must be in range(0, 256)")),
                }
            }
            out
        }
    };
    if !little {
        raw.reverse();
    }
    let value = if signed { BigInt::from_signed_bytes_le(&raw) } else { BigInt::from_bytes_le(Sign::Plus, &raw) };
    let result = int::from_bigint(value);
    match cls.as_type() {
        Some(t) if std::ptr::eq(t, int::int_type()) => Ok(result),
        _ => crate::protocols::call::call(vm, &cls, &[result], None),
    }
}

// ---------------------------------------------------------------------------------------
// round(int, ndigits)

/// `int.__round__(ndigits=None)`: negative `ndigits` round half to even at `10**-ndigits`.
pub fn int_round(vm: &mut Vm, args: &[Value], kwnames: Option<&Value>) -> PyResult<Value> {
    let value = self_int(vm, args, "__round__")?.to_bigint();
    const ROUND: crate::protocols::args::Spec = crate::protocols::args::Spec::positional("int.__round__", &[crate::protocols::args::Param::pos_opt("ndigits")]);
    let parsed: [Option<Value>; 1] = ROUND.parse(vm, &args[1..], kwnames)?.map(|o| o.cloned());
    let nd = match parsed.into_iter().next().flatten() {
        Some(v) if !none::is_none(&v) => crate::protocols::number::index(vm, &v)?,
        _ => return Ok(int::from_bigint(value)),
    };
    let nd = match int::as_int(&nd) {
        Some(r) => r.to_bigint(),
        None => BigInt::zero(),
    };
    if !nd.is_negative() {
        return Ok(int::from_bigint(value));
    }
    Ok(int::from_bigint(round_bigint(&value, &(-nd))))
}

/// Round `value` to a multiple of `10**k` (k > 0), ties to even.
pub fn round_bigint(value: &BigInt, k: &BigInt) -> BigInt {
    // More digits than the value has: the result is zero.
    let digits = value.bits() as f64 * std::f64::consts::LOG10_2 + 2.0;
    let Some(k) = k.to_u64().filter(|k| (*k as f64) <= digits) else {
        return BigInt::zero();
    };
    let pow = num_traits::pow(BigInt::from(10), k as usize);
    let (mut q, r) = value.div_mod_floor(&pow);
    let twice: BigInt = &r * 2u32;
    if twice > pow || (twice == pow && q.is_odd()) {
        q += 1u32;
    }
    q * pow
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn true_division_is_correctly_rounded() {
        let b = |s: &str| s.parse::<BigInt>().unwrap_or_default();
        // Values printed by CPython 3.12 for the same divisions.
        assert_eq!(div_to_f64(&b("1"), &b("3")), Some(0.3333333333333333));
        assert_eq!(div_to_f64(&b("-7"), &b("2")), Some(-3.5));
        assert_eq!(div_to_f64(&b("0"), &b("-5")).map(|f| f.is_sign_negative()), Some(true));
        assert_eq!(div_to_f64(&b("10").pow(400), &b("10").pow(399)), Some(10.0));
        assert_eq!(div_to_f64(&b("1"), &b("10").pow(400)), Some(0.0));
        assert_eq!(div_to_f64(&b("10").pow(400), &b("1")), None);
        assert_eq!(div_to_f64(&b("9007199254740993"), &b("1")), Some(9007199254740992.0));
        assert_eq!(div_to_f64(&b("9007199254740995"), &b("1")), Some(9007199254740996.0));
        assert_eq!(div_to_f64(&b("1"), &(b("2").pow(1074))), Some(5e-324));
        assert_eq!(div_to_f64(&b("1"), &(b("2").pow(1075))), Some(0.0));
        assert_eq!(div_to_f64(&b("3"), &(b("2").pow(1076))), Some(5e-324));
        assert_eq!(div_to_f64(&b("123456789123456789123456789"), &b("987654321987654321")), Some(124999998.8609375));
    }

    #[test]
    fn parse_ints() {
        let p = |s: &str, b: u32| parse_int_text(s, b).map(|v| v.to_string());
        assert_eq!(p(" -12 ", 10), Ok("-12".into()));
        assert_eq!(p("1_000", 10), Ok("1000".into()));
        assert_eq!(p("0x_1f", 0), Ok("31".into()));
        assert_eq!(p("0x1f", 16), Ok("31".into()));
        assert_eq!(p("0b101", 0), Ok("5".into()));
        assert_eq!(p("0o17", 8), Ok("15".into()));
        assert_eq!(p("z", 36), Ok("35".into()));
        assert_eq!(p("000", 0), Ok("0".into()));
        assert_eq!(p("0_0", 0), Ok("0".into()));
        assert_eq!(p("010", 0), Err(IntParseError::Invalid));
        assert_eq!(p("010", 10), Ok("10".into()));
        assert_eq!(p("1__0", 10), Err(IntParseError::Invalid));
        assert_eq!(p("_1", 10), Err(IntParseError::Invalid));
        assert_eq!(p("1_", 10), Err(IntParseError::Invalid));
        assert_eq!(p("abc", 10), Err(IntParseError::Invalid));
        assert_eq!(p("", 10), Err(IntParseError::Invalid));
        assert_eq!(p("-", 10), Err(IntParseError::Invalid));
        assert_eq!(p("0x", 16), Err(IntParseError::Invalid));
        assert_eq!(p("12", 2), Err(IntParseError::Invalid));
        assert_eq!(p("١٢", 10), Ok("12".into()));
        assert_eq!(p("123456789012345678901234567890", 10), Ok("123456789012345678901234567890".into()));
        assert_eq!(p(&"1".repeat(4301), 10), Err(IntParseError::TooManyDigits(4301)));
        assert!(p(&"1".repeat(5000), 16).is_ok());
    }

    #[test]
    fn modular_inverse() {
        // pow(3, -1, 7) == 5, pow(38, -1, 97) == 23, pow(2, -1, 4) raises, pow(5, -1, 1) == 0.
        let b = |i: i64| BigInt::from(i);
        assert_eq!(mod_inverse(&b(3), &b(7)), Some(b(5)));
        assert_eq!(mod_inverse(&b(38), &b(97)), Some(b(23)));
        assert_eq!(mod_inverse(&b(-3), &b(7)), Some(b(2)));
        assert_eq!(mod_inverse(&b(2), &b(4)), None);
        assert_eq!(mod_inverse(&b(5), &b(1)), Some(b(0)));
    }

    #[test]
    fn rounding_ints() {
        let r = |v: i64, k: i64| round_bigint(&BigInt::from(v), &BigInt::from(k)).to_string();
        // round(v, -k) printed by CPython 3.12.
        assert_eq!(r(1250, 2), "1200");
        assert_eq!(r(1350, 2), "1400");
        assert_eq!(r(-1250, 2), "-1200");
        assert_eq!(r(-1251, 2), "-1300");
        assert_eq!(r(15, 1), "20");
        assert_eq!(r(25, 1), "20");
        assert_eq!(r(5, 1), "0");
        assert_eq!(r(123, 10), "0");
    }
}
