//! `memoryview`: views of exported buffers, with casts, slicing, item access and comparison (CPython: `Objects/memoryobject.c`).
//!
//! A view holds its exporter's buffer through an `Rc` shared by every view derived from the
//! same export (CPython's managed buffer, `_PyManagedBufferObject`): slices, casts,
//! `toreadonly()` and `memoryview(view)` register with the same export, which is released
//! (bytearray unpinned) when the last of them is released or dies. Each view describes its own
//! layout (start address, shape, strides, format) inside that memory.
//!
//! Memory is read and written only through `read_unaligned`/`write_unaligned` at addresses
//! computed from the layout, inside the export's bounds, and never while Python code runs.

use std::borrow::Cow;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

use crate::object::{alloc_object, dealloc_payload, Payload, PyObj, Value};
use crate::objects::{bytes, exceptions, float, int, none, str as pystr, tuple};
use crate::protocols::buffer::{self, BufferProcs, PyBuffer};
use crate::typeobj::{CompareOp, GetSetDef, MethodDef, MethodKind, PyType, StaticType, SlotDefs};
use crate::vm::{PyErr, PyResult, Vm};

pub struct MemoryViewData {
    /// The shared export; `None` once this view is released.
    mbuf: RefCell<Option<Rc<PyBuffer>>>,
    buf: *mut u8,
    len: usize,
    itemsize: usize,
    format: Cow<'static, str>,
    shape: Vec<usize>,
    strides: Vec<isize>,
    readonly: bool,
    /// Live exports of this view (`self->exports`): `release()` refuses while non-zero.
    exports: Cell<usize>,
    hash: Cell<i64>,
}

impl Payload for MemoryViewData {
    fn class() -> &'static PyType {
        &MEMORYVIEW_TYPE
    }
}

pub static MEMORYVIEW_TYPE: StaticType = StaticType::new(
    "memoryview",
    Some(&crate::objects::object::OBJECT_TYPE),
    0,
    std::mem::size_of::<PyObj<MemoryViewData>>(),
    dealloc_payload::<MemoryViewData>,
    MEMORYVIEW_METHODS,
    MEMORYVIEW_GETSETS,
)
.with_slots(SlotDefs {
    repr: Some(memory_repr),
    hash: Some(memory_hash),
    richcompare: Some(memory_richcompare),
    iter: Some(memory_iter),
    new: Some(memoryview_new),
    len: Some(memory_len),
    getitem: Some(memory_getitem),
    setitem: Some(memory_setitem),
    buffer: Some(&MEMORYVIEW_BUFFER),
    ..SlotDefs::EMPTY
});

/// The layout of a view: what slicing and casting change.
#[derive(Clone)]
struct Layout {
    buf: *mut u8,
    itemsize: usize,
    format: Cow<'static, str>,
    shape: Vec<usize>,
    strides: Vec<isize>,
    readonly: bool,
}

impl Layout {
    fn len(&self) -> usize {
        self.shape.iter().product::<usize>() * self.itemsize
    }
}

fn new_view(mbuf: Rc<PyBuffer>, l: Layout) -> Value {
    let len = l.len();
    alloc_object(
        &MEMORYVIEW_TYPE,
        MemoryViewData {
            mbuf: RefCell::new(Some(mbuf)),
            buf: l.buf,
            len,
            itemsize: l.itemsize,
            format: l.format,
            shape: l.shape,
            strides: l.strides,
            readonly: l.readonly,
            exports: Cell::new(0),
            hash: Cell::new(-1),
        },
    )
}

fn released_error(vm: &mut Vm) -> PyErr {
    vm.value_error("operation forbidden on released memoryview object")
}

fn mv(v: &Value) -> &MemoryViewData {
    v.downcast::<MemoryViewData>().expect("memoryview")
}

impl MemoryViewData {
    /// The shared export, or the released-view ValueError (`CHECK_RELEASED`).
    fn mbuf(&self, vm: &mut Vm) -> PyResult<Rc<PyBuffer>> {
        match &*self.mbuf.borrow() {
            Some(m) => Ok(m.clone()),
            None => Err(released_error(vm)),
        }
    }

    fn is_released(&self) -> bool {
        self.mbuf.borrow().is_none()
    }

    fn layout(&self) -> Layout {
        Layout {
            buf: self.buf,
            itemsize: self.itemsize,
            format: self.format.clone(),
            shape: self.shape.clone(),
            strides: self.strides.clone(),
            readonly: self.readonly,
        }
    }

    fn ndim(&self) -> usize {
        self.shape.len()
    }

    fn c_contiguous(&self) -> bool {
        buffer::is_c_contiguous(self.itemsize, &self.shape, &self.strides, self.len)
    }

    fn f_contiguous(&self) -> bool {
        buffer::is_f_contiguous(self.itemsize, &self.shape, &self.strides, self.len)
    }

    /// The bytes in `'C'` or `'F'` order (the view must not be released).
    fn gather(&self, order: char) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.len);
        buffer::for_each_item(self.buf, self.itemsize, &self.shape, &self.strides, order, |p| {
            // SAFETY: `p` is the address of an item of this view, inside the memory the shared
            // export keeps alive and in place (the caller checked the view is not released);
            // no Python code runs while the slice lives.
            out.extend_from_slice(unsafe { std::slice::from_raw_parts(p, self.itemsize) });
        });
        out
    }
}

// ----- formats -----------------------------------------------------------------------------

/// `get_native_fmtchar`: the struct character of a native single-item format (optionally
/// prefixed with `@`) and its size.
fn native_format(fmt: &str) -> Option<(u8, usize)> {
    let f = fmt.strip_prefix('@').unwrap_or(fmt).as_bytes();
    if f.len() != 1 {
        return None;
    }
    let size = match f[0] {
        b'c' | b'b' | b'B' | b'?' => 1,
        b'h' | b'H' | b'e' => 2,
        b'i' | b'I' | b'f' => 4,
        b'l' | b'L' | b'q' | b'Q' | b'n' | b'N' | b'd' | b'P' => 8,
        _ => return None,
    };
    Some((f[0], size))
}

fn is_byte_format(c: u8) -> bool {
    matches!(c, b'b' | b'B' | b'c')
}

/// `adjust_fmt`: the single format character item access needs.
fn adjust_fmt(vm: &mut Vm, d: &MemoryViewData) -> PyResult<u8> {
    let f = d.format.strip_prefix('@').unwrap_or(&d.format).as_bytes();
    if f.len() == 1 {
        return Ok(f[0]);
    }
    Err(vm.new_exception(exceptions::not_implemented_error(), format!("memoryview: unsupported format {}", d.format)))
}

/// IEEE half precision to f64 (`PyFloat_Unpack2`).
fn half_to_f64(h: u16) -> f64 {
    let sign = if h & 0x8000 != 0 { -1.0 } else { 1.0 };
    let exp = ((h >> 10) & 0x1f) as i32;
    let frac = (h & 0x3ff) as f64;
    match exp {
        0 => sign * frac * 2f64.powi(-24),
        31 => {
            if frac == 0.0 {
                sign * f64::INFINITY
            } else {
                f64::NAN
            }
        }
        _ => sign * (1.0 + frac / 1024.0) * 2f64.powi(exp - 15),
    }
}

/// f64 to IEEE half precision with round-half-even (`PyFloat_Pack2`); None on overflow.
fn f64_to_half(x: f64) -> Option<u16> {
    let sign: u16 = if x.is_sign_negative() { 0x8000 } else { 0 };
    if x.is_nan() {
        return Some(sign | 0x7e00);
    }
    let a = x.abs();
    if a.is_infinite() {
        return Some(sign | 0x7c00);
    }
    if a == 0.0 {
        return Some(sign);
    }
    let (mut e, mut m) = {
        let e = a.log2().floor() as i32;
        (e, a / 2f64.powi(e))
    };
    if m >= 2.0 {
        m /= 2.0;
        e += 1;
    } else if m < 1.0 {
        m *= 2.0;
        e -= 1;
    }
    let round = |v: f64| -> u32 {
        let f = v.floor();
        let diff = v - f;
        let mut r = f as u32;
        if diff > 0.5 || (diff == 0.5 && r % 2 == 1) {
            r += 1;
        }
        r
    };
    if e < -14 {
        // Subnormal: units of 2**-24.
        let bits = round(a / 2f64.powi(-24));
        return Some(sign | bits as u16);
    }
    let mut bits = round((m - 1.0) * 1024.0);
    if bits == 1024 {
        bits = 0;
        e += 1;
    }
    if e > 15 {
        return None;
    }
    Some(sign | (((e + 15) as u16) << 10) | bits as u16)
}

/// `unpack_single`: the Python value of the item at `ptr`.
fn unpack(fmt: u8, ptr: *const u8) -> Value {
    macro_rules! rd {
        ($t:ty) => {
            // SAFETY: callers pass the address of an item of a live view whose itemsize is
            // this format's size, so `size_of::<$t>()` bytes are readable (maybe unaligned).
            unsafe { std::ptr::read_unaligned(ptr as *const $t) }
        };
    }
    match fmt {
        b'B' => Value::int(rd!(u8) as i64),
        b'b' => Value::int(rd!(i8) as i64),
        b'c' => bytes::new_bytes(vec![rd!(u8)]),
        b'?' => none::bool_value(rd!(u8) != 0),
        b'h' => Value::int(rd!(i16) as i64),
        b'H' => Value::int(rd!(u16) as i64),
        b'i' => Value::int(rd!(i32) as i64),
        b'I' => Value::int(rd!(u32) as i64),
        b'l' | b'q' | b'n' => int::from_i128(rd!(i64) as i128),
        b'L' | b'Q' | b'N' | b'P' => int::from_i128(rd!(u64) as i128),
        b'f' => float::new_float(rd!(f32) as f64),
        b'd' => float::new_float(rd!(f64)),
        b'e' => float::new_float(half_to_f64(rd!(u16))),
        _ => none::none(),
    }
}

fn type_error_int(vm: &mut Vm, fmt: u8) -> PyErr {
    vm.type_error(format!("memoryview: invalid type for format '{}'", fmt as char))
}

fn value_error_int(vm: &mut Vm, fmt: u8) -> PyErr {
    vm.value_error(format!("memoryview: invalid value for format '{}'", fmt as char))
}

/// `fix_error_int`: TypeError -> invalid type; ValueError/OverflowError -> invalid value.
fn fix_error(vm: &mut Vm, e: PyErr, fmt: u8) -> PyErr {
    if e.matches(exceptions::type_error()) {
        type_error_int(vm, fmt)
    } else if e.matches(exceptions::value_error()) || e.matches(exceptions::overflow_error()) {
        value_error_int(vm, fmt)
    } else {
        e
    }
}

/// The raw bytes `pack_single` writes for `value` in format `fmt`. Converting the value may
/// run Python code (`__index__`, `__float__`, `__bool__`), so it happens before any write.
fn pack_value(vm: &mut Vm, fmt: u8, value: &Value) -> PyResult<Vec<u8>> {
    match fmt {
        b'b' | b'h' | b'i' | b'l' | b'q' | b'n' | b'B' | b'H' | b'I' | b'L' | b'Q' | b'N' | b'P' => {
            let iv = crate::protocols::number::index(vm, value).map_err(|e| fix_error(vm, e, fmt))?;
            let Some(n) = int::as_int(&iv).and_then(|r| i128::try_from(r.to_bigint()).ok()) else {
                return Err(value_error_int(vm, fmt));
            };
            let out = match fmt {
                b'b' => i8::try_from(n).ok().map(|x| x.to_ne_bytes().to_vec()),
                b'h' => i16::try_from(n).ok().map(|x| x.to_ne_bytes().to_vec()),
                b'i' => i32::try_from(n).ok().map(|x| x.to_ne_bytes().to_vec()),
                b'l' | b'q' | b'n' => i64::try_from(n).ok().map(|x| x.to_ne_bytes().to_vec()),
                b'B' => u8::try_from(n).ok().map(|x| vec![x]),
                b'H' => u16::try_from(n).ok().map(|x| x.to_ne_bytes().to_vec()),
                b'I' => u32::try_from(n).ok().map(|x| x.to_ne_bytes().to_vec()),
                _ => u64::try_from(n).ok().map(|x| x.to_ne_bytes().to_vec()),
            };
            out.ok_or_else(|| value_error_int(vm, fmt))
        }
        b'f' | b'd' | b'e' => {
            let f = float_arg(vm, value).map_err(|e| fix_error(vm, e, fmt))?;
            match fmt {
                b'f' => {
                    // A C cast, as PACK_SINGLE does: out-of-range values become infinities.
                    Ok((f as f32).to_ne_bytes().to_vec())
                }
                b'd' => Ok(f.to_ne_bytes().to_vec()),
                _ => match f64_to_half(f) {
                    Some(h) => Ok(h.to_ne_bytes().to_vec()),
                    None => Err(value_error_int(vm, fmt)),
                },
            }
        }
        b'?' => Ok(vec![crate::protocols::object::is_true(vm, value)? as u8]),
        b'c' => match bytes::as_bytes(value) {
            Some(b) if b.len() == 1 => Ok(vec![b[0]]),
            Some(_) => Err(value_error_int(vm, fmt)),
            None => Err(type_error_int(vm, fmt)),
        },
        _ => Err(vm.new_exception(exceptions::not_implemented_error(), format!("memoryview: format {} not supported", fmt as char))),
    }
}

/// `PyFloat_AsDouble`: floats, then `__float__`, then `__index__`.
fn float_arg(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    if let Some(f) = v.downcast::<float::FloatData>() {
        return Ok(f.0);
    }
    let s = &v.ty().slots;
    if s.nb_float.get().is_none() && s.nb_index.get().is_none() && !v.is_small_int() {
        return Err(vm.type_error(format!("must be real number, not {}", v.ty().name())));
    }
    crate::protocols::number::to_f64(vm, v)
}

/// Write `value` (already converted) at `ptr` (`pack_single`); re-checks release, since the
/// conversion may have run Python code.
fn store(vm: &mut Vm, d: &MemoryViewData, ptr: *mut u8, raw: &[u8]) -> PyResult<()> {
    if d.is_released() {
        return Err(released_error(vm));
    }
    // SAFETY: `ptr` addresses an item of this writable, unreleased view (itemsize ==
    // raw.len()), inside the memory its export keeps alive and in place.
    unsafe { std::ptr::copy_nonoverlapping(raw.as_ptr(), ptr, raw.len()) };
    Ok(())
}

// ----- construction ------------------------------------------------------------------------

/// `PyMemoryView_FromObjectAndFlags`.
pub fn from_object_flags(vm: &mut Vm, obj: &Value, req: u32) -> PyResult<Value> {
    if let Some(d) = obj.downcast::<MemoryViewData>() {
        let m = d.mbuf(vm)?;
        if req & buffer::flags::WRITABLE != 0 && d.readonly {
            return Err(vm.new_exception(exceptions::buffer_error(), "memoryview: underlying buffer is not writable"));
        }
        return Ok(new_view(m, d.layout()));
    }
    if !buffer::check_buffer(obj) {
        return Err(vm.type_error(format!("memoryview: a bytes-like object is required, not '{}'", obj.ty().name())));
    }
    let b = buffer::get_buffer(vm, obj, req | buffer::flags::FULL_RO)?;
    Ok(from_buffer(b))
}

/// A view over one export (`PyMemoryView_FromBuffer` over a fresh managed buffer): what
/// `__buffer__` returns; the export lives until the view (and views derived from it) end.
pub fn from_buffer(b: PyBuffer) -> Value {
    let l = Layout {
        buf: b.buf,
        itemsize: b.itemsize,
        format: b.format.clone(),
        shape: b.shape.clone(),
        strides: b.strides.clone(),
        readonly: b.readonly,
    };
    new_view(Rc::new(b), l)
}

/// `memoryview(object)`.
pub fn from_object(vm: &mut Vm, obj: &Value) -> PyResult<Value> {
    from_object_flags(vm, obj, buffer::flags::FULL_RO)
}

fn memoryview_new(vm: &mut Vm, _cls: &Value, args: &[Value], kwnames: Option<&Value>) -> PyResult<Value> {
    const NEW: crate::protocols::args::Spec = crate::protocols::args::Spec::keywords("memoryview", &[crate::protocols::args::Param::arg("object")]);
    let [obj] = NEW.parse(vm, args, kwnames)?.map(|o| o.cloned());
    from_object(vm, &obj.expect("required"))
}

fn m_from_flags(vm: &mut Vm, args: &[Value], kwnames: Option<&Value>) -> PyResult<Value> {
    const FROM_FLAGS: crate::protocols::args::Spec = crate::protocols::args::Spec::keywords("_from_flags", &[crate::protocols::args::Param::pos("object"), crate::protocols::args::Param::pos("flags")]);
    let [obj, flags] = FROM_FLAGS.parse(vm, &args[1..], kwnames)?.map(|o| o.cloned());
    let f = int::index_to_isize(vm, &flags.expect("required"))?;
    from_object_flags(vm, &obj.expect("required"), f as u32)
}

// ----- buffer export -----------------------------------------------------------------------

fn memory_getbuffer(vm: &mut Vm, v: &Value, req: u32) -> PyResult<PyBuffer> {
    use buffer::flags as f;
    let d = mv(v);
    d.mbuf(vm)?;
    let err = |vm: &mut Vm, msg: &str| vm.new_exception(exceptions::buffer_error(), msg.to_string());
    if req & f::WRITABLE != 0 && d.readonly {
        return Err(err(vm, "memoryview: underlying buffer is not writable"));
    }
    if req & f::C_CONTIGUOUS == f::C_CONTIGUOUS && !d.c_contiguous() {
        return Err(err(vm, "memoryview: underlying buffer is not C-contiguous"));
    }
    if req & f::F_CONTIGUOUS == f::F_CONTIGUOUS && !d.f_contiguous() {
        return Err(err(vm, "memoryview: underlying buffer is not Fortran contiguous"));
    }
    if req & f::ANY_CONTIGUOUS == f::ANY_CONTIGUOUS && !d.c_contiguous() && !d.f_contiguous() {
        return Err(err(vm, "memoryview: underlying buffer is not contiguous"));
    }
    if req & f::STRIDES != f::STRIDES && !d.c_contiguous() {
        return Err(err(vm, "memoryview: underlying buffer is not C-contiguous"));
    }
    let b = PyBuffer::from_parts(v.clone(), d.buf, d.len, d.itemsize, d.readonly, d.format.clone(), d.shape.clone(), d.strides.clone());
    d.exports.set(d.exports.get() + 1);
    Ok(b)
}

fn memory_releasebuffer(v: &Value) {
    if let Some(d) = v.downcast::<MemoryViewData>() {
        d.exports.set(d.exports.get() - 1);
    }
}

static MEMORYVIEW_BUFFER: BufferProcs = BufferProcs { get: memory_getbuffer, release: Some(memory_releasebuffer) };

// ----- release -----------------------------------------------------------------------------

/// `_memory_release`.
fn release(vm: &mut Vm, v: &Value) -> PyResult<()> {
    let d = mv(v);
    if d.is_released() {
        return Ok(());
    }
    let n = d.exports.get();
    if n > 0 {
        return Err(vm.new_exception(
            exceptions::buffer_error(),
            format!("memoryview has {n} exported buffer{}", if n == 1 { "" } else { "s" }),
        ));
    }
    let old = d.mbuf.borrow_mut().take();
    drop(old);
    Ok(())
}

fn m_release(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    crate::protocols::args::Spec::noargs("memoryview.release").check(vm, &args[1..], kw)?;
    release(vm, &args[0])?;
    Ok(none::none())
}

fn m_enter(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    crate::protocols::args::Spec::noargs("memoryview.__enter__").check(vm, &args[1..], kw)?;
    mv(&args[0]).mbuf(vm)?;
    Ok(args[0].clone())
}

fn m_exit(vm: &mut Vm, args: &[Value], _kw: Option<&Value>) -> PyResult<Value> {
    release(vm, &args[0])?;
    Ok(none::none())
}

/// `__release_buffer__(view)` (PEP 688, `wrap_releasebuffer`): release a view of this
/// object's buffer that `__buffer__` handed out.
pub(crate) fn m_release_buffer(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    // A slot wrapper's check (`wrap_releasebuffer`), which CPython words without a name.
    crate::protocols::args::no_kwargs(vm, "__release_buffer__", kw)?;
    if args.len() != 2 {
        return Err(vm.type_error(format!("expected 1 argument, got {}", args.len() - 1)));
    }
    let Some(d) = args[1].downcast::<MemoryViewData>() else {
        return Err(vm.type_error("expected a memoryview object"));
    };
    let Some(m) = d.mbuf.borrow().clone() else {
        return Err(vm.value_error("memoryview's buffer has already been released"));
    };
    if !m.obj().is(&args[0]) {
        return Err(vm.value_error("memoryview's buffer is not this object"));
    }
    drop(m);
    release(vm, &args[1])?;
    Ok(none::none())
}

// ----- conversion methods ------------------------------------------------------------------

fn tolist_rec(d: &MemoryViewData, fmt: u8, ptr: *mut u8, dim: usize) -> Value {
    let n = d.shape[dim];
    let mut items = Vec::with_capacity(n);
    for i in 0..n {
        let p = ptr.wrapping_offset(i as isize * d.strides[dim]);
        items.push(if dim + 1 == d.ndim() { unpack(fmt, p) } else { tolist_rec(d, fmt, p, dim + 1) });
    }
    crate::objects::list::new_list(items)
}

fn m_tolist(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    crate::protocols::args::Spec::noargs("memoryview.tolist").check(vm, &args[1..], kw)?;
    let d = mv(&args[0]);
    let _keep = d.mbuf(vm)?;
    let fmt = adjust_fmt(vm, d)?;
    if d.ndim() == 0 {
        return Ok(unpack(fmt, d.buf));
    }
    Ok(tolist_rec(d, fmt, d.buf, 0))
}

fn m_tobytes(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    const TOBYTES: crate::protocols::args::Spec = crate::protocols::args::Spec::keywords("tobytes", &[crate::protocols::args::Param::arg_opt("order")]);
    let [order] = TOBYTES.parse(vm, &args[1..], kw)?.map(|o| o.cloned());
    let d = mv(&args[0]);
    let _keep = d.mbuf(vm)?;
    let order = match &order {
        None => 'C',
        Some(o) if none::is_none(o) => 'C',
        Some(o) => match pystr::try_str(o) {
            Some("C") => 'C',
            Some("F") => 'F',
            Some("A") => {
                if d.f_contiguous() && !d.c_contiguous() {
                    'F'
                } else {
                    'C'
                }
            }
            Some(_) => return Err(vm.value_error("order must be 'C', 'F' or 'A'")),
            None => return Err(vm.type_error(format!("tobytes() argument 'order' must be str or None, not {}", o.ty().name()))),
        },
    };
    Ok(bytes::new_bytes(d.gather(order)))
}

fn m_hex(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    const HEX: crate::protocols::args::Spec = crate::protocols::args::Spec::keywords("hex", &[crate::protocols::args::Param::arg_opt("sep"), crate::protocols::args::Param::arg_opt("bytes_per_sep")]);
    let [sep, per] = HEX.parse(vm, &args[1..], kw)?.map(|o| o.cloned());
    let d = mv(&args[0]);
    let _keep = d.mbuf(vm)?;
    let data = d.gather('C');
    crate::objects::bytes_methods::hex_impl(vm, &data, sep.as_ref(), per.as_ref())
}

fn m_toreadonly(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    crate::protocols::args::Spec::noargs("memoryview.toreadonly").check(vm, &args[1..], kw)?;
    let d = mv(&args[0]);
    let m = d.mbuf(vm)?;
    let mut l = d.layout();
    l.readonly = true;
    Ok(new_view(m, l))
}

fn m_cast(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    const CAST: crate::protocols::args::Spec = crate::protocols::args::Spec::keywords("cast", &[crate::protocols::args::Param::arg("format"), crate::protocols::args::Param::arg_opt("shape")]);
    let [format, shape] = CAST.parse(vm, &args[1..], kw)?.map(|o| o.cloned());
    let d = mv(&args[0]);
    let m = d.mbuf(vm)?;
    let format = format.expect("required");
    let Some(fmt) = pystr::try_str(&format).map(str::to_owned) else {
        return Err(vm.type_error(format!("cast() argument 'format' must be str, not {}", format.ty().name())));
    };
    if !d.c_contiguous() {
        return Err(vm.type_error("memoryview: casts are restricted to C-contiguous views"));
    }
    let zeros = d.shape.contains(&0) || d.strides.contains(&0);
    if (shape.is_some() || d.ndim() != 1) && zeros {
        return Err(vm.type_error("memoryview: cannot cast view with zeros in shape or strides"));
    }
    let shape_items: Option<Vec<Value>> = match &shape {
        None => None,
        Some(s) => {
            let items = if let Some(l) = crate::objects::list::list_data(s) {
                l.snapshot()
            } else if let Some(t) = tuple::try_items(s) {
                t.to_vec()
            } else {
                return Err(vm.type_error("shape must be a list or a tuple"));
            };
            if items.len() > 64 {
                return Err(vm.value_error("memoryview: number of dimensions must not exceed 64"));
            }
            if d.ndim() != 1 && items.len() != 1 {
                return Err(vm.type_error("memoryview: cast must be 1D -> ND or ND -> 1D"));
            }
            Some(items)
        }
    };
    // cast_to_1D
    let Some((dest, itemsize)) = fmt.is_ascii().then(|| native_format(&fmt)).flatten() else {
        return Err(vm.value_error(
            "memoryview: destination format must be a native single character format prefixed with an optional '@'",
        ));
    };
    let src_is_byte = native_format(&d.format).map(|(c, _)| is_byte_format(c)).unwrap_or(false);
    if !src_is_byte && !is_byte_format(dest) {
        return Err(vm.type_error("memoryview: cannot cast between two non-byte formats"));
    }
    if d.len % itemsize != 0 {
        return Err(vm.type_error("memoryview: length is not a multiple of itemsize"));
    }
    let native: Cow<'static, str> = Cow::Owned(if fmt.starts_with('@') { format!("@{}", dest as char) } else { (dest as char).to_string() });
    let mut l = Layout {
        buf: d.buf,
        itemsize,
        format: native,
        shape: vec![d.len / itemsize],
        strides: vec![itemsize as isize],
        readonly: d.readonly,
    };
    // cast_to_ND
    if let Some(items) = shape_items {
        let mut len = itemsize;
        let mut dims = Vec::with_capacity(items.len());
        for x in &items {
            if !int::is_int(x) {
                return Err(vm.type_error("memoryview.cast(): elements of shape must be integers"));
            }
            let n = crate::objects::list_methods::ssize_arg(vm, x)?;
            if n <= 0 {
                return Err(vm.value_error("memoryview.cast(): elements of shape must be integers > 0"));
            }
            if n as usize > isize::MAX as usize / len {
                return Err(vm.value_error("memoryview.cast(): product(shape) > SSIZE_MAX"));
            }
            len *= n as usize;
            dims.push(n as usize);
        }
        let mut strides = vec![0isize; dims.len()];
        let mut sd = itemsize as isize;
        for i in (0..dims.len()).rev() {
            strides[i] = sd;
            sd *= dims[i] as isize;
        }
        if len != d.len {
            return Err(vm.type_error("memoryview: product(shape) * itemsize != buffer size"));
        }
        l.shape = dims;
        l.strides = strides;
    }
    Ok(new_view(m, l))
}

// ----- attributes --------------------------------------------------------------------------

fn checked<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a MemoryViewData> {
    let d = mv(v);
    d.mbuf(vm)?;
    Ok(d)
}

fn ints<T: Copy + Into<i64>>(xs: &[T]) -> Value {
    tuple::new_tuple(xs.iter().map(|&x| Value::int(x.into())).collect())
}

fn g_obj(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(mv(v).mbuf(vm)?.obj().clone())
}
fn g_nbytes(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(Value::int(checked(vm, v)?.len as i64))
}
fn g_readonly(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(none::bool_value(checked(vm, v)?.readonly))
}
fn g_itemsize(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(Value::int(checked(vm, v)?.itemsize as i64))
}
fn g_format(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(pystr::new_str(&checked(vm, v)?.format))
}
fn g_ndim(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(Value::int(checked(vm, v)?.ndim() as i64))
}
fn g_shape(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let d = checked(vm, v)?;
    Ok(tuple::new_tuple(d.shape.iter().map(|&x| Value::int(x as i64)).collect()))
}
fn g_strides(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let d = checked(vm, v)?;
    Ok(tuple::new_tuple(d.strides.iter().map(|&x| Value::int(x as i64)).collect()))
}
fn g_suboffsets(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    checked(vm, v)?;
    Ok(ints::<i32>(&[]))
}
fn g_c_contiguous(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(none::bool_value(checked(vm, v)?.c_contiguous()))
}
fn g_f_contiguous(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(none::bool_value(checked(vm, v)?.f_contiguous()))
}
fn g_contiguous(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let d = checked(vm, v)?;
    Ok(none::bool_value(d.c_contiguous() || d.f_contiguous()))
}

// ----- slots -------------------------------------------------------------------------------

fn memory_repr(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let what = if mv(v).is_released() { "released memory" } else { "memory" };
    Ok(pystr::from_string(format!("<{what} at {:#x}>", v.as_ptr() as usize)))
}

fn memory_len(vm: &mut Vm, v: &Value) -> PyResult<usize> {
    let d = checked(vm, v)?;
    match d.shape.first() {
        Some(&n) => Ok(n),
        None => Err(vm.type_error("0-dim memory has no length")),
    }
}

/// `lookup_dimension`: the address of item `index` along dimension `dim`.
fn lookup_dimension(vm: &mut Vm, d: &MemoryViewData, ptr: *mut u8, dim: usize, index: isize) -> PyResult<*mut u8> {
    let n = d.shape[dim] as isize;
    let i = if index < 0 { index + n } else { index };
    if i < 0 || i >= n {
        return Err(vm.index_error(format!("index out of bounds on dimension {}", dim + 1)));
    }
    Ok(ptr.wrapping_offset(i * d.strides[dim]))
}

/// `PyNumber_AsSsize_t(key, PyExc_IndexError)`.
fn index_arg(vm: &mut Vm, key: &Value) -> PyResult<isize> {
    if let Some(i) = key.as_small_int() {
        return Ok(i as isize);
    }
    let iv = crate::protocols::number::index(vm, key)?;
    match int::as_int(&iv).and_then(|r| r.to_i64()) {
        Some(i) => Ok(i as isize),
        None => Err(vm.index_error(format!("cannot fit '{}' into an index-sized integer", key.ty().name()))),
    }
}

fn is_multiindex(key: &Value) -> bool {
    tuple::try_items(key).map(|items| items.iter().all(crate::protocols::number::has_index)).unwrap_or(false)
}

fn is_multislice(key: &Value) -> bool {
    tuple::try_items(key)
        .map(|items| items.iter().all(|x| x.downcast::<crate::objects::slice::SliceData>().is_some()))
        .unwrap_or(false)
}

/// `ptr_from_tuple`.
fn ptr_from_tuple(vm: &mut Vm, d: &MemoryViewData, key: &Value) -> PyResult<*mut u8> {
    let items = tuple::items(key).to_vec();
    if items.len() > d.ndim() {
        return Err(vm.type_error(format!("cannot index {}-dimension view with {}-element tuple", d.ndim(), items.len())));
    }
    let mut ptr = d.buf;
    for (dim, x) in items.iter().enumerate() {
        let i = index_arg(vm, x)?;
        ptr = lookup_dimension(vm, d, ptr, dim, i)?;
    }
    Ok(ptr)
}

fn not_implemented(vm: &mut Vm, msg: &str) -> PyErr {
    vm.new_exception(exceptions::not_implemented_error(), msg.to_string())
}

/// The layout of `d[slice]` along the first dimension (`init_slice`).
fn sliced(vm: &mut Vm, d: &MemoryViewData, slice: &crate::objects::slice::SliceData) -> PyResult<Layout> {
    let (start, _, step, n) = slice.indices_len(vm, d.shape[0])?;
    let mut l = d.layout();
    l.buf = d.buf.wrapping_offset(d.strides[0] * start);
    l.shape[0] = n;
    l.strides[0] = d.strides[0] * step;
    Ok(l)
}

fn memory_getitem(vm: &mut Vm, v: &Value, key: &Value) -> PyResult<Value> {
    let d = mv(v);
    let m = d.mbuf(vm)?;
    if d.ndim() == 0 {
        if tuple::try_items(key).map(|t| t.is_empty()).unwrap_or(false) {
            let fmt = adjust_fmt(vm, d)?;
            return Ok(unpack(fmt, d.buf));
        }
        if key.is(&none::ellipsis()) {
            return Ok(v.clone());
        }
        return Err(vm.type_error("invalid indexing of 0-dim memory"));
    }
    if crate::protocols::number::has_index(key) {
        let i = index_arg(vm, key)?;
        let fmt = adjust_fmt(vm, d)?;
        if d.ndim() != 1 {
            return Err(not_implemented(vm, "multi-dimensional sub-views are not implemented"));
        }
        let p = lookup_dimension(vm, d, d.buf, 0, i)?;
        return Ok(unpack(fmt, p));
    }
    if let Some(slice) = key.downcast::<crate::objects::slice::SliceData>() {
        let l = sliced(vm, d, slice)?;
        return Ok(new_view(m, l));
    }
    if is_multiindex(key) {
        let fmt = adjust_fmt(vm, d)?;
        if tuple::items(key).len() < d.ndim() {
            return Err(not_implemented(vm, "sub-views are not implemented"));
        }
        let p = ptr_from_tuple(vm, d, key)?;
        return Ok(unpack(fmt, p));
    }
    if is_multislice(key) {
        return Err(not_implemented(vm, "multi-dimensional slicing is not implemented"));
    }
    Err(vm.type_error("memoryview: invalid slice key"))
}

fn memory_setitem(vm: &mut Vm, v: &Value, key: &Value, value: Option<&Value>) -> PyResult<()> {
    let d = mv(v);
    let _keep = d.mbuf(vm)?;
    let fmt = adjust_fmt(vm, d)?;
    if d.readonly {
        return Err(vm.type_error("cannot modify read-only memory"));
    }
    let Some(value) = value else {
        return Err(vm.type_error("cannot delete memory"));
    };
    if d.ndim() == 0 {
        if key.is(&none::ellipsis()) || tuple::try_items(key).map(|t| t.is_empty()).unwrap_or(false) {
            let raw = pack_value(vm, fmt, value)?;
            return store(vm, d, d.buf, &raw);
        }
        return Err(vm.type_error("invalid indexing of 0-dim memory"));
    }
    if crate::protocols::number::has_index(key) {
        if d.ndim() > 1 {
            return Err(not_implemented(vm, "sub-views are not implemented"));
        }
        let i = index_arg(vm, key)?;
        let p = lookup_dimension(vm, d, d.buf, 0, i)?;
        let raw = pack_value(vm, fmt, value)?;
        return store(vm, d, p, &raw);
    }
    if let Some(slice) = key.downcast::<crate::objects::slice::SliceData>() {
        if d.ndim() == 1 {
            let src = buffer::get_buffer(vm, value, buffer::flags::FULL_RO)?;
            let dest = sliced(vm, d, slice)?;
            let sfmt = src.format.strip_prefix('@').unwrap_or(&src.format);
            let dfmt = dest.format.strip_prefix('@').unwrap_or(&dest.format);
            let same_shape = src.ndim == 1 && src.shape[0] == dest.shape[0];
            if sfmt != dfmt || src.itemsize != dest.itemsize || !same_shape {
                return Err(vm.value_error("memoryview assignment: lvalue and rvalue have different structures"));
            }
            if d.is_released() {
                return Err(released_error(vm));
            }
            // Copy through a temporary: source and destination may overlap (same exporter).
            let data = src.to_vec();
            let mut k = 0;
            buffer::for_each_item(dest.buf, dest.itemsize, &dest.shape, &dest.strides, 'C', |p| {
                // SAFETY: `p` addresses an item of the destination slice, inside this writable
                // view's memory (kept alive by `_keep`); `data` holds exactly shape[0] items of
                // the same size.
                unsafe { std::ptr::copy_nonoverlapping(data.as_ptr().add(k), p, dest.itemsize) };
                k += dest.itemsize;
            });
            return Ok(());
        }
    }
    if is_multiindex(key) {
        if tuple::items(key).len() < d.ndim() {
            return Err(not_implemented(vm, "sub-views are not implemented"));
        }
        let p = ptr_from_tuple(vm, d, key)?;
        let raw = pack_value(vm, fmt, value)?;
        return store(vm, d, p, &raw);
    }
    if key.downcast::<crate::objects::slice::SliceData>().is_some() || is_multislice(key) {
        return Err(not_implemented(vm, "memoryview slice assignments are currently restricted to ndim = 1"));
    }
    Err(vm.type_error("memoryview: invalid slice key"))
}

fn memory_hash(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let d = mv(v);
    let h = d.hash.get();
    if h != -1 {
        return Ok(h);
    }
    let m = d.mbuf(vm)?;
    if !d.readonly {
        return Err(vm.value_error("cannot hash writable memoryview object"));
    }
    if !native_format(&d.format).map(|(c, _)| is_byte_format(c)).unwrap_or(false) {
        return Err(vm.value_error("memoryview: hashing is restricted to formats 'B', 'b' or 'c'"));
    }
    crate::protocols::object::hash(vm, m.obj())?;
    let h = bytes::hash_bytes(&d.gather('C'));
    d.hash.set(h);
    Ok(h)
}

/// One item as a Python value for comparisons through the struct module's unpacking.
fn items_of(vm: &mut Vm, b: &PyBuffer) -> PyResult<Option<Vec<Value>>> {
    let Some((fmt, size)) = native_format(&b.format) else { return Ok(None) };
    if size != b.itemsize {
        return Ok(None);
    }
    let _ = vm;
    let mut out = Vec::new();
    buffer::for_each_item(b.buf, b.itemsize, &b.shape, &b.strides, 'C', |p| out.push(unpack(fmt, p)));
    Ok(Some(out))
}

fn memory_richcompare(vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
    if op != CompareOp::Eq && op != CompareOp::Ne {
        return Ok(none::not_implemented());
    }
    let mut equal = false;
    'result: {
        for x in [a, b] {
            if let Some(d) = x.downcast::<MemoryViewData>() {
                if d.is_released() {
                    equal = a.is(b);
                    break 'result;
                }
            }
        }
        let get = |vm: &mut Vm, x: &Value| -> PyResult<Option<PyBuffer>> {
            match buffer::try_get_buffer(vm, x, buffer::flags::FULL_RO) {
                Ok(b) => Ok(b),
                Err(e) if e.matches(exceptions::buffer_error()) || e.matches(exceptions::type_error()) => Ok(None),
                Err(e) => Err(e),
            }
        };
        let (Some(x), Some(y)) = (get(vm, a)?, get(vm, b)?) else {
            return Ok(none::not_implemented());
        };
        // equiv_shape
        if x.ndim != y.ndim {
            break 'result;
        }
        for i in 0..x.ndim {
            if x.shape[i] != y.shape[i] {
                break 'result;
            }
            if x.shape[i] == 0 {
                break;
            }
        }
        let (xf, yf) = (native_format(&x.format), native_format(&y.format));
        if xf.is_some() && xf == yf && !matches!(xf, Some((b'f' | b'd' | b'e', _))) {
            // Identical integer-like formats: compare the bytes.
            equal = x.to_vec() == y.to_vec();
            break 'result;
        }
        let (Some(xs), Some(ys)) = (items_of(vm, &x)?, items_of(vm, &y)?) else {
            return Err(not_implemented(vm, "memoryview: unsupported format"));
        };
        drop((x, y));
        equal = true;
        for (p, q) in xs.iter().zip(&ys) {
            if !crate::protocols::object::eq(vm, p, q)? {
                equal = false;
                break;
            }
        }
    }
    Ok(none::bool_value(equal == (op == CompareOp::Eq)))
}

// ----- iterator ----------------------------------------------------------------------------

pub struct MemoryIterData {
    view: Value,
    index: Cell<usize>,
    fmt: u8,
}

impl Payload for MemoryIterData {
    fn class() -> &'static PyType {
        &MEMORY_ITER_TYPE
    }
}

pub static MEMORY_ITER_TYPE: StaticType = StaticType::new(
    "memory_iterator",
    Some(&crate::objects::object::OBJECT_TYPE),
    0,
    std::mem::size_of::<PyObj<MemoryIterData>>(),
    dealloc_payload::<MemoryIterData>,
    &[],
    &[],
)
.with_slots(SlotDefs {
    iter: Some(self_iter),
    iternext: Some(memory_iter_next),
    ..SlotDefs::EMPTY
});

fn memory_iter(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let d = checked(vm, v)?;
    if d.ndim() == 0 {
        return Err(vm.type_error("invalid indexing of 0-dim memory"));
    }
    if d.ndim() != 1 {
        return Err(not_implemented(vm, "multi-dimensional sub-views are not implemented"));
    }
    let fmt = adjust_fmt(vm, d)?;
    Ok(alloc_object(&MEMORY_ITER_TYPE, MemoryIterData { view: v.clone(), index: Cell::new(0), fmt }))
}

fn memory_iter_next(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let it = v.downcast::<MemoryIterData>().expect("memory_iterator");
    let d = mv(&it.view);
    d.mbuf(vm)?;
    let i = it.index.get();
    if i >= d.shape[0] {
        return Ok(None);
    }
    it.index.set(i + 1);
    Ok(Some(unpack(it.fmt, d.buf.wrapping_offset(i as isize * d.strides[0]))))
}

fn self_iter(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(v.clone())
}

// ----- tables ------------------------------------------------------------------------------

macro_rules! m {
    ($name:expr, $f:expr) => {
        MethodDef { name: $name, func: $f, kind: MethodKind::Instance, doc: "" }
    };
}

static MEMORYVIEW_METHODS: &[MethodDef] = &[
    m!("release", m_release),
    m!("tobytes", m_tobytes),
    m!("hex", m_hex),
    m!("tolist", m_tolist),
    m!("cast", m_cast),
    m!("toreadonly", m_toreadonly),
    MethodDef { name: "_from_flags", func: m_from_flags, kind: MethodKind::Class, doc: "" },
    m!("__enter__", m_enter),
    m!("__exit__", m_exit),
    m!("__buffer__", crate::objects::bytes_methods::m_buffer),
    m!("__release_buffer__", m_release_buffer),
];

macro_rules! g {
    ($name:expr, $f:expr) => {
        GetSetDef { name: $name, get: $f, set: None }
    };
}

static MEMORYVIEW_GETSETS: &[GetSetDef] = &[
    g!("obj", g_obj),
    g!("nbytes", g_nbytes),
    g!("readonly", g_readonly),
    g!("itemsize", g_itemsize),
    g!("format", g_format),
    g!("ndim", g_ndim),
    g!("shape", g_shape),
    g!("strides", g_strides),
    g!("suboffsets", g_suboffsets),
    g!("c_contiguous", g_c_contiguous),
    g!("f_contiguous", g_f_contiguous),
    g!("contiguous", g_contiguous),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn half_floats_round_trip() {
        for x in [0.0, 1.0, -2.5, 65504.0, 6.103515625e-05, 5.960464477539063e-08, 816.5] {
            assert_eq!(half_to_f64(f64_to_half(x).unwrap()), x);
        }
        assert_eq!(f64_to_half(65520.0), None);
    }

    #[test]
    fn native_formats() {
        assert_eq!(native_format("@B"), Some((b'B', 1)));
        assert_eq!(native_format("q"), Some((b'q', 8)));
        assert_eq!(native_format("<i"), None);
        assert_eq!(native_format("BB"), None);
    }
}
