//! Python source to code objects (CPython: `Python/compile.c` driver, `pythonrun.c` entry).
//!
//! The pipeline follows CPython's stages, one file each: `parse` (Ruff's parser, positions,
//! error wording), `symtable` (scopes), `codegen` (AST to an instruction sequence with labels),
//! `flowgraph` (basic blocks and CPython 3.12's optimisations), `assemble` (code units,
//! exception table, locations, the `CodeObject`).

mod anchors;
mod assemble;
mod codegen;
mod flowgraph;
mod fold;
mod parse;
mod symtable;

pub use anchors::{caret_anchors, Anchors};
pub use pyrite_bytecode::CodeObject;

/// What kind of source `compile` is given (CPython's `exec` / `eval` / `single`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Exec,
    Eval,
    Single,
}

/// The Python exception class of a compile error.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SyntaxErrorKind {
    SyntaxError,
    IndentationError,
    TabError,
}

/// A compile-time error, with CPython's `SyntaxError` attributes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompileError {
    pub kind: SyntaxErrorKind,
    /// CPython's message, e.g. "invalid syntax".
    pub msg: String,
    pub filename: String,
    /// 1-based.
    pub lineno: u32,
    /// 1-based column as `SyntaxError.offset`: characters for parser errors on text input,
    /// UTF-8 bytes for bytes input without a declared encoding and for the compiler's errors.
    pub offset: u32,
    pub end_lineno: u32,
    pub end_offset: u32,
    /// The offending source line including its trailing newline.
    pub text: Option<String>,
}

impl std::fmt::Display for CompileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let kind = match self.kind {
            SyntaxErrorKind::SyntaxError => "SyntaxError",
            SyntaxErrorKind::IndentationError => "IndentationError",
            SyntaxErrorKind::TabError => "TabError",
        };
        write!(f, "{kind}: {} ({}, line {})", self.msg, self.filename, self.lineno)
    }
}

impl std::error::Error for CompileError {}

/// Compile `source` into a module-level code object.
pub fn compile(source: &str, filename: &str, mode: Mode) -> Result<CodeObject, CompileError> {
    let parsed = parse::parse(source, filename, mode)?;
    let table = symtable::build(&parsed, source)?;
    codegen::compile_module(&parsed, &table, mode)
}

/// Decode raw bytes per PEP 263 (coding cookie, UTF-8 BOM, default UTF-8), then compile.
pub fn compile_bytes(source: &[u8], filename: &str, mode: Mode) -> Result<CodeObject, CompileError> {
    let (text, declared) = parse::decode_source_declared(source, filename)?;
    let parsed = parse::parse_with(&text, filename, mode, !declared)?;
    let table = symtable::build(&parsed, &text)?;
    codegen::compile_module(&parsed, &table, mode)
}
