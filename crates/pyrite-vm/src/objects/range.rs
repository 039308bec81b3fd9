//! `range` and its iterators (CPython: `Objects/rangeobject.c`).
//!
//! `start`, `stop`, `step` and the length are exact ints of any size; when all of them fit
//! in an i64 the `fast` copy serves indexing, `in` and iteration without big-int arithmetic.

use std::cell::Cell;

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use crate::object::{alloc_object, dealloc_payload, Payload, PyObj, Value};
use crate::objects::int::{as_int, from_bigint};
use crate::objects::{none, str as pystr, tuple};
use crate::typeobj::{flags, CompareOp, GetSetDef, MethodDef, MethodKind, PyType, StaticType, SlotDefs};
use crate::vm::{PyResult, Vm};

pub struct RangeData {
    pub start: Value,
    pub stop: Value,
    pub step: Value,
    pub length: Value,
    /// `(start, stop, step, length)` when all four fit in an i64.
    pub fast: Option<(i64, i64, i64, i64)>,
}

impl Payload for RangeData {
    fn class() -> &'static PyType {
        &RANGE_TYPE
    }
}

pub static RANGE_TYPE: StaticType = StaticType::new(
    "range",
    Some(&crate::objects::object::OBJECT_TYPE),
    flags::IMMUTABLE,
    std::mem::size_of::<PyObj<RangeData>>(),
    dealloc_payload::<RangeData>,
    RANGE_METHODS,
    RANGE_GETSETS,
)
.with_slots(SlotDefs {
    repr: Some(range_repr),
    hash: Some(range_hash),
    richcompare: Some(range_richcompare),
    iter: Some(range_iter),
    new: Some(range_new),
    nb_bool: Some(range_bool),
    len: Some(range_len),
    getitem: Some(range_getitem),
    contains: Some(range_contains),
    ..SlotDefs::EMPTY
});

/// The fast range iterator: no allocation per step (`rangeiterobject`).
pub struct RangeIterData {
    pub next: Cell<i64>,
    pub step: i64,
    pub remaining: Cell<u64>,
}

impl Payload for RangeIterData {
    fn class() -> &'static PyType {
        &RANGE_ITER_TYPE
    }
}

pub static RANGE_ITER_TYPE: StaticType = StaticType::new(
    "range_iterator",
    Some(&crate::objects::object::OBJECT_TYPE),
    0,
    std::mem::size_of::<PyObj<RangeIterData>>(),
    dealloc_payload::<RangeIterData>,
    RANGE_ITER_METHODS,
    &[],
)
.with_slots(SlotDefs {
    iter: Some(self_iter),
    iternext: Some(rangeiter_next),
    ..SlotDefs::EMPTY
});

/// The big-int range iterator (`longrangeiterobject`).
pub struct LongRangeIterData {
    next: std::cell::RefCell<BigInt>,
    step: BigInt,
    remaining: std::cell::RefCell<BigInt>,
}

impl Payload for LongRangeIterData {
    fn class() -> &'static PyType {
        &LONGRANGE_ITER_TYPE
    }
}

pub static LONGRANGE_ITER_TYPE: StaticType = StaticType::new(
    "longrange_iterator",
    Some(&crate::objects::object::OBJECT_TYPE),
    0,
    std::mem::size_of::<PyObj<LongRangeIterData>>(),
    dealloc_payload::<LongRangeIterData>,
    LONGRANGE_ITER_METHODS,
    &[],
)
.with_slots(SlotDefs {
    iter: Some(self_iter),
    iternext: Some(longrangeiter_next),
    ..SlotDefs::EMPTY
});

/// The next value of a fast range iterator, or `None` when exhausted.
#[inline(always)]
pub fn range_iter_next(it: &RangeIterData) -> Option<i64> {
    let r = it.remaining.get();
    if r == 0 {
        return None;
    }
    it.remaining.set(r - 1);
    let v = it.next.get();
    it.next.set(v.wrapping_add(it.step));
    Some(v)
}

fn big(v: &Value) -> BigInt {
    as_int(v).map(|r| r.to_bigint()).unwrap_or_default()
}

/// Number of items of `range(lo, hi, step)` (step != 0).
fn range_length(lo: &BigInt, hi: &BigInt, step: &BigInt) -> BigInt {
    if step.is_positive() && lo < hi {
        (hi - lo - 1u32) / step + 1u32
    } else if step.is_negative() && lo > hi {
        (lo - hi - 1u32) / (-step) + 1u32
    } else {
        BigInt::zero()
    }
}

/// A new range from exact ints (step already checked to be non-zero).
fn make_range(start: BigInt, stop: BigInt, step: BigInt) -> Value {
    let length = range_length(&start, &stop, &step);
    let fast = match (start.to_i64(), stop.to_i64(), step.to_i64(), length.to_i64()) {
        (Some(a), Some(b), Some(c), Some(d)) => Some((a, b, c, d)),
        _ => None,
    };
    alloc_object(
        &RANGE_TYPE,
        RangeData { start: from_bigint(start), stop: from_bigint(stop), step: from_bigint(step), length: from_bigint(length), fast },
    )
}

/// `range(start, stop, step)` from i64s (a zero step is treated as 1).
pub fn new_range(start: i64, stop: i64, step: i64) -> Value {
    let step = if step == 0 { 1 } else { step };
    make_range(BigInt::from(start), BigInt::from(stop), BigInt::from(step))
}

/// `sum(range)` without iterating, when the range has an i64 fast form.
pub fn small_sum(r: &RangeData) -> Option<i128> {
    let (a, _, c, n) = r.fast?;
    let (a, c, n) = (a as i128, c as i128, n as i128);
    // n*a + c*n*(n-1)/2, exact in i128 for i64 inputs.
    Some(n * a + c * (n * (n - 1) / 2))
}

fn data(v: &Value) -> &RangeData {
    v.downcast::<RangeData>().expect("range")
}

/// `__index__` as a BigInt.
fn index_big(vm: &mut Vm, v: &Value) -> PyResult<BigInt> {
    let iv = crate::protocols::number::index(vm, v)?;
    Ok(big(&iv))
}

fn range_new(vm: &mut Vm, _cls: &Value, args: &[Value], kwnames: Option<&Value>) -> PyResult<Value> {
    const NEW: crate::protocols::args::Spec = crate::protocols::args::Spec::positional("range", &[crate::protocols::args::Param::pos("start"), crate::protocols::args::Param::pos_opt("stop"), crate::protocols::args::Param::pos_opt("step")]);
    let (start, stop, step) = match NEW.check(vm, args, kwnames)? {
        [stop] => (BigInt::zero(), index_big(vm, stop)?, BigInt::one()),
        [a, b] => (index_big(vm, a)?, index_big(vm, b)?, BigInt::one()),
        [a, b, c] => {
            let a = index_big(vm, a)?;
            let b = index_big(vm, b)?;
            let c = index_big(vm, c)?;
            if c.is_zero() {
                return Err(vm.value_error("range() arg 3 must not be zero"));
            }
            (a, b, c)
        }
        _ => unreachable!("checked"),
    };
    Ok(make_range(start, stop, step))
}

fn range_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let d = data(v);
    let (a, b, c) = (d.start.clone(), d.stop.clone(), d.step.clone());
    let a = crate::protocols::object::repr_string(vm, &a)?;
    let b = crate::protocols::object::repr_string(vm, &b)?;
    if c.as_small_int() == Some(1) {
        return Ok(pystr::from_string(format!("range({a}, {b})")));
    }
    let c = crate::protocols::object::repr_string(vm, &c)?;
    Ok(pystr::from_string(format!("range({a}, {b}, {c})")))
}

fn range_len(vm: &mut Vm, v: &Value) -> PyResult<usize> {
    let d = data(v);
    match d.fast {
        Some((_, _, _, n)) => Ok(n as usize),
        None => match big(&d.length).to_i64() {
            Some(n) if n >= 0 => Ok(n as usize),
            _ => Err(vm.overflow_error("Python int too large to convert to C ssize_t")),
        },
    }
}

fn range_bool(_vm: &mut Vm, v: &Value) -> PyResult<bool> {
    let d = data(v);
    Ok(match d.fast {
        Some((_, _, _, n)) => n != 0,
        None => !big(&d.length).is_zero(),
    })
}

/// The item at `i` (0 <= i < len), as `start + i * step`.
fn item_at(d: &RangeData, i: &BigInt) -> Value {
    if let (Some((a, _, c, _)), Some(i)) = (d.fast, i.to_i64()) {
        if let Some(v) = i.checked_mul(c).and_then(|x| x.checked_add(a)) {
            return Value::int(v);
        }
    }
    from_bigint(big(&d.start) + i * big(&d.step))
}

fn range_getitem(vm: &mut Vm, v: &Value, index: &Value) -> PyResult<Value> {
    let d = data(v);
    if let Some(slice) = index.downcast::<crate::objects::slice::SliceData>() {
        let len = big(&d.length);
        let (start, stop, step) = crate::objects::slice::long_indices(vm, slice, &len)?;
        let d = data(v);
        let rstep = big(&d.step);
        let rstart = big(&d.start);
        let new_start = &rstart + &start * &rstep;
        let new_stop = &rstart + &stop * &rstep;
        return Ok(make_range(new_start, new_stop, step * rstep));
    }
    if !crate::protocols::number::has_index(index) {
        return Err(vm.type_error(format!("range indices must be integers or slices, not {}", index.ty().name())));
    }
    if let (Some(i), Some((_, _, _, n))) = (index.as_small_int(), d.fast) {
        let j = if i < 0 { i + n } else { i };
        if j < 0 || j >= n {
            return Err(vm.index_error("range object index out of range"));
        }
        return Ok(item_at(d, &BigInt::from(j)));
    }
    let mut i = index_big(vm, index)?;
    let d = data(v);
    let len = big(&d.length);
    if i.is_negative() {
        i += &len;
    }
    if i.is_negative() || i >= len {
        return Err(vm.index_error("range object index out of range"));
    }
    Ok(item_at(d, &i))
}

/// Is `v` an exact int or a bool (the types for which `in` is O(1))?
fn is_exact_int(v: &Value) -> bool {
    v.is_small_int()
        || std::ptr::eq(v.ty(), &crate::objects::int::INT_TYPE.0)
        || std::ptr::eq(v.ty(), &crate::objects::none::BOOL_TYPE.0)
}

/// O(1) membership of an int (`range_contains_long`).
fn contains_int(d: &RangeData, x: &Value) -> bool {
    if let (Some(x), Some((a, b, c, _))) = (x.as_small_int(), d.fast) {
        let inside = if c > 0 { a <= x && x < b } else { b < x && x <= a };
        return inside && ((x as i128 - a as i128).rem_euclid(c as i128) == 0);
    }
    let x = big(x);
    let (a, b, c) = (big(&d.start), big(&d.stop), big(&d.step));
    let inside = if c.is_positive() { a <= x && x < b } else { b < x && x <= a };
    inside && (x - a).mod_floor(&c).is_zero()
}

/// Iterate the range's items in order, calling `f` until it says stop (for `==`-based search).
fn linear_search(vm: &mut Vm, v: &Value, x: &Value, mut f: impl FnMut(usize) -> bool) -> PyResult<Option<usize>> {
    let it = range_iter(vm, v)?;
    let mut i = 0usize;
    while let Some(item) = crate::protocols::iter::next(vm, &it)? {
        if crate::protocols::object::eq(vm, &item, x)? && f(i) {
            return Ok(Some(i));
        }
        i += 1;
    }
    Ok(None)
}

fn range_contains(vm: &mut Vm, v: &Value, x: &Value) -> PyResult<bool> {
    if is_exact_int(x) {
        return Ok(contains_int(data(v), x));
    }
    Ok(linear_search(vm, v, x, |_| true)?.is_some())
}

fn range_richcompare(_vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
    let (Some(x), Some(y)) = (a.downcast::<RangeData>(), b.downcast::<RangeData>()) else {
        return Ok(none::not_implemented());
    };
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(none::not_implemented());
    }
    let equal = if a.is(b) {
        true
    } else {
        let len = big(&x.length);
        if len != big(&y.length) {
            false
        } else if len.is_zero() {
            true
        } else if big(&x.start) != big(&y.start) {
            false
        } else if len.is_one() {
            true
        } else {
            big(&x.step) == big(&y.step)
        }
    };
    Ok(none::bool_value(equal == (op == CompareOp::Eq)))
}

fn range_hash(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let d = data(v);
    let len = big(&d.length);
    let items = if len.is_zero() {
        vec![d.length.clone(), none::none(), none::none()]
    } else if len.is_one() {
        vec![d.length.clone(), d.start.clone(), none::none()]
    } else {
        vec![d.length.clone(), d.start.clone(), d.step.clone()]
    };
    tuple::hash_items(vm, &items)
}

/// A fast iterator over `len` values `start, start+step, ...` if nothing overflows an i64.
fn fast_iter(start: &BigInt, stop: &BigInt, step: &BigInt, len: &BigInt) -> Option<Value> {
    let (a, b, c) = (start.to_i64()?, stop.to_i64()?, step.to_i64()?);
    let n = len.to_i64()?;
    if n > 0 {
        if c > 0 {
            if b > i64::MAX - (c - 1) {
                return None;
            }
        } else if b < i64::MIN + (-1 - c) {
            return None;
        }
    }
    Some(alloc_object(&RANGE_ITER_TYPE, RangeIterData { next: Cell::new(a), step: c, remaining: Cell::new(n as u64) }))
}

fn long_iter(start: BigInt, step: BigInt, len: BigInt) -> Value {
    alloc_object(
        &LONGRANGE_ITER_TYPE,
        LongRangeIterData { next: std::cell::RefCell::new(start), step, remaining: std::cell::RefCell::new(len) },
    )
}

fn range_iter(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let d = data(v);
    if let Some((a, b, c, n)) = d.fast {
        if let Some(it) = fast_iter(&BigInt::from(a), &BigInt::from(b), &BigInt::from(c), &BigInt::from(n)) {
            return Ok(it);
        }
    }
    let (a, b, c, n) = (big(&d.start), big(&d.stop), big(&d.step), big(&d.length));
    if let Some(it) = fast_iter(&a, &b, &c, &n) {
        return Ok(it);
    }
    Ok(long_iter(a, c, n))
}

fn range_reversed(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    crate::protocols::args::Spec::noargs("range.__reversed__").check(vm, &args[1..], kw)?;
    let d = data(&args[0]);
    let (a, c, n) = (big(&d.start), big(&d.step), big(&d.length));
    // The last item, then walk backwards: range(last, start - step, -step).
    let last = &a + (&n - 1u32) * &c;
    let neg = -&c;
    let stop = &a - &c;
    if n.is_zero() {
        return Ok(alloc_object(&RANGE_ITER_TYPE, RangeIterData { next: Cell::new(0), step: 1, remaining: Cell::new(0) }));
    }
    if let Some(it) = fast_iter(&last, &stop, &neg, &n) {
        return Ok(it);
    }
    Ok(long_iter(last, neg, n))
}

fn range_count(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    let x = crate::protocols::args::Spec::one("range.count").arg(vm, &args[1..], kw)?;
    let this = &args[0];
    if is_exact_int(x) {
        return Ok(Value::int(contains_int(data(this), x) as i64));
    }
    let mut count = 0i64;
    linear_search(vm, this, x, |_| {
        count += 1;
        false
    })?;
    Ok(Value::int(count))
}

fn range_index(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    let x = crate::protocols::args::Spec::one("range.index").arg(vm, &args[1..], kw)?;
    let this = &args[0];
    if is_exact_int(x) {
        let d = data(this);
        if contains_int(d, x) {
            let i = (big(x) - big(&d.start)) / big(&d.step);
            return Ok(from_bigint(i));
        }
        let r = crate::protocols::object::repr_string(vm, x)?;
        return Err(vm.value_error(format!("{r} is not in range")));
    }
    match linear_search(vm, this, x, |_| true)? {
        Some(i) => Ok(Value::int(i as i64)),
        None => Err(vm.value_error("sequence.index(x): x not in sequence")),
    }
}

fn range_reduce(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    // METH_VARARGS in CPython: extra positional arguments are ignored, keywords refused.
    crate::protocols::args::Spec::varargs("range.__reduce__").check(vm, &args[1..], kw)?;
    let d = data(&args[0]);
    Ok(tuple::new_tuple(vec![
        RANGE_TYPE.to_value(),
        tuple::new_tuple(vec![d.start.clone(), d.stop.clone(), d.step.clone()]),
    ]))
}

fn get_start(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(data(v).start.clone())
}
fn get_stop(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(data(v).stop.clone())
}
fn get_step(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(data(v).step.clone())
}

pub static RANGE_METHODS: &[MethodDef] = &[
    MethodDef { name: "count", func: range_count, kind: MethodKind::Instance, doc: "rangeobject.count(value) -> integer -- return number of occurrences of value" },
    MethodDef { name: "index", func: range_index, kind: MethodKind::Instance, doc: "rangeobject.index(value) -> integer -- return index of value." },
    MethodDef { name: "__reversed__", func: range_reversed, kind: MethodKind::Instance, doc: "Return a reverse iterator." },
    MethodDef { name: "__reduce__", func: range_reduce, kind: MethodKind::Instance, doc: "" },
];

pub static RANGE_GETSETS: &[GetSetDef] = &[
    GetSetDef { name: "start", get: get_start, set: None },
    GetSetDef { name: "stop", get: get_stop, set: None },
    GetSetDef { name: "step", get: get_step, set: None },
];

// ----- iterators -------------------------------------------------------------------------

fn self_iter(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(v.clone())
}

fn rangeiter_next(_vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let it = v.downcast::<RangeIterData>().expect("range_iterator");
    Ok(range_iter_next(it).map(Value::int))
}

fn rangeiter_length_hint(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    crate::protocols::args::Spec::noargs("__length_hint__").check_in(vm, args[0].ty().name(), &args[1..], kw)?;
    let it = args[0].downcast::<RangeIterData>().expect("range_iterator");
    Ok(Value::int(it.remaining.get().min(i64::MAX as u64) as i64))
}

fn longrangeiter_next(_vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let it = v.downcast::<LongRangeIterData>().expect("longrange_iterator");
    let mut rem = it.remaining.borrow_mut();
    if !rem.is_positive() {
        return Ok(None);
    }
    *rem -= 1u32;
    let mut next = it.next.borrow_mut();
    let v = next.clone();
    *next += &it.step;
    Ok(Some(from_bigint(v)))
}

fn longrangeiter_length_hint(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    crate::protocols::args::Spec::noargs("__length_hint__").check_in(vm, args[0].ty().name(), &args[1..], kw)?;
    let it = args[0].downcast::<LongRangeIterData>().expect("longrange_iterator");
    let r = it.remaining.borrow().clone();
    Ok(from_bigint(r))
}

pub static RANGE_ITER_METHODS: &[MethodDef] = &[MethodDef {
    name: "__length_hint__",
    func: rangeiter_length_hint,
    kind: MethodKind::Instance,
    doc: "Private method returning an estimate of len(list(it)).",
}];

pub static LONGRANGE_ITER_METHODS: &[MethodDef] = &[MethodDef {
    name: "__length_hint__",
    func: longrangeiter_length_hint,
    kind: MethodKind::Instance,
    doc: "Private method returning an estimate of len(list(it)).",
}];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lengths() {
        let l = |a: i64, b: i64, c: i64| range_length(&BigInt::from(a), &BigInt::from(b), &BigInt::from(c));
        assert_eq!(l(0, 10, 3), BigInt::from(4));
        assert_eq!(l(10, 0, -3), BigInt::from(4));
        assert_eq!(l(0, 0, 1), BigInt::from(0));
        assert_eq!(l(5, 0, 1), BigInt::from(0));
    }

    #[test]
    fn fast_iteration() {
        let it = RangeIterData { next: Cell::new(3), step: -2, remaining: Cell::new(3) };
        let got: Vec<i64> = std::iter::from_fn(|| range_iter_next(&it)).collect();
        assert_eq!(got, vec![3, 1, -1]);
    }
}
