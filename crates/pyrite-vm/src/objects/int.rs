//! `int`: tagged small ints plus heap big ints (CPython: `Objects/longobject.c`).
//!
//! Every integer in the small range is a tagged `Value`; only values outside it live on the
//! heap (payload `IntData`). `bool` shares the payload layout (True/False are heap ints).

use std::cmp::Ordering;

use num_bigint::{BigInt, Sign};
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero, One, Pow};

use crate::object::{alloc_object, dealloc_payload, Payload, Value, SMALL_INT_MAX, SMALL_INT_MIN};
use crate::objects::{float, none, str as pystr};
use crate::typeobj::{flags, CompareOp, StaticType, PyType, MethodDef, MethodKind, GetSetDef, SlotDefs, nb_slots};
use crate::vm::{PyResult, Vm};
use pyrite_bytecode::opcode::binop;

/// Heap integer payload (values outside the tagged range, bools, and int-subclass instances).
pub struct IntData(pub BigInt);

impl Payload for IntData {
    fn class() -> &'static PyType {
        &INT_TYPE
    }
}

pub static INT_TYPE: StaticType = StaticType::new(
    "int",
    Some(&crate::objects::object::OBJECT_TYPE),
    flags::BASETYPE | flags::LONG_SUBCLASS | flags::IMMUTABLE,
    std::mem::size_of::<crate::object::PyObj<IntData>>(),
    dealloc_payload::<IntData>,
    INT_METHODS,
    INT_GETSETS,
)
.with_slots(SlotDefs {
    repr: Some(int_repr),
    hash: Some(int_hash),
    richcompare: Some(int_richcompare),
    new: Some(int_new),
    nb: nb_slots(&[(binop::ADD, int_add), (binop::SUBTRACT, int_sub), (binop::MULTIPLY, int_mul), (binop::FLOOR_DIVIDE, int_floordiv), (binop::REMAINDER, int_mod), (binop::AND, int_and), (binop::OR, int_or), (binop::XOR, int_xor), (binop::LSHIFT, int_lshift), (binop::RSHIFT, int_rshift), (binop::TRUE_DIVIDE, int_truediv), (binop::POWER, int_pow_slot)]),
    nb_negative: Some(int_neg),
    nb_positive: Some(int_pos),
    nb_invert: Some(int_invert),
    nb_absolute: Some(int_abs),
    nb_bool: Some(int_bool),
    nb_int: Some(int_index),
    nb_float: Some(int_float),
    nb_index: Some(int_index),
    ..SlotDefs::EMPTY
});

#[inline(always)]
pub fn int_type() -> &'static PyType {
    &INT_TYPE
}

/// A borrowed view of an integer value.
pub enum IntRef<'a> {
    Small(i64),
    Big(&'a BigInt),
}

impl IntRef<'_> {
    pub fn to_bigint(&self) -> BigInt {
        match self {
            IntRef::Small(i) => BigInt::from(*i),
            IntRef::Big(b) => (*b).clone(),
        }
    }
    pub fn to_i64(&self) -> Option<i64> {
        match self {
            IntRef::Small(i) => Some(*i),
            IntRef::Big(b) => b.to_i64(),
        }
    }
    pub fn is_negative(&self) -> bool {
        match self {
            IntRef::Small(i) => *i < 0,
            IntRef::Big(b) => b.is_negative(),
        }
    }
    pub fn is_zero(&self) -> bool {
        match self {
            IntRef::Small(i) => *i == 0,
            IntRef::Big(b) => b.is_zero(),
        }
    }
}

/// View `v` as an integer if it is an `int` (or `bool`, or an int subclass instance).
#[inline]
pub fn as_int(v: &Value) -> Option<IntRef<'_>> {
    if let Some(i) = v.as_small_int() {
        return Some(IntRef::Small(i));
    }
    let d = v.downcast::<IntData>()?;
    match d.0.to_i64() {
        Some(i) => Some(IntRef::Small(i)),
        None => Some(IntRef::Big(&d.0)),
    }
}

/// Is `v` an int (including bools and subclasses)?
#[inline]
pub fn is_int(v: &Value) -> bool {
    v.is_small_int() || v.ty().has_flag(flags::LONG_SUBCLASS)
}

/// Allocate a heap int for a value outside the tagged range (callers normalise first).
pub fn new_big(b: BigInt) -> Value {
    alloc_object(&INT_TYPE, IntData(b))
}

/// The canonical value for `b`: tagged when it fits.
pub fn from_bigint(b: BigInt) -> Value {
    match b.to_i64() {
        Some(i) if (SMALL_INT_MIN..=SMALL_INT_MAX).contains(&i) => Value::small_int(i),
        _ => new_big(b),
    }
}

pub fn from_i128(i: i128) -> Value {
    if i >= SMALL_INT_MIN as i128 && i <= SMALL_INT_MAX as i128 {
        Value::small_int(i as i64)
    } else {
        new_big(BigInt::from(i))
    }
}

pub fn from_usize(u: usize) -> Value {
    Value::int(u as i64)
}

/// An instance of the int subclass `cls` holding `b`.
pub fn new_subclass_instance(cls: &PyType, b: BigInt) -> Value {
    alloc_object(cls, IntData(b))
}

/// Convert to i64 with CPython's OverflowError message.
pub fn to_i64(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    match as_int(v) {
        Some(r) => r.to_i64().ok_or_else(|| vm.overflow_error("Python int too large to convert to C long")),
        None => Err(vm.type_error(format!("'{}' object cannot be interpreted as an integer", v.ty().name()))),
    }
}

/// An index (`__index__`) as isize, with CPython's "cannot fit 'int' into an index-sized integer".
pub fn index_to_isize(vm: &mut Vm, v: &Value) -> PyResult<isize> {
    let iv = crate::protocols::number::index(vm, v)?;
    match as_int(&iv).and_then(|r| r.to_i64()) {
        Some(i) => Ok(i as isize),
        None => Err(vm.new_exception(crate::objects::exceptions::index_error(), format!("cannot fit 'int' into an index-sized integer"))),
    }
}

/// The count of a sequence repetition (`seq * n`): CPython's `PyNumber_AsSsize_t(n,
/// OverflowError)`, so a count beyond the index range is an OverflowError (an index of that
/// size is an IndexError, see [`index_to_isize`]).
pub fn repeat_count(vm: &mut Vm, n: &Value) -> PyResult<isize> {
    let iv = crate::protocols::number::index(vm, n)?;
    match as_int(&iv).and_then(|r| r.to_i64()) {
        Some(i) => Ok(i as isize),
        None => Err(vm.overflow_error("cannot fit 'int' into an index-sized integer")),
    }
}

// ---------------------------------------------------------------------------------------
// Arithmetic

/// `x OP y` for two machine ints, when it needs nothing of the general path: `None` for
/// division by zero, negative shifts, results beyond an i64, true divisions beyond 2**53, and
/// the operators with rules of their own (`**`, `@`). One place for the small-int arithmetic of
/// [`int_binop`] and of the eval loop (generic BINARY_OP and BINARY_OP_INT_ANY).
#[inline]
pub fn small_int_binop(x: i64, y: i64, op: u32) -> Option<Value> {
    Some(match op {
        binop::ADD => Value::int(x.checked_add(y)?),
        binop::SUBTRACT => Value::int(x.checked_sub(y)?),
        binop::MULTIPLY => Value::int(x.checked_mul(y)?),
        binop::AND => Value::int(x & y),
        binop::OR => Value::int(x | y),
        binop::XOR => Value::int(x ^ y),
        binop::FLOOR_DIVIDE | binop::REMAINDER => {
            if y == 0 || (x == i64::MIN && y == -1) {
                return None;
            }
            let (q, r) = floor_divmod_i64(x, y);
            Value::int(if op == binop::FLOOR_DIVIDE { q } else { r })
        }
        binop::RSHIFT => {
            if y < 0 {
                return None;
            }
            Value::int(if y >= 64 { if x < 0 { -1 } else { 0 } } else { x >> y })
        }
        binop::LSHIFT => {
            if !(0..64).contains(&y) {
                return None;
            }
            let r = x << y;
            if r >> y != x {
                return None;
            }
            Value::int(r)
        }
        // Both exactly representable as doubles: one correctly rounded division, as CPython's
        // long_true_divide does in this case.
        binop::TRUE_DIVIDE => {
            const EXACT: u64 = 1 << 53;
            if y == 0 || x.unsigned_abs() >= EXACT || y.unsigned_abs() >= EXACT {
                return None;
            }
            crate::objects::float::new_float(x as f64 / y as f64)
        }
        _ => return None,
    })
}

/// Floor division and modulo with Python's sign rules on i64 (b != 0, no overflow case).
#[inline]
pub fn floor_divmod_i64(a: i64, b: i64) -> (i64, i64) {
    let q = a.wrapping_div(b);
    let r = a.wrapping_rem(b);
    if r != 0 && ((r < 0) != (b < 0)) { (q - 1, r + b) } else { (q, r) }
}

fn big_floor_divmod(a: &BigInt, b: &BigInt) -> (BigInt, BigInt) {
    if let Some(qr) = short_quotient_divmod(a, b) {
        return qr;
    }
    a.div_mod_floor(b)
}

/// `divmod(a, b)` for positive big ints whose quotient is short (under 60 bits). CPython's
/// schoolbook division costs one pass over the operands in this case; num-bigint's recursive
/// division copies them several times. Estimate the quotient from the leading 64 bits of `b`
/// (never too large), then correct it upwards with a few subtractions.
fn short_quotient_divmod(a: &BigInt, b: &BigInt) -> Option<(BigInt, BigInt)> {
    use num_bigint::Sign;
    if a.sign() != Sign::Plus || b.sign() != Sign::Plus {
        return None;
    }
    let (abits, bbits) = (a.bits(), b.bits());
    if bbits <= 64 || abits >= bbits + 60 {
        return None;
    }
    if abits < bbits {
        return Some((BigInt::from(0), a.clone()));
    }
    let s = bbits - 64;
    let a_top = (a >> s).to_u128()?;
    let b_top = (b >> s).to_u64()?;
    let mut q = (a_top / (b_top as u128 + 1)) as u64;
    let mut r = a - b * q;
    while &r >= b {
        r -= b;
        q += 1;
    }
    Some((BigInt::from(q), r))
}

/// `a OP b` for two ints; `None` if the operator is not an integer operator here (true
/// division and power with negative exponent produce floats and are handled by the caller).
pub fn int_binop(vm: &mut Vm, a: &IntRef<'_>, b: &IntRef<'_>, op: u32) -> PyResult<Value> {
    if let (IntRef::Small(x), IntRef::Small(y)) = (a, b) {
        let (x, y) = (*x, *y);
        if let Some(r) = small_int_binop(x, y, op) {
            return Ok(r);
        }
        // What the fast path leaves: errors, and results that need big ints or floats.
        match op {
            binop::FLOOR_DIVIDE | binop::REMAINDER if y == 0 => {
                return Err(vm.zero_division_error(if op == binop::FLOOR_DIVIDE {
                    "integer division or modulo by zero"
                } else {
                    "integer modulo by zero"
                }));
            }
            binop::RSHIFT | binop::LSHIFT if y < 0 => return Err(vm.value_error("negative shift count")),
            _ => {}
        }
    }
    // Borrow big operands (copying a big int per operation would double the work of the
    // linear-time operations).
    fn borrowed<'a>(v: &IntRef<'a>) -> std::borrow::Cow<'a, BigInt> {
        match v {
            IntRef::Big(b) => std::borrow::Cow::Borrowed(*b),
            IntRef::Small(i) => std::borrow::Cow::Owned(BigInt::from(*i)),
        }
    }
    let (x, y) = (borrowed(&a), borrowed(&b));
    let (x, y): (&BigInt, &BigInt) = (&x, &y);
    Ok(match op {
        binop::ADD => from_bigint(x + y),
        binop::SUBTRACT => from_bigint(x - y),
        binop::MULTIPLY => from_bigint(x * y),
        binop::AND => from_bigint(x & y),
        binop::OR => from_bigint(x | y),
        binop::XOR => from_bigint(x ^ y),
        binop::FLOOR_DIVIDE | binop::REMAINDER => {
            if y.is_zero() {
                return Err(vm.zero_division_error(if op == binop::FLOOR_DIVIDE {
                    "integer division or modulo by zero"
                } else {
                    "integer modulo by zero"
                }));
            }
            let (q, r) = big_floor_divmod(x, y);
            from_bigint(if op == binop::FLOOR_DIVIDE { q } else { r })
        }
        binop::LSHIFT => {
            if y.is_negative() {
                return Err(vm.value_error("negative shift count"));
            }
            let Some(s) = y.to_usize().filter(|s| *s < (1usize << 40)) else {
                return Err(vm.overflow_error("too many digits in integer"));
            };
            if x.is_zero() { Value::small_int(0) } else { from_bigint(x << s) }
        }
        binop::RSHIFT => {
            if y.is_negative() {
                return Err(vm.value_error("negative shift count"));
            }
            match y.to_usize() {
                Some(s) => from_bigint(x >> s),
                None => Value::small_int(if x.is_negative() { -1 } else { 0 }),
            }
        }
        binop::TRUE_DIVIDE => return true_divide(vm, x, y),
        binop::POWER => return int_pow(vm, x, y),
        _ => none::not_implemented(),
    })
}

/// Correctly rounded int / int.
pub fn true_divide(vm: &mut Vm, x: &BigInt, y: &BigInt) -> PyResult<Value> {
    if y.is_zero() {
        return Err(vm.zero_division_error("division by zero"));
    }
    if let (Some(a), Some(b)) = (x.to_i64(), y.to_i64()) {
        if a.unsigned_abs() < (1u64 << 53) && b.unsigned_abs() < (1u64 << 53) {
            return Ok(float::new_float(a as f64 / b as f64));
        }
    }
    match crate::objects::int_convert::div_to_f64(x, y) {
        Some(f) => Ok(float::new_float(f)),
        None => Err(vm.overflow_error("integer division result too large for a float")),
    }
}

/// `x ** y` for ints (negative exponents give a float).
pub fn int_pow(vm: &mut Vm, x: &BigInt, y: &BigInt) -> PyResult<Value> {
    if y.is_negative() {
        let xf = bigint_to_f64(vm, x)?;
        let yf = bigint_to_f64(vm, y)?;
        if xf == 0.0 {
            return Err(vm.zero_division_error("0.0 cannot be raised to a negative power"));
        }
        return Ok(float::new_float(xf.powf(yf)));
    }
    if x.is_zero() || x.is_one() {
        return Ok(from_bigint(if y.is_zero() { BigInt::one() } else { x.clone() }));
    }
    if *x == BigInt::from(-1) {
        return Ok(Value::small_int(if y.is_even() { 1 } else { -1 }));
    }
    let Some(e) = y.to_u32() else {
        return Err(vm.memory_error());
    };
    if (x.bits() as u128) * (e as u128) > 1u128 << 34 {
        return Err(vm.memory_error());
    }
    Ok(from_bigint(Pow::pow(x, e)))
}

/// Correctly rounded conversion to float with CPython's OverflowError.
pub fn bigint_to_f64(vm: &mut Vm, b: &BigInt) -> PyResult<f64> {
    match b.to_f64() {
        Some(f) if f.is_finite() => Ok(f),
        _ => Err(vm.overflow_error("int too large to convert to float")),
    }
}

pub fn int_ref_to_f64(vm: &mut Vm, r: &IntRef<'_>) -> PyResult<f64> {
    match r {
        IntRef::Small(i) => Ok(*i as f64),
        IntRef::Big(b) => bigint_to_f64(vm, b),
    }
}

pub fn compare(a: &IntRef<'_>, b: &IntRef<'_>) -> Ordering {
    match (a, b) {
        (IntRef::Small(x), IntRef::Small(y)) => x.cmp(y),
        _ => a.to_bigint().cmp(&b.to_bigint()),
    }
}

/// CPython's hash of a small int: the value itself when it is below 2**61 - 1 in magnitude
/// (dict and set keys are mostly such ints), else as [`hash_int`].
#[inline(always)]
pub fn hash_small_int(i: i64) -> i64 {
    const MODULUS: i64 = (1i64 << 61) - 1;
    if i > -MODULUS && i < MODULUS && i != -1 {
        i
    } else {
        hash_int(&IntRef::Small(i))
    }
}

/// CPython's int hash: value modulo 2**61 - 1, keeping the sign, -1 becomes -2.
pub fn hash_int(r: &IntRef<'_>) -> i64 {
    const MODULUS: u64 = (1u64 << 61) - 1;
    let h: i64 = match r {
        IntRef::Small(i) => {
            let m = (i.unsigned_abs() % MODULUS) as i64;
            if *i < 0 { -m } else { m }
        }
        IntRef::Big(b) => {
            let m = (b.magnitude() % num_bigint::BigUint::from(MODULUS)).to_u64().unwrap_or(0) as i64;
            if b.sign() == Sign::Minus { -m } else { m }
        }
    };
    if h == -1 { -2 } else { h }
}

/// Decimal text of an int (CPython's 4300-digit limit applies to conversions of huge ints).
pub fn int_to_decimal(vm: &mut Vm, r: &IntRef<'_>) -> PyResult<String> {
    match r {
        IntRef::Small(i) => Ok(i.to_string()),
        IntRef::Big(b) => {
            if b.bits() > 14_300 {
                let s = b.to_string();
                let digits = s.trim_start_matches('-').len();
                if digits > 4300 {
                    return Err(vm.value_error(format!(
                        "Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit"
                    )));
                }
                return Ok(s);
            }
            Ok(b.to_string())
        }
    }
}

// ---------------------------------------------------------------------------------------
// Slots

fn int_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let r = as_int(v).expect("int");
    let s = int_to_decimal(vm, &r)?;
    Ok(pystr::new_str(&s))
}

fn int_hash(_vm: &mut Vm, v: &Value) -> PyResult<i64> {
    Ok(hash_int(&as_int(v).expect("int")))
}

fn int_richcompare(vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
    let x = as_int(a).expect("int");
    if let Some(y) = as_int(b) {
        return Ok(none::bool_value(op.test(compare(&x, &y))));
    }
    if let Some(f) = float::as_float(b) {
        let _ = vm;
        return Ok(match float::compare_int_float(&x, f) {
            Some(ord) => none::bool_value(op.test(ord)),
            None => none::bool_value(op == CompareOp::Ne),
        });
    }
    Ok(none::not_implemented())
}

fn int_bool(_vm: &mut Vm, v: &Value) -> PyResult<bool> {
    Ok(!as_int(v).expect("int").is_zero())
}

macro_rules! int_nb {
    ($name:ident, $op:expr) => {
        fn $name(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
            match (as_int(a), as_int(b)) {
                (Some(x), Some(y)) => int_binop(vm, &x, &y, $op),
                _ => Ok(none::not_implemented()),
            }
        }
    };
}
int_nb!(int_add, binop::ADD);
int_nb!(int_sub, binop::SUBTRACT);
int_nb!(int_mul, binop::MULTIPLY);
int_nb!(int_floordiv, binop::FLOOR_DIVIDE);
int_nb!(int_mod, binop::REMAINDER);
int_nb!(int_and, binop::AND);
int_nb!(int_or, binop::OR);
int_nb!(int_xor, binop::XOR);
int_nb!(int_lshift, binop::LSHIFT);
int_nb!(int_rshift, binop::RSHIFT);
int_nb!(int_truediv, binop::TRUE_DIVIDE);
int_nb!(int_pow_slot, binop::POWER);

fn int_neg(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(match as_int(v).expect("int") {
        IntRef::Small(i) => from_i128(-(i as i128)),
        IntRef::Big(b) => from_bigint(-b.clone()),
    })
}
fn int_pos(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(exact_int(v))
}
fn int_invert(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(match as_int(v).expect("int") {
        IntRef::Small(i) => from_i128(-(i as i128) - 1),
        IntRef::Big(b) => from_bigint(-b.clone() - 1),
    })
}
fn int_abs(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(match as_int(v).expect("int") {
        IntRef::Small(i) => from_i128((i as i128).abs()),
        IntRef::Big(b) => from_bigint(b.abs()),
    })
}
fn int_float(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let r = as_int(v).expect("int");
    Ok(float::new_float(int_ref_to_f64(vm, &r)?))
}

/// The value as an exact `int` (bools and subclass instances become plain ints).
pub fn exact_int(v: &Value) -> Value {
    if v.is_small_int() || std::ptr::eq(v.ty(), int_type()) {
        return v.clone();
    }
    match as_int(v).expect("int") {
        IntRef::Small(i) => Value::int(i),
        IntRef::Big(b) => from_bigint(b.clone()),
    }
}

fn int_index(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(exact_int(v))
}

/// `int.__new__`: `int()`, `int(x)`, `int(text, base)`.
fn int_new(vm: &mut Vm, cls: &Value, args: &[Value], kwnames: Option<&Value>) -> PyResult<Value> {
    const NEW: crate::protocols::args::Spec = crate::protocols::args::Spec::keywords("int", &[crate::protocols::args::Param::pos_opt("x"), crate::protocols::args::Param::arg_opt("base")]);
    let [x, base] = NEW.parse(vm, args, kwnames)?.map(|o| o.cloned());
    let result = match (x, base) {
        (None, None) => Value::small_int(0),
        (None, Some(_)) => return Err(vm.type_error("int() missing string argument")),
        (Some(x), None) => crate::objects::int_convert::int_from_object(vm, &x)?,
        (Some(x), Some(base)) => {
            let b = to_i64(vm, &base)?;
            crate::objects::int_convert::int_from_text_value(vm, &x, b)?
        }
    };
    // SAFETY: `cls` is a type (the `new` slot is only called with a type).
    let cls_ty = unsafe { cls.as_type_unchecked() };
    if std::ptr::eq(cls_ty, int_type()) {
        Ok(result)
    } else {
        let b = as_int(&result).expect("int").to_bigint();
        Ok(new_subclass_instance(cls_ty, b))
    }
}

// ---------------------------------------------------------------------------------------
// Methods

fn self_int<'a>(vm: &mut Vm, args: &'a [Value], name: &str) -> PyResult<IntRef<'a>> {
    match args.first().and_then(as_int) {
        Some(r) => Ok(r),
        None => Err(vm.type_error(format!("descriptor '{name}' requires a 'int' object"))),
    }
}

fn int_bit_length(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    crate::protocols::args::Spec::noargs("int.bit_length").check(vm, &args[1..], kw)?;
    let r = self_int(vm, args, "bit_length")?;
    Ok(Value::int(match r {
        IntRef::Small(i) => 64 - i.unsigned_abs().leading_zeros() as i64,
        IntRef::Big(b) => b.bits() as i64,
    }))
}

fn int_bit_count(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    crate::protocols::args::Spec::noargs("int.bit_count").check(vm, &args[1..], kw)?;
    let r = self_int(vm, args, "bit_count")?;
    Ok(Value::int(match r {
        IntRef::Small(i) => i.unsigned_abs().count_ones() as i64,
        IntRef::Big(b) => b.magnitude().iter_u64_digits().map(|d| d.count_ones() as i64).sum(),
    }))
}

fn int_conjugate(vm: &mut Vm, args: &[Value], _kw: Option<&Value>) -> PyResult<Value> {
    self_int(vm, args, "conjugate")?;
    Ok(exact_int(&args[0]))
}

fn int_as_integer_ratio(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    crate::protocols::args::Spec::noargs("int.as_integer_ratio").check(vm, &args[1..], kw)?;
    self_int(vm, args, "as_integer_ratio")?;
    Ok(crate::objects::tuple::new_tuple(vec![exact_int(&args[0]), Value::small_int(1)]))
}

fn int_is_integer(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    crate::protocols::args::Spec::noargs("int.is_integer").check(vm, &args[1..], kw)?;
    self_int(vm, args, "is_integer")?;
    Ok(none::bool_value(true))
}

fn int_getnewargs(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    crate::protocols::args::Spec::noargs("int.__getnewargs__").check(vm, &args[1..], kw)?;
    self_int(vm, args, "__getnewargs__")?;
    Ok(crate::objects::tuple::new_tuple(vec![exact_int(&args[0])]))
}

fn int_get_real(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(exact_int(v))
}
fn int_get_imag(_vm: &mut Vm, _v: &Value) -> PyResult<Value> {
    Ok(Value::small_int(0))
}
fn int_get_denominator(_vm: &mut Vm, _v: &Value) -> PyResult<Value> {
    Ok(Value::small_int(1))
}

pub static INT_METHODS: &[MethodDef] = &[
    MethodDef { name: "bit_length", func: int_bit_length, kind: MethodKind::Instance, doc: "Number of bits necessary to represent self in binary." },
    MethodDef { name: "bit_count", func: int_bit_count, kind: MethodKind::Instance, doc: "Number of ones in the binary representation of the absolute value of self." },
    MethodDef { name: "conjugate", func: int_conjugate, kind: MethodKind::Instance, doc: "Returns self, the complex conjugate of any int." },
    MethodDef { name: "as_integer_ratio", func: int_as_integer_ratio, kind: MethodKind::Instance, doc: "Return integer ratio." },
    MethodDef { name: "is_integer", func: int_is_integer, kind: MethodKind::Instance, doc: "Returns True." },
    MethodDef { name: "__getnewargs__", func: int_getnewargs, kind: MethodKind::Instance, doc: "" },
    MethodDef { name: "to_bytes", func: crate::objects::int_convert::int_to_bytes, kind: MethodKind::Instance, doc: "Return an array of bytes representing an integer." },
    MethodDef { name: "from_bytes", func: crate::objects::int_convert::int_from_bytes, kind: MethodKind::Class, doc: "Return the integer represented by the given array of bytes." },
    MethodDef { name: "__format__", func: crate::objects::format::int_format_method, kind: MethodKind::Instance, doc: "" },
    MethodDef { name: "__round__", func: crate::objects::int_convert::int_round, kind: MethodKind::Instance, doc: "" },
    MethodDef { name: "__trunc__", func: int_conjugate, kind: MethodKind::Instance, doc: "" },
    MethodDef { name: "__floor__", func: int_conjugate, kind: MethodKind::Instance, doc: "" },
    MethodDef { name: "__ceil__", func: int_conjugate, kind: MethodKind::Instance, doc: "" },
];

pub static INT_GETSETS: &[GetSetDef] = &[
    GetSetDef { name: "real", get: int_get_real, set: None },
    GetSetDef { name: "imag", get: int_get_imag, set: None },
    GetSetDef { name: "numerator", get: int_get_real, set: None },
    GetSetDef { name: "denominator", get: int_get_denominator, set: None },
];

/// Modular inverse of `a` modulo `m` (for `pow(a, -e, m)`).
pub fn mod_inverse(a: &BigInt, m: &BigInt) -> Option<BigInt> {
    let m_abs = m.abs();
    let e = a.mod_floor(&m_abs).extended_gcd(&m_abs);
    if !e.gcd.is_one() {
        return None;
    }
    Some(e.x.mod_floor(&m_abs))
}

/// An integral float as an int (`math.floor` and friends).
pub fn float_to_int(vm: &mut Vm, f: f64) -> PyResult<Value> {
    if f.is_nan() {
        return Err(vm.value_error("cannot convert float NaN to integer"));
    }
    if f.is_infinite() {
        return Err(vm.overflow_error("cannot convert float infinity to integer"));
    }
    if f.abs() < 9.0e15 {
        return Ok(Value::int(f as i64));
    }
    use num_traits::FromPrimitive;
    Ok(from_bigint(BigInt::from_f64(f).unwrap_or_default()))
}
