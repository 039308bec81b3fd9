//! `slice` objects and slice-index arithmetic (CPython: `Objects/sliceobject.c`, `_PyEval_SliceIndex`).

use crate::object::{alloc_object, dealloc_payload, ObjHeader, Payload, PyObj, Value};
use crate::objects::int::{as_int, IntRef};
use crate::objects::{none, str as pystr, tuple};
use crate::typeobj::{flags, payload_of, CompareOp, GetSetDef, MethodDef, MethodKind, PyType, StaticType, SlotDefs};
use crate::vm::{PyResult, Vm};

/// A slice: `start`, `stop` and `step` are arbitrary objects (usually ints or None).
pub struct SliceData {
    pub start: Value,
    pub stop: Value,
    pub step: Value,
}

impl Payload for SliceData {
    fn class() -> &'static PyType {
        &SLICE_TYPE
    }
}

pub static SLICE_TYPE: StaticType = StaticType::new(
    "slice",
    Some(&crate::objects::object::OBJECT_TYPE),
    flags::HAVE_GC | flags::IMMUTABLE,
    std::mem::size_of::<PyObj<SliceData>>(),
    dealloc_payload::<SliceData>,
    SLICE_METHODS,
    SLICE_GETSETS,
)
.with_slots(SlotDefs {
    traverse: Some(slice_traverse),
    repr: Some(slice_repr),
    hash: Some(slice_hash),
    richcompare: Some(slice_richcompare),
    new: Some(slice_new),
    ..SlotDefs::EMPTY
});

pub fn new_slice(start: Value, stop: Value, step: Value) -> Value {
    alloc_object(&SLICE_TYPE, SliceData { start, stop, step })
}

/// Clamp an exact int to isize (CPython's `PyNumber_AsSsize_t(v, NULL)`).
fn clamp_int(v: &Value) -> isize {
    match as_int(v) {
        Some(IntRef::Small(i)) => i.clamp(isize::MIN as i64, isize::MAX as i64) as isize,
        Some(IntRef::Big(b)) => {
            if b.sign() == num_bigint::Sign::Minus {
                isize::MIN
            } else {
                isize::MAX
            }
        }
        None => 0,
    }
}

/// An `__index__` value clamped to isize (`_PyEval_SliceIndexNotNone`): used for the
/// `start`/`end` arguments of `index()`, `find()` and friends.
pub fn index_value(vm: &mut Vm, v: &Value) -> PyResult<isize> {
    if let Some(i) = v.as_small_int() {
        return Ok(i as isize);
    }
    if !crate::protocols::number::has_index(v) {
        return Err(vm.type_error("slice indices must be integers or have an __index__ method"));
    }
    let iv = crate::protocols::number::index(vm, v)?;
    Ok(clamp_int(&iv))
}

/// Like [`index_value`] but `None` gives `None` (`_PyEval_SliceIndex`).
pub fn index_value_opt(vm: &mut Vm, v: &Value) -> PyResult<Option<isize>> {
    if let Some(i) = v.as_small_int() {
        return Ok(Some(i as isize));
    }
    if none::is_none(v) {
        return Ok(None);
    }
    if !crate::protocols::number::has_index(v) {
        return Err(vm.type_error("slice indices must be integers or None or have an __index__ method"));
    }
    let iv = crate::protocols::number::index(vm, v)?;
    Ok(Some(clamp_int(&iv)))
}

/// `PySlice_AdjustIndices`: clip `start`/`stop` to a sequence of `len` items and return the
/// number of selected items.
pub fn adjust_indices(len: isize, start: &mut isize, stop: &mut isize, step: isize) -> usize {
    for v in [&mut *start, &mut *stop] {
        if *v < 0 {
            *v += len;
            if *v < 0 {
                *v = if step < 0 { -1 } else { 0 };
            }
        } else if *v >= len {
            *v = if step < 0 { len - 1 } else { len };
        }
    }
    if step < 0 {
        if *stop < *start {
            ((*start - *stop - 1) / (-step) + 1) as usize
        } else {
            0
        }
    } else if *start < *stop {
        ((*stop - *start - 1) / step + 1) as usize
    } else {
        0
    }
}

impl SliceData {
    /// `PySlice_Unpack`: start, stop, step as isize before clipping.
    pub fn unpack(&self, vm: &mut Vm) -> PyResult<(isize, isize, isize)> {
        let step = match index_value_opt(vm, &self.step)? {
            None => 1,
            Some(0) => return Err(vm.value_error("slice step cannot be zero")),
            Some(s) => s.max(-isize::MAX),
        };
        let start = match index_value_opt(vm, &self.start)? {
            None => {
                if step < 0 {
                    isize::MAX
                } else {
                    0
                }
            }
            Some(s) => s,
        };
        let stop = match index_value_opt(vm, &self.stop)? {
            None => {
                if step < 0 {
                    isize::MIN
                } else {
                    isize::MAX
                }
            }
            Some(s) => s,
        };
        Ok((start, stop, step))
    }

    /// `PySlice_GetIndicesEx` without the length: the clipped `(start, stop, step)` for a
    /// sequence of `len` items (as `slice.indices(len)` returns them).
    pub fn indices(&self, vm: &mut Vm, len: usize) -> PyResult<(isize, isize, isize)> {
        let (mut start, mut stop, step) = self.unpack(vm)?;
        adjust_indices(len as isize, &mut start, &mut stop, step);
        Ok((start, stop, step))
    }

    /// The clipped indices and the number of selected items.
    pub fn indices_len(&self, vm: &mut Vm, len: usize) -> PyResult<(isize, isize, isize, usize)> {
        let (mut start, mut stop, step) = self.unpack(vm)?;
        let n = adjust_indices(len as isize, &mut start, &mut stop, step);
        Ok((start, stop, step, n))
    }

    /// The items of `items` this slice selects. Converting the indices may run Python code
    /// (`__index__`), so callers pass a snapshot.
    pub fn pick(&self, vm: &mut Vm, items: &[Value]) -> PyResult<Vec<Value>> {
        let (start, _stop, step, n) = self.indices_len(vm, items.len())?;
        if step == 1 {
            let s = start.max(0) as usize;
            return Ok(items.get(s..s.saturating_add(n).min(items.len())).map(|x| x.to_vec()).unwrap_or_default());
        }
        let mut out = Vec::with_capacity(n);
        let mut i = start;
        for _ in 0..n {
            if let Some(v) = usize::try_from(i).ok().and_then(|u| items.get(u)) {
                out.push(v.clone());
            }
            i += step;
        }
        Ok(out)
    }
}

fn slice_traverse(h: &ObjHeader, visit: &mut dyn FnMut(&Value)) {
    // SAFETY: called for slices only.
    let d = unsafe { payload_of::<SliceData>(h) };
    visit(&d.start);
    visit(&d.stop);
    visit(&d.step);
}

fn data(v: &Value) -> &SliceData {
    v.downcast::<SliceData>().expect("slice")
}

fn slice_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let d = data(v);
    let (a, b, c) = (d.start.clone(), d.stop.clone(), d.step.clone());
    let a = crate::protocols::object::repr_string(vm, &a)?;
    let b = crate::protocols::object::repr_string(vm, &b)?;
    let c = crate::protocols::object::repr_string(vm, &c)?;
    Ok(pystr::from_string(format!("slice({a}, {b}, {c})")))
}

fn fields(v: &Value) -> Vec<Value> {
    let d = data(v);
    vec![d.start.clone(), d.stop.clone(), d.step.clone()]
}

fn slice_richcompare(vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
    if a.downcast::<SliceData>().is_none() || b.downcast::<SliceData>().is_none() {
        return Ok(none::not_implemented());
    }
    let (x, y) = (fields(a), fields(b));
    crate::protocols::object::compare_sequences(vm, &x, &y, op)
}

/// Python 3.12's slice hash: the tuple hash of the three fields without the length term.
fn slice_hash(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    const P1: u64 = 11400714785074694791;
    const P2: u64 = 14029467366897019727;
    const P5: u64 = 2870177450012600261;
    let mut acc: u64 = P5;
    for it in fields(v) {
        let lane = crate::protocols::object::hash(vm, &it)? as u64;
        acc = acc.wrapping_add(lane.wrapping_mul(P2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(P1);
    }
    if acc == u64::MAX {
        return Ok(1546275796);
    }
    Ok(acc as i64)
}

fn slice_new(vm: &mut Vm, _cls: &Value, args: &[Value], kwnames: Option<&Value>) -> PyResult<Value> {
    const NEW: crate::protocols::args::Spec = crate::protocols::args::Spec::positional("slice", &[crate::protocols::args::Param::pos("start"), crate::protocols::args::Param::pos_opt("stop"), crate::protocols::args::Param::pos_opt("step")]);
    match NEW.check(vm, args, kwnames)? {
        [stop] => Ok(new_slice(none::none(), stop.clone(), none::none())),
        [start, stop] => Ok(new_slice(start.clone(), stop.clone(), none::none())),
        [start, stop, step] => Ok(new_slice(start.clone(), stop.clone(), step.clone())),
        _ => unreachable!("checked"),
    }
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

/// An exact int as a BigInt, or a TypeError like `_PyEval_SliceIndex`'s.
fn big_index(vm: &mut Vm, v: &Value) -> PyResult<Option<num_bigint::BigInt>> {
    if none::is_none(v) {
        return Ok(None);
    }
    if !crate::protocols::number::has_index(v) {
        return Err(vm.type_error("slice indices must be integers or None or have an __index__ method"));
    }
    let iv = crate::protocols::number::index(vm, v)?;
    Ok(Some(as_int(&iv).map(|r| r.to_bigint()).unwrap_or_default()))
}

/// `_PySlice_GetLongIndices`: the clipped `(start, stop, step)` of `slice` for a sequence of
/// `len` items, on big ints (used by `slice.indices()` and range slicing).
pub fn long_indices(
    vm: &mut Vm,
    slice: &SliceData,
    len: &num_bigint::BigInt,
) -> PyResult<(num_bigint::BigInt, num_bigint::BigInt, num_bigint::BigInt)> {
    use num_bigint::BigInt;
    use num_traits::{Signed, Zero};
    let (start, stop, step) = (slice.start.clone(), slice.stop.clone(), slice.step.clone());
    let step = match big_index(vm, &step)? {
        None => BigInt::from(1),
        Some(s) if s.is_zero() => return Err(vm.value_error("slice step cannot be zero")),
        Some(s) => s,
    };
    let neg = step.is_negative();
    let (lower, upper) = if neg { (BigInt::from(-1), len - 1) } else { (BigInt::zero(), len.clone()) };
    let clip = |v: Option<BigInt>, default: &BigInt| -> BigInt {
        match v {
            None => default.clone(),
            Some(mut x) => {
                if x.is_negative() {
                    x += len;
                    if x < lower {
                        x = lower.clone();
                    }
                } else if x > upper {
                    x = upper.clone();
                }
                x
            }
        }
    };
    let start_v = big_index(vm, &start)?;
    let stop_v = big_index(vm, &stop)?;
    let start = clip(start_v, if neg { &upper } else { &lower });
    let stop = clip(stop_v, if neg { &lower } else { &upper });
    Ok((start, stop, step))
}

/// `slice.indices(length)`.
fn slice_indices(vm: &mut Vm, args: &[Value], kwnames: Option<&Value>) -> PyResult<Value> {
    use num_traits::Signed;
    let length = crate::protocols::args::Spec::one("slice.indices").arg(vm, &args[1..], kwnames)?;
    let this = &args[0];
    let len_v = crate::protocols::number::index(vm, length)?;
    let len = as_int(&len_v).map(|r| r.to_bigint()).unwrap_or_default();
    if len.is_negative() {
        return Err(vm.value_error("length should not be negative"));
    }
    let (start, stop, step) = long_indices(vm, data(this), &len)?;
    use crate::objects::int::from_bigint;
    Ok(tuple::new_tuple(vec![from_bigint(start), from_bigint(stop), from_bigint(step)]))
}

fn slice_reduce(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    crate::protocols::args::Spec::noargs("slice.__reduce__").check(vm, &args[1..], kw)?;
    let this = &args[0];
    Ok(tuple::new_tuple(vec![SLICE_TYPE.to_value(), tuple::new_tuple(fields(this))]))
}

pub static SLICE_METHODS: &[MethodDef] = &[
    MethodDef { name: "indices", func: slice_indices, kind: MethodKind::Instance, doc: "S.indices(len) -> (start, stop, stride)" },
    MethodDef { name: "__reduce__", func: slice_reduce, kind: MethodKind::Instance, doc: "Return state information for pickling." },
];

pub static SLICE_GETSETS: &[GetSetDef] = &[
    GetSetDef { name: "start", get: get_start, set: None },
    GetSetDef { name: "stop", get: get_stop, set: None },
    GetSetDef { name: "step", get: get_step, set: None },
];

#[cfg(test)]
mod tests {
    use super::adjust_indices;

    #[test]
    fn adjust_matches_cpython() {
        // slice(None, None, -1).indices(10) == (9, -1, -1)
        let (mut a, mut b) = (isize::MAX, isize::MIN);
        assert_eq!(adjust_indices(10, &mut a, &mut b, -1), 10);
        assert_eq!((a, b), (9, -1));
        // slice(-100, 100, 2).indices(5) == (0, 5, 2)
        let (mut a, mut b) = (-100, 100);
        assert_eq!(adjust_indices(5, &mut a, &mut b, 2), 3);
        assert_eq!((a, b), (0, 5));
    }
}
