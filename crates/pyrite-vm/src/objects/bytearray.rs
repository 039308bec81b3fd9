//! bytearray's mutating operations: item and slice assignment and deletion, `+=`, `*=`, append/extend/insert/pop/remove/reverse/clear/copy (CPython: `Objects/bytearrayobject.c`).
//!
//! Every length change goes through `ByteArrayData::with_vec_mut`, which raises CPython's
//! BufferError while buffer exports are alive; the checks happen where CPython's
//! `_canresize`/`PyByteArray_Resize` calls are, so the same operations fail.

use crate::object::Value;
use crate::objects::bytes::{byte_value, new_bytearray, ByteArrayData};
use crate::objects::bytes_methods::{m, me, methods_table};
use crate::protocols::args::{Param, Spec};
use crate::objects::{exceptions, none, str as pystr, tuple};
use crate::protocols::buffer;
use crate::typeobj::MethodDef;
use crate::vm::{PyResult, Vm};

const BYTE_RANGE: &str = "byte must be in range(0, 256)";

fn ba(v: &Value) -> &ByteArrayData {
    v.downcast::<ByteArrayData>().expect("bytearray method on a bytearray")
}

/// The bytes to assign from `values` (`PyByteArray_FromObject` of a non-bytearray, or a
/// bytearray's contents).
fn assigned_bytes(vm: &mut Vm, values: &Value) -> PyResult<Vec<u8>> {
    if let Some(d) = values.downcast::<ByteArrayData>() {
        return Ok(d.to_vec());
    }
    let ns = &values.ty().slots;
    let is_number = values.is_small_int() || ns.nb_index.get().is_some() || ns.nb_int.get().is_some() || ns.nb_float.get().is_some();
    if is_number || pystr::is_str(values) {
        return Err(vm.type_error("can assign only bytes, buffers, or iterables of ints in range(0, 256)"));
    }
    if let Some(b) = buffer::try_bytes_of(vm, values)? {
        return Ok(b);
    }
    let it = match crate::protocols::iter::get_iter(vm, values) {
        Ok(it) => it,
        Err(e) if e.matches(exceptions::type_error()) => {
            return Err(vm.type_error(format!("cannot convert '{}' object to bytearray", values.ty().name())));
        }
        Err(e) => return Err(e),
    };
    let mut out = Vec::new();
    while let Some(x) = crate::protocols::iter::next(vm, &it)? {
        out.push(byte_value(vm, &x, BYTE_RANGE)?);
    }
    Ok(out)
}

/// `bytearray_setslice_linear`: replace `[lo:hi]` with `bytes`.
fn setslice_linear(vm: &mut Vm, d: &ByteArrayData, lo: usize, hi: usize, bytes: &[u8]) -> PyResult<()> {
    let len = d.len();
    let hi = hi.max(lo).min(len);
    let lo = lo.min(len);
    let new_len = len - (hi - lo) + bytes.len();
    d.with_vec_mut(vm, new_len, |v| {
        v.splice(lo..hi, bytes.iter().copied());
    })
}

pub(crate) fn bytearray_setitem(vm: &mut Vm, v: &Value, index: &Value, value: Option<&Value>) -> PyResult<()> {
    let d = ba(v);
    let (start, stop, step, slicelen);
    if crate::protocols::number::has_index(index) {
        let i = index_arg(vm, index)?;
        let byte = match value {
            Some(x) => Some(byte_value(vm, x, BYTE_RANGE)?),
            None => None,
        };
        let n = d.len() as isize;
        let j = if i < 0 { i + n } else { i };
        if j < 0 || j >= n {
            return Err(vm.index_error("bytearray index out of range"));
        }
        match byte {
            Some(x) => {
                d.with_slice_mut(|s| s[j as usize] = x);
                return Ok(());
            }
            None => {
                start = j;
                stop = j + 1;
                step = 1;
                slicelen = 1;
            }
        }
    } else if let Some(slice) = index.downcast::<crate::objects::slice::SliceData>() {
        let (a, b, c) = slice.unpack(vm)?;
        let (mut a, mut b) = (a, b);
        slicelen = crate::objects::slice::adjust_indices(d.len() as isize, &mut a, &mut b, c);
        start = a;
        stop = b;
        step = c;
    } else {
        return Err(vm.type_error(format!("bytearray indices must be integers or slices, not {}", index.ty().name())));
    }
    let bytes: Vec<u8> = match value {
        None => Vec::new(),
        Some(x) => assigned_bytes(vm, x)?,
    };
    let mut stop = stop;
    if (step < 0 && start < stop) || (step > 0 && start > stop) {
        stop = start;
    }
    if step == 1 {
        return setslice_linear(vm, d, start as usize, stop as usize, &bytes);
    }
    if bytes.is_empty() {
        // Deleting an extended slice (also what assigning an empty value does).
        if d.exports() > 0 {
            return Err(buffer::resize_error(vm));
        }
        if slicelen == 0 {
            return Ok(());
        }
        let mut drop = vec![false; d.len()];
        let mut i = start;
        for _ in 0..slicelen {
            drop[i as usize] = true;
            i += step;
        }
        let new_len = d.len() - slicelen;
        return d.with_vec_mut(vm, new_len, |vec| {
            let mut k = 0;
            vec.retain(|_| {
                let keep = !drop[k];
                k += 1;
                keep
            });
        });
    }
    if bytes.len() != slicelen {
        return Err(vm.value_error(format!(
            "attempt to assign bytes of size {} to extended slice of size {slicelen}",
            bytes.len()
        )));
    }
    d.with_slice_mut(|s| {
        let mut i = start;
        for &x in &bytes {
            s[i as usize] = x;
            i += step;
        }
    });
    Ok(())
}

/// `PyNumber_AsSsize_t(index, PyExc_IndexError)`.
fn index_arg(vm: &mut Vm, index: &Value) -> PyResult<isize> {
    if let Some(i) = index.as_small_int() {
        return Ok(i as isize);
    }
    let iv = crate::protocols::number::index(vm, index)?;
    match crate::objects::int::as_int(&iv).and_then(|r| r.to_i64()) {
        Some(i) => Ok(i as isize),
        None => Err(vm.index_error(format!("cannot fit '{}' into an index-sized integer", index.ty().name()))),
    }
}

pub(crate) fn bytearray_iadd(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    let Some(d) = a.downcast::<ByteArrayData>() else { return Ok(none::not_implemented()) };
    let Ok(Some(y)) = buffer::try_bytes_of(vm, b) else {
        return Err(vm.type_error(format!("can't concat {} to {}", b.ty().name(), a.ty().name())));
    };
    let n = d.len() + y.len();
    d.with_vec_mut(vm, n, |v| v.extend_from_slice(&y))?;
    Ok(a.clone())
}

pub(crate) fn bytearray_imul(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    let Some(d) = a.downcast::<ByteArrayData>() else { return Ok(none::not_implemented()) };
    if !crate::protocols::number::has_index(b) {
        return Ok(none::not_implemented());
    }
    let count = crate::objects::int::repeat_count(vm, b)?.max(0) as usize;
    let len = d.len();
    if (len as u128) * (count as u128) > (1u128 << 40) {
        return Err(vm.memory_error());
    }
    d.with_vec_mut(vm, len * count, |v| {
        if count == 0 {
            v.clear();
        } else if count > 1 {
            let once = v.clone();
            for _ in 1..count {
                v.extend_from_slice(&once);
            }
        }
    })?;
    Ok(a.clone())
}

// ----- methods -----------------------------------------------------------------------------

fn m_append(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    let item = Spec::one("bytearray.append").arg(vm, &args[1..], kw)?.clone();
    let x = byte_value(vm, &item, BYTE_RANGE)?;
    let d = ba(&args[0]);
    d.with_vec_mut(vm, d.len() + 1, |v| v.push(x))?;
    Ok(none::none())
}

fn m_extend(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    let src = Spec::one("bytearray.extend").arg(vm, &args[1..], kw)?.clone();
    let add = if let Some(b) = buffer::try_bytes_of(vm, &src)? {
        b
    } else {
        let it = match crate::protocols::iter::get_iter(vm, &src) {
            Ok(it) => it,
            Err(e) if e.matches(exceptions::type_error()) => {
                return Err(vm.type_error(format!("can't extend bytearray with {}", src.ty().name())));
            }
            Err(e) => return Err(e),
        };
        let mut out = Vec::new();
        while let Some(x) = crate::protocols::iter::next(vm, &it)? {
            out.push(byte_value(vm, &x, BYTE_RANGE)?);
        }
        out
    };
    let d = ba(&args[0]);
    d.with_vec_mut(vm, d.len() + add.len(), |v| v.extend_from_slice(&add))?;
    Ok(none::none())
}

fn m_insert(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    const INSERT: Spec = Spec::positional("bytearray.insert", &[Param::pos("index"), Param::pos("item")]);
    let rest = INSERT.check(vm, &args[1..], kw)?;
    let index = crate::objects::list_methods::ssize_arg(vm, &rest[0])?;
    let x = byte_value(vm, &rest[1], BYTE_RANGE)?;
    let d = ba(&args[0]);
    let n = d.len() as isize;
    let at = if index < 0 { (index + n).max(0) } else { index.min(n) } as usize;
    d.with_vec_mut(vm, d.len() + 1, |v| v.insert(at, x))?;
    Ok(none::none())
}

fn m_pop(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    const POP: Spec = Spec::positional("bytearray.pop", &[Param::pos_opt("index")]);
    let rest = POP.check(vm, &args[1..], kw)?;
    let i = match rest.first() {
        Some(v) => crate::objects::list_methods::ssize_arg(vm, v)?,
        None => -1,
    };
    let d = ba(&args[0]);
    let n = d.len() as isize;
    if n == 0 {
        return Err(vm.index_error("pop from empty bytearray"));
    }
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(vm.index_error("pop index out of range"));
    }
    let x = d.with_vec_mut(vm, n as usize - 1, |v| v.remove(j as usize))?;
    Ok(Value::int(x as i64))
}

fn m_remove(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    let item = Spec::one("bytearray.remove").arg(vm, &args[1..], kw)?.clone();
    let x = byte_value(vm, &item, BYTE_RANGE)?;
    let d = ba(&args[0]);
    let Some(pos) = d.with_vec(|v| v.iter().position(|&c| c == x)) else {
        return Err(vm.value_error("value not found in bytearray"));
    };
    d.with_vec_mut(vm, d.len() - 1, |v| {
        v.remove(pos);
    })?;
    Ok(none::none())
}

fn m_reverse(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    Spec::noargs("bytearray.reverse").check(vm, &args[1..], kw)?;
    ba(&args[0]).with_slice_mut(|s| s.reverse());
    Ok(none::none())
}

fn m_clear(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    Spec::noargs("bytearray.clear").check(vm, &args[1..], kw)?;
    ba(&args[0]).with_vec_mut(vm, 0, |v| v.clear())?;
    Ok(none::none())
}

fn m_copy(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    Spec::noargs("bytearray.copy").check(vm, &args[1..], kw)?;
    Ok(new_bytearray(me(args)))
}

fn m_alloc(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    Spec::noargs("bytearray.__alloc__").check(vm, &args[1..], kw)?;
    // `ob_alloc`: the allocated size including the trailing NUL CPython keeps.
    let n = ba(&args[0]).len();
    Ok(Value::int(if n == 0 { 0 } else { n as i64 + 1 }))
}

/// `_common_reduce`: `(type(self), (latin-1 text, 'latin-1') | (bytes,), __dict__ or None)`.
fn common_reduce(vm: &mut Vm, this: &Value, proto: isize) -> PyResult<Value> {
    let cls = this.ty().to_value();
    let dict = match crate::protocols::object::getattr_opt(vm, this, "__dict__")? {
        Some(d) => d,
        None => none::none(),
    };
    let b = crate::objects::bytes::content(this);
    let args = if proto < 3 {
        let text: String = b.iter().map(|&c| c as char).collect();
        tuple::new_tuple(vec![pystr::from_string(text), pystr::new_str("latin-1")])
    } else {
        tuple::new_tuple(vec![crate::objects::bytes::new_bytes(b)])
    };
    Ok(tuple::new_tuple(vec![cls, args, dict]))
}

fn m_reduce(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    Spec::noargs("bytearray.__reduce__").check(vm, &args[1..], kw)?;
    common_reduce(vm, &args[0], 0)
}

fn m_reduce_ex(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    const REDUCE_EX: Spec = Spec::positional("bytearray.__reduce_ex__", &[Param::pos_opt("proto")]);
    let rest = REDUCE_EX.check(vm, &args[1..], kw)?;
    let proto = match rest.first() {
        Some(v) => crate::objects::list_methods::ssize_arg(vm, v)?,
        None => 0,
    };
    common_reduce(vm, &args[0], proto)
}

pub static BYTEARRAY_METHODS: &[MethodDef] = methods_table!(
    "Create a bytearray object from a string of hexadecimal numbers.",
    m!("append", m_append),
    m!("clear", m_clear),
    m!("copy", m_copy),
    m!("extend", m_extend),
    m!("insert", m_insert),
    m!("pop", m_pop),
    m!("remove", m_remove),
    m!("reverse", m_reverse),
    m!("__alloc__", m_alloc),
    m!("__reduce__", m_reduce),
    m!("__reduce_ex__", m_reduce_ex),
    m!("__release_buffer__", crate::objects::memoryview::m_release_buffer),
);
