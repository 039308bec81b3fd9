//! Code objects as the compiler produces them (CPython: `Include/cpython/code.h`).
//!
//! This is the VM-independent form: constants are plain data (`Constant`), names are strings.
//! The VM turns a `CodeObject` into a heap code object once, converting constants into values.

use std::rc::Rc;

use num_bigint::BigInt;

use crate::opcode::Opcode;

/// `co_flags` bits, CPython's values.
pub mod flags {
    pub const OPTIMIZED: u32 = 0x0001;
    pub const NEWLOCALS: u32 = 0x0002;
    pub const VARARGS: u32 = 0x0004;
    pub const VARKEYWORDS: u32 = 0x0008;
    pub const NESTED: u32 = 0x0010;
    pub const GENERATOR: u32 = 0x0020;
    pub const NOFREE: u32 = 0x0040;
    pub const COROUTINE: u32 = 0x0080;
    pub const ITERABLE_COROUTINE: u32 = 0x0100;
    pub const ASYNC_GENERATOR: u32 = 0x0200;
}

/// Kinds of `co_localsplusnames` entries (CPython's `CO_FAST_*`).
pub mod local_kind {
    pub const HIDDEN: u8 = 0x10;
    pub const LOCAL: u8 = 0x20;
    pub const CELL: u8 = 0x40;
    pub const FREE: u8 = 0x80;
}

/// A compile-time constant (an element of `co_consts`).
#[derive(Clone, Debug, PartialEq)]
pub enum Constant {
    None,
    Ellipsis,
    Bool(bool),
    Int(BigInt),
    Float(f64),
    Complex { real: f64, imag: f64 },
    Str(String),
    /// A str whose text holds lone surrogates (`'\ud800'`), which a Rust `String` cannot:
    /// its code points as generalized UTF-8 (each surrogate as its own three-byte sequence).
    /// Every other str constant is a `Str`.
    SurrogateStr(Vec<u8>),
    Bytes(Vec<u8>),
    Tuple(Vec<Constant>),
    FrozenSet(Vec<Constant>),
    Code(Rc<CodeObject>),
}

/// One entry of the zero-cost exception table: an exception raised by an instruction in
/// `start..end` (code-unit offsets) pops the value stack to `depth`, pushes the offset of the
/// raising instruction if `lasti`, then the exception, and jumps to `target`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExceptionTableEntry {
    pub start: u32,
    pub end: u32,
    pub target: u32,
    pub depth: u32,
    pub lasti: bool,
}

/// Source position of one instruction: 1-based lines, 0-based UTF-8 byte columns as CPython
/// reports them (`co_positions()`); `line == 0` means "no location" (CPython's None).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Location {
    pub line: u32,
    pub end_line: u32,
    pub col: u32,
    pub end_col: u32,
}

/// A compiled code object.
#[derive(Clone, Debug, PartialEq)]
pub struct CodeObject {
    pub name: String,
    pub qualname: String,
    pub filename: String,
    pub firstlineno: u32,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub flags: u32,
    pub stacksize: u32,
    /// Code units: low byte opcode, high byte argument; inline caches follow as zero units.
    pub code: Vec<u16>,
    pub consts: Vec<Constant>,
    pub names: Vec<String>,
    /// Fast locals, then cells, then free variables (CPython's `co_localsplusnames`).
    pub localsplusnames: Vec<String>,
    /// One `local_kind` bit set per `localsplusnames` entry (a parameter captured by a closure
    /// is `LOCAL | CELL`).
    pub localspluskinds: Vec<u8>,
    pub exception_table: Vec<ExceptionTableEntry>,
    /// One location per code unit (cache units repeat their instruction's location).
    pub locations: Vec<Location>,
}

impl CodeObject {
    /// Opcode and full argument (with `EXTENDED_ARG` prefixes folded) of the instruction at
    /// code-unit offset `i`; returns the offset of the next instruction after the caches.
    pub fn decode(&self, mut i: usize) -> (Opcode, u32, usize) {
        let mut arg: u32 = 0;
        loop {
            let unit = self.code[i];
            let op = Opcode::from_u8((unit & 0xff) as u8).unwrap_or(Opcode::NOP);
            arg = (arg << 8) | (unit >> 8) as u32;
            i += 1;
            if op == Opcode::EXTENDED_ARG {
                continue;
            }
            return (op, arg, i + op.cache_entries());
        }
    }

    /// The names of the plain locals, in `co_varnames` order.
    pub fn varnames(&self) -> impl Iterator<Item = &str> {
        self.localsplusnames
            .iter()
            .zip(&self.localspluskinds)
            .filter(|(_, k)| **k & local_kind::LOCAL != 0)
            .map(|(n, _)| n.as_str())
    }

    /// The names of cell variables (`co_cellvars`).
    pub fn cellvars(&self) -> impl Iterator<Item = &str> {
        self.localsplusnames
            .iter()
            .zip(&self.localspluskinds)
            .filter(|(_, k)| **k & local_kind::CELL != 0)
            .map(|(n, _)| n.as_str())
    }

    /// The names of free variables (`co_freevars`).
    pub fn freevars(&self) -> impl Iterator<Item = &str> {
        self.localsplusnames
            .iter()
            .zip(&self.localspluskinds)
            .filter(|(_, k)| **k & local_kind::FREE != 0)
            .map(|(n, _)| n.as_str())
    }

    /// Number of free variables (the closure's length).
    pub fn nfreevars(&self) -> usize {
        self.localspluskinds.iter().filter(|k| **k & local_kind::FREE != 0).count()
    }

    /// The handler for an exception raised at code-unit offset `offset`, if any.
    pub fn find_handler(&self, offset: u32) -> Option<&ExceptionTableEntry> {
        self.exception_table.iter().find(|e| e.start <= offset && offset < e.end)
    }

    /// The source line of the instruction at `offset`, if it has one.
    pub fn line_at(&self, offset: usize) -> Option<u32> {
        self.locations.get(offset).map(|l| l.line).filter(|&l| l != 0)
    }
}
