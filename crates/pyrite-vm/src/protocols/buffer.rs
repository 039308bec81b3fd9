//! The buffer protocol: `Py_buffer`, `PyObject_GetBuffer`, `PyBuffer_Release` and the contiguity helpers (CPython: the buffer part of `Objects/abstract.c`, `Include/pybuffer.h`).
//!
//! An exporter's type sets `slots.buffer` to a [`BufferProcs`]; [`get_buffer`] asks it for a
//! [`PyBuffer`] describing its memory. The buffer owns a reference to the exporter (`obj`) and
//! releases the export when dropped (the exporter's `release` procedure runs then: bytearray
//! decrements its export count, memoryview its own). While an export lives the exporter keeps
//! the memory where it is (bytearray refuses to resize), so `buf` stays valid.
//!
//! Rule (as for every interior borrow): the slices [`PyBuffer::with_bytes`] and friends hand
//! out must not be kept across a call that can run Python code, which could write the memory
//! through another view.

use std::borrow::Cow;

use crate::object::Value;
use crate::objects::exceptions;
use crate::vm::{PyResult, Vm};

/// Request flags (`PyBUF_*`).
pub mod flags {
    pub const SIMPLE: u32 = 0;
    pub const WRITABLE: u32 = 0x0001;
    pub const FORMAT: u32 = 0x0004;
    pub const ND: u32 = 0x0008;
    pub const STRIDES: u32 = 0x0010 | ND;
    pub const C_CONTIGUOUS: u32 = 0x0020 | STRIDES;
    pub const F_CONTIGUOUS: u32 = 0x0040 | STRIDES;
    pub const ANY_CONTIGUOUS: u32 = 0x0080 | STRIDES;
    pub const INDIRECT: u32 = 0x0100 | STRIDES;
    pub const FULL_RO: u32 = INDIRECT | FORMAT;
    pub const FULL: u32 = FULL_RO | WRITABLE;
}

/// `getbufferproc`: fill a buffer for `flags` or raise (BufferError for a refused request).
pub type GetBufferFn = fn(&mut Vm, &Value, u32) -> PyResult<PyBuffer>;
/// `releasebufferproc`: an export of this object ended. Must not run Python code.
pub type ReleaseBufferFn = fn(&Value);

/// `PyBufferProcs`: what a type's `slots.buffer` points at.
pub struct BufferProcs {
    pub get: GetBufferFn,
    pub release: Option<ReleaseBufferFn>,
}

/// `Py_buffer`: one export of an object's memory. Dropping it is `PyBuffer_Release`.
pub struct PyBuffer {
    obj: Value,
    /// Start of the logical structure (the first item's address for strided views).
    pub buf: *mut u8,
    /// Total bytes of the logical structure (`product(shape) * itemsize`).
    pub len: usize,
    pub itemsize: usize,
    pub readonly: bool,
    /// The struct-module format of one item (`"B"` for plain bytes).
    pub format: Cow<'static, str>,
    pub ndim: usize,
    pub shape: Vec<usize>,
    pub strides: Vec<isize>,
}

impl PyBuffer {
    /// `PyBuffer_FillInfo`: a one-dimensional, contiguous buffer of unsigned bytes.
    /// Raises BufferError when a writable buffer is asked of read-only memory.
    pub fn fill_info(vm: &mut Vm, obj: &Value, buf: *mut u8, len: usize, readonly: bool, req: u32) -> PyResult<PyBuffer> {
        if req & flags::WRITABLE != 0 && readonly {
            return Err(vm.new_exception(exceptions::buffer_error(), "Object is not writable."));
        }
        Ok(PyBuffer::from_parts(obj.clone(), buf, len, 1, readonly, Cow::Borrowed("B"), vec![len], vec![1]))
    }

    /// A buffer with every field given (exporters with structure, such as memoryview).
    #[allow(clippy::too_many_arguments)]
    pub fn from_parts(
        obj: Value,
        buf: *mut u8,
        len: usize,
        itemsize: usize,
        readonly: bool,
        format: Cow<'static, str>,
        shape: Vec<usize>,
        strides: Vec<isize>,
    ) -> PyBuffer {
        let ndim = shape.len();
        PyBuffer { obj, buf, len, itemsize, readonly, format, ndim, shape, strides }
    }

    /// The exporting object.
    pub fn obj(&self) -> &Value {
        &self.obj
    }

    /// `PyBuffer_IsContiguous(view, 'C')`.
    pub fn is_c_contiguous(&self) -> bool {
        is_c_contiguous(self.itemsize, &self.shape, &self.strides, self.len)
    }

    /// `PyBuffer_IsContiguous(view, 'F')`.
    pub fn is_f_contiguous(&self) -> bool {
        is_f_contiguous(self.itemsize, &self.shape, &self.strides, self.len)
    }

    /// Run `f` over the memory if it is one C-contiguous block (no copy).
    pub fn with_contiguous<R>(&self, f: impl FnOnce(&[u8]) -> R) -> Option<R> {
        if !self.is_c_contiguous() {
            return None;
        }
        if self.len == 0 {
            return Some(f(&[]));
        }
        // SAFETY: the exporter keeps `len` bytes at `buf` alive and in place while this export
        // lives (it holds `obj`); the slice ends with `f`, which gets no `Vm` and so cannot run
        // Python code that could write the memory meanwhile.
        let s = unsafe { std::slice::from_raw_parts(self.buf, self.len) };
        Some(f(s))
    }

    /// Run `f` over the bytes in C order (`PyBuffer_ToContiguous(.., 'C')`): borrowed when
    /// the memory is contiguous, else a gathered copy.
    pub fn with_bytes<R>(&self, f: impl FnOnce(&[u8]) -> R) -> R {
        if self.is_c_contiguous() {
            return self.with_contiguous(f).expect("contiguous");
        }
        f(&self.to_vec_order('C'))
    }

    /// A copy of the bytes in C order.
    pub fn to_vec(&self) -> Vec<u8> {
        self.with_bytes(|b| b.to_vec())
    }

    /// A copy of the bytes in `'C'` (row-major) or `'F'` (column-major) item order.
    pub fn to_vec_order(&self, order: char) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.len);
        for_each_item(self.buf, self.itemsize, &self.shape, &self.strides, order, |p| {
            // SAFETY: `for_each_item` visits addresses of items inside the exported memory,
            // each `itemsize` bytes long, which is alive and in place while `self` lives.
            out.extend_from_slice(unsafe { std::slice::from_raw_parts(p, self.itemsize) });
        });
        out
    }
}

impl Drop for PyBuffer {
    fn drop(&mut self) {
        if let Some(release) = self.obj.ty().slots.buffer.get().and_then(|p| p.release) {
            release(&self.obj);
        }
    }
}

/// C-contiguity of a (shape, strides) layout (`_IsCContiguous`).
pub fn is_c_contiguous(itemsize: usize, shape: &[usize], strides: &[isize], len: usize) -> bool {
    if len == 0 {
        return true;
    }
    let mut sd = itemsize as isize;
    for i in (0..shape.len()).rev() {
        let dim = shape[i] as isize;
        if dim > 1 && strides[i] != sd {
            return false;
        }
        sd *= dim;
    }
    true
}

/// Fortran-contiguity of a (shape, strides) layout (`_IsFortranContiguous`).
pub fn is_f_contiguous(itemsize: usize, shape: &[usize], strides: &[isize], len: usize) -> bool {
    if len == 0 {
        return true;
    }
    let mut sd = itemsize as isize;
    for i in 0..shape.len() {
        let dim = shape[i] as isize;
        if dim > 1 && strides[i] != sd {
            return false;
        }
        sd *= dim;
    }
    true
}

/// Visit the address of every item of a strided layout, in C (`'C'`) or Fortran (`'F'`)
/// order. Only computes addresses; the caller reads them.
pub fn for_each_item(buf: *mut u8, _itemsize: usize, shape: &[usize], strides: &[isize], order: char, mut f: impl FnMut(*mut u8)) {
    let ndim = shape.len();
    if ndim == 0 {
        f(buf);
        return;
    }
    if shape.contains(&0) {
        return;
    }
    let mut idx = vec![0usize; ndim];
    loop {
        let off: isize = idx.iter().zip(strides).map(|(&i, &s)| i as isize * s).sum();
        f(buf.wrapping_offset(off));
        // Advance the index odometer: the last dimension fastest for C order, the first for F.
        let mut k = 0;
        loop {
            if k == ndim {
                return;
            }
            let d = if order == 'F' { k } else { ndim - 1 - k };
            idx[d] += 1;
            if idx[d] < shape[d] {
                break;
            }
            idx[d] = 0;
            k += 1;
        }
    }
}

/// `PyObject_CheckBuffer`.
pub fn check_buffer(v: &Value) -> bool {
    v.ty().slots.buffer.get().is_some()
}

/// `PyObject_GetBuffer`: TypeError `a bytes-like object is required, not 'T'` for
/// non-exporters.
pub fn get_buffer(vm: &mut Vm, v: &Value, req: u32) -> PyResult<PyBuffer> {
    match v.ty().slots.buffer.get() {
        Some(p) => (p.get)(vm, v, req),
        None => Err(vm.type_error(format!("a bytes-like object is required, not '{}'", v.ty().name()))),
    }
}

/// The buffer of `v` if it exports one (None for non-exporters; exporter errors propagate).
pub fn try_get_buffer(vm: &mut Vm, v: &Value, req: u32) -> PyResult<Option<PyBuffer>> {
    match v.ty().slots.buffer.get() {
        Some(p) => (p.get)(vm, v, req).map(Some),
        None => Ok(None),
    }
}

/// The contents of any bytes-like object, copied in C order (`Py_buffer` + `PyBuffer_ToContiguous`).
pub fn bytes_of(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    Ok(get_buffer(vm, v, flags::FULL_RO)?.to_vec())
}

/// [`bytes_of`] for exporters, `None` for other objects.
pub fn try_bytes_of(vm: &mut Vm, v: &Value) -> PyResult<Option<Vec<u8>>> {
    Ok(try_get_buffer(vm, v, flags::FULL_RO)?.map(|b| b.to_vec()))
}

/// The BufferError of an exporter that cannot resize while exported (`_canresize`).
pub fn resize_error(vm: &mut Vm) -> crate::vm::PyErr {
    vm.new_exception(exceptions::buffer_error(), "Existing exports of data: object cannot be re-sized")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contiguity() {
        assert!(is_c_contiguous(1, &[4], &[1], 4));
        assert!(!is_c_contiguous(1, &[4], &[2], 4));
        assert!(is_c_contiguous(2, &[2, 3], &[6, 2], 12));
        assert!(!is_f_contiguous(2, &[2, 3], &[6, 2], 12));
        assert!(is_f_contiguous(2, &[2, 3], &[2, 4], 12));
    }

    #[test]
    fn item_order() {
        let mut data = [0u8, 1, 2, 3, 4, 5];
        let mut seen = Vec::new();
        for_each_item(data.as_mut_ptr(), 1, &[2, 3], &[3, 1], 'F', |p| seen.push(p as usize - data.as_ptr() as usize));
        assert_eq!(seen, vec![0, 3, 1, 4, 2, 5]);
    }
}
