//! `_io.TextIOWrapper`, as far as Pyrite has it: the standard streams `sys.stdout` and
//! `sys.stderr` (CPython: `Modules/_io/textio.c`), writing UTF-8 text to file descriptor 1
//! (buffered in the interpreter state, `Vm::write_fd`) or 2.

use std::io::Write;

use crate::object::{dealloc_payload, Payload, PyObj, Value};
use crate::objects::{none, str as pystr};
use crate::typeobj::{MethodDef, MethodKind, PyType, StaticType};
use crate::vm::{PyResult, Vm};

/// A standard stream (`sys.stdout`/`sys.stderr`): 1 or 2.
pub struct StreamData {
    pub fd: u8,
}

impl Payload for StreamData {
    fn class() -> &'static PyType {
        &STREAM_TYPE
    }
}

pub static STREAM_TYPE: StaticType = StaticType::new(
    "_io.TextIOWrapper",
    Some(&crate::objects::object::OBJECT_TYPE),
    0,
    std::mem::size_of::<PyObj<StreamData>>(),
    dealloc_payload::<StreamData>,
    STREAM_METHODS,
    &[],
);

fn stream_write(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    let s = crate::protocols::args::Spec::one("TextIOWrapper.write").arg(vm, &args[1..], kw)?;
    let this = &args[0];
    let Some(d) = pystr::str_data(s) else {
        return Err(vm.type_error(format!("write() argument must be str, not {}", s.ty().name())));
    };
    let n = d.len;
    let fd = this.downcast::<StreamData>().expect("stream").fd;
    let bytes = encode_for_stream(vm, fd, s)?;
    vm.write_fd_bytes(fd, &bytes);
    Ok(Value::int(n as i64))
}

/// The bytes the standard stream `fd` writes for the str `s`: UTF-8, with the stream's error
/// handler for lone surrogates (CPython's in the C locale: `surrogateescape` for stdout,
/// `backslashreplace` for stderr).
pub fn encode_for_stream<'a>(vm: &mut Vm, fd: u8, s: &'a Value) -> PyResult<std::borrow::Cow<'a, [u8]>> {
    let d = pystr::str_data(s).expect("str");
    if !d.has_surrogates() {
        return Ok(std::borrow::Cow::Borrowed(d.as_bytes()));
    }
    let errors = if fd == 2 { "backslashreplace" } else { "surrogateescape" };
    Ok(std::borrow::Cow::Owned(crate::objects::bytes::encode_str(vm, s, "utf-8", errors)?))
}
fn stream_flush(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    crate::protocols::args::Spec::noargs("TextIOWrapper.flush").check(vm, &args[1..], kw)?;
    vm.flush_stdout();
    Ok(none::none())
}

static STREAM_METHODS: &[MethodDef] = &[
    MethodDef { name: "write", func: stream_write, kind: MethodKind::Instance, doc: "" },
    MethodDef { name: "flush", func: stream_flush, kind: MethodKind::Instance, doc: "" },
];

/// Write bytes to fd 1 or 2 (stdout is buffered; stderr flushes stdout first).
pub fn write_raw(buffer: &mut Vec<u8>, fd: u8, s: &[u8]) {
    if fd == 1 {
        buffer.extend_from_slice(s);
        if buffer.len() > 1 << 16 {
            let _ = std::io::stdout().write_all(buffer);
            buffer.clear();
        }
    } else {
        let _ = std::io::stdout().write_all(buffer);
        let _ = std::io::stdout().flush();
        buffer.clear();
        let _ = std::io::stderr().write_all(s);
    }
}
