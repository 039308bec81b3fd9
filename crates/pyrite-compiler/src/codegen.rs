//! AST to instruction sequence (CPython: `Python/compile.c`).
//!
//! One `Unit` per code object being compiled (CPython's `compiler_unit`); expressions live in
//! `codegen/expr.rs`, statements in `codegen/stmt.rs`. Each finished unit goes through the flow
//! graph (`flowgraph.rs`) and the assembler (`assemble.rs`).

mod expr;
mod pattern;
mod stmt;

use std::collections::HashMap;
use std::rc::Rc;

use pyrite_bytecode::{CodeObject, Constant, Opcode};

use crate::flowgraph::{Instr, InstrSeq, Loc, NO_LOC};
use crate::parse::ast::{self, Expr, Stmt};
use crate::parse::{Body, Parsed, Ranged, TextRange};
use crate::symtable::{self, Entry, Scope, SymbolTable};
use crate::{assemble, fold, CompileError, Mode, SyntaxErrorKind};

pub(crate) type R<T = ()> = Result<T, CompileError>;

/// Operand stack items a single instruction may consume before codegen switches to the
/// "big" forms (CPython's `STACK_USE_GUIDELINE`).
pub(crate) const STACK_USE_GUIDELINE: usize = 30;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ScopeType {
    Module,
    Class,
    Function,
    AsyncFunction,
    Lambda,
    Comprehension,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum FBlockKind {
    WhileLoop,
    ForLoop,
    TryExcept,
    FinallyTry,
    FinallyEnd,
    With,
    AsyncWith,
    HandlerCleanup,
    PopValue,
    ExceptionHandler,
    ExceptionGroupHandler,
    AsyncComprehensionGenerator,
}

#[derive(Clone)]
pub(crate) enum FBDatum<'a> {
    None,
    Body(&'a [Stmt]),
    Name(String),
}

#[derive(Clone)]
pub(crate) struct FBlock<'a> {
    pub kind: FBlockKind,
    pub block: usize,
    pub exit: usize,
    pub loc: Loc,
    pub datum: FBDatum<'a>,
}

/// The code object under construction (CPython's `compiler_unit`).
pub(crate) struct Unit<'a> {
    pub ste: Entry,
    pub scope_type: ScopeType,
    pub name: String,
    pub qualname: String,
    pub seq: InstrSeq,
    pub consts: Vec<Constant>,
    const_index: HashMap<String, usize>,
    pub names: Vec<String>,
    names_index: HashMap<String, u32>,
    pub varnames: Vec<String>,
    varnames_index: HashMap<String, u32>,
    pub cellvars: Vec<String>,
    pub freevars: Vec<String>,
    pub fasthidden: HashMap<String, bool>,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub firstlineno: i32,
    pub fblocks: Vec<FBlock<'a>>,
    pub private: Option<String>,
    pub in_inlined_comp: u32,
}

impl<'a> Unit<'a> {
    pub fn add_const(&mut self, c: Constant) -> u32 {
        let key = fold::const_key(&c);
        if let Some(&i) = self.const_index.get(&key) {
            return i as u32;
        }
        self.consts.push(c);
        self.const_index.insert(key, self.consts.len() - 1);
        (self.consts.len() - 1) as u32
    }

    pub fn add_name(&mut self, n: &str) -> u32 {
        if let Some(&i) = self.names_index.get(n) {
            return i;
        }
        self.names.push(n.to_string());
        let i = (self.names.len() - 1) as u32;
        self.names_index.insert(n.to_string(), i);
        i
    }

    pub fn add_varname(&mut self, n: &str) -> u32 {
        if let Some(&i) = self.varnames_index.get(n) {
            return i;
        }
        self.varnames.push(n.to_string());
        let i = (self.varnames.len() - 1) as u32;
        self.varnames_index.insert(n.to_string(), i);
        i
    }

    pub fn cell_index(&self, n: &str) -> Option<u32> {
        self.cellvars.iter().position(|c| c == n).map(|i| i as u32)
    }

    pub fn free_index(&self, n: &str) -> Option<u32> {
        self.freevars.iter().position(|c| c == n).map(|i| (i + self.cellvars.len()) as u32)
    }
}

pub(crate) struct Compiler<'a> {
    pub parsed: &'a Parsed,
    pub table: &'a SymbolTable,
    pub units: Vec<Unit<'a>>,
    pub interactive: bool,
    pub future_annotations: bool,
    /// Byte offset of the end of the `from __future__` block (later ones are errors).
    pub future_end: usize,
}

/// Compile a parsed unit into its module code object.
pub fn compile_module(parsed: &Parsed, table: &SymbolTable, mode: Mode) -> R<CodeObject> {
    let _literals = crate::fold::SurrogateLiterals::install(&parsed.surrogate_literals);
    let mut c = Compiler {
        parsed,
        table,
        units: Vec::new(),
        interactive: mode == Mode::Single,
        future_annotations: table.future_annotations,
        future_end: 0,
    };
    c.enter_scope("<module>", ScopeType::Module, 0, 1)?;
    let add_none = match &parsed.body {
        Body::Module(stmts) => {
            c.check_future_imports(stmts)?;
            if c.interactive {
                if find_ann(stmts) {
                    c.emit(Opcode::SETUP_ANNOTATIONS, 0, Loc { line: 1, end_line: 1, col: 0, end_col: 0 });
                }
                for s in stmts {
                    c.visit_stmt(s)?;
                }
            } else {
                c.compiler_body(stmts, Loc { line: 1, end_line: 1, col: 0, end_col: 0 })?;
            }
            true
        }
        Body::Expression(e) => {
            c.visit_expr(e)?;
            false
        }
    };
    let code = c.finish_unit(add_none)?;
    Ok(code)
}

fn is_docstring(s: &Stmt) -> Option<&ast::ExprStringLiteral> {
    if let Stmt::Expr(e) = s {
        if let Expr::StringLiteral(sl) = &*e.value {
            return Some(sl);
        }
    }
    None
}

pub(crate) fn get_docstring(body: &[Stmt]) -> Option<String> {
    body.first().and_then(is_docstring).map(|s| s.value.to_str().to_string())
}

/// Whether a body contains an annotated assignment outside nested scopes (CPython's `find_ann`).
pub(crate) fn find_ann(stmts: &[Stmt]) -> bool {
    stmts.iter().any(|s| match s {
        Stmt::AnnAssign(_) => true,
        Stmt::For(f) => find_ann(&f.body) || find_ann(&f.orelse),
        Stmt::While(w) => find_ann(&w.body) || find_ann(&w.orelse),
        Stmt::If(i) => find_ann(&i.body) || i.elif_else_clauses.iter().any(|c| find_ann(&c.body)),
        Stmt::With(w) => find_ann(&w.body),
        Stmt::Try(t) => {
            find_ann(&t.body)
                || find_ann(&t.orelse)
                || find_ann(&t.finalbody)
                || t.handlers.iter().any(|h| {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    find_ann(&h.body)
                })
        }
        Stmt::Match(m) => m.cases.iter().any(|c| find_ann(&c.body)),
        _ => false,
    })
}

impl<'a> Compiler<'a> {
    pub fn u(&mut self) -> &mut Unit<'a> {
        self.units.last_mut().unwrap()
    }

    pub fn uref(&self) -> &Unit<'a> {
        self.units.last().unwrap()
    }

    pub fn loc_of(&self, range: TextRange) -> Loc {
        let l = self.parsed.lines.location(range);
        Loc { line: l.line as i32, end_line: l.end_line as i32, col: l.col as i32, end_col: l.end_col as i32 }
    }

    pub fn loc<T: Ranged>(&self, node: &T) -> Loc {
        self.loc_of(node.range())
    }

    pub fn error(&self, msg: impl Into<String>, range: TextRange) -> CompileError {
        self.parsed.lines.error(&self.parsed.filename, SyntaxErrorKind::SyntaxError, msg, range)
    }

    pub fn error_loc(&self, msg: impl Into<String>, loc: Loc) -> CompileError {
        let line = loc.line.max(1) as u32;
        CompileError {
            kind: SyntaxErrorKind::SyntaxError,
            msg: msg.into(),
            filename: self.parsed.filename.clone(),
            lineno: line,
            offset: (loc.col.max(0) + 1) as u32,
            end_lineno: loc.end_line.max(1) as u32,
            end_offset: (loc.end_col.max(0) + 1) as u32,
            text: self.parsed.lines.line_text(line),
        }
    }

    // ---- emission -------------------------------------------------------------------------

    pub fn emit(&mut self, op: Opcode, arg: u32, loc: Loc) {
        self.u().seq.instrs.push(Instr::new(op, arg, loc));
    }

    pub fn emit_jump(&mut self, op: Opcode, label: usize, loc: Loc) {
        let mut i = Instr::new(op, 0, loc);
        i.target = label;
        self.u().seq.instrs.push(i);
    }

    pub fn new_label(&mut self) -> usize {
        self.u().seq.new_label()
    }

    pub fn use_label(&mut self, l: usize) {
        self.u().seq.use_label(l)
    }

    pub fn load_const(&mut self, c: Constant, loc: Loc) {
        let i = self.u().add_const(c);
        self.emit(Opcode::LOAD_CONST, i, loc);
    }

    pub fn emit_name(&mut self, op: Opcode, name: &str, loc: Loc) {
        let i = self.u().add_name(name);
        let arg = match op {
            Opcode::LOAD_ATTR | Opcode::LOAD_GLOBAL => i << 1,
            _ => i,
        };
        self.emit(op, arg, loc);
    }

    pub fn mangle(&self, name: &str) -> String {
        symtable::mangle(self.uref().private.as_deref(), name)
    }

    pub fn is_function_like(&self) -> bool {
        self.uref().ste.is_function_like()
    }

    // ---- scopes ---------------------------------------------------------------------------

    pub fn enter_scope(&mut self, name: &str, scope_type: ScopeType, ste_index: usize, lineno: i32) -> R {
        let ste = self.table.entries[ste_index].clone();
        let mut varnames = Vec::new();
        let mut varnames_index = HashMap::new();
        for (i, v) in ste.varnames.iter().enumerate() {
            varnames.push(v.clone());
            varnames_index.insert(v.clone(), i as u32);
        }
        let mut cellvars: Vec<String> = ste
            .symbol_names()
            .iter()
            .filter(|n| {
                let s = ste.lookup(n).unwrap();
                s.scope == Scope::Cell || s.flags & symtable::DEF_COMP_CELL != 0
            })
            .cloned()
            .collect();
        cellvars.sort();
        if ste.needs_class_closure {
            cellvars.push("__class__".to_string());
        }
        let mut freevars: Vec<String> = ste
            .symbol_names()
            .iter()
            .filter(|n| {
                let s = ste.lookup(n).unwrap();
                s.scope == Scope::Free || s.flags & symtable::DEF_FREE_CLASS != 0
            })
            .cloned()
            .collect();
        freevars.sort();
        let private = match scope_type {
            ScopeType::Class => Some(name.to_string()),
            _ => self.units.last().and_then(|u| u.private.clone()),
        };
        let unit = Unit {
            ste,
            scope_type,
            name: name.to_string(),
            qualname: name.to_string(),
            seq: InstrSeq::default(),
            consts: Vec::new(),
            const_index: HashMap::new(),
            names: Vec::new(),
            names_index: HashMap::new(),
            varnames,
            varnames_index,
            cellvars,
            freevars,
            fasthidden: HashMap::new(),
            argcount: 0,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            firstlineno: lineno,
            fblocks: Vec::new(),
            private,
            in_inlined_comp: 0,
        };
        self.units.push(unit);
        let mut loc = Loc { line: lineno, end_line: lineno, col: 0, end_col: 0 };
        if scope_type == ScopeType::Module {
            loc.line = 0;
        } else {
            self.set_qualname();
        }
        self.emit(Opcode::RESUME, 0, loc);
        Ok(())
    }

    fn set_qualname(&mut self) {
        let n = self.units.len();
        if n < 2 {
            return;
        }
        let (parents, cur) = self.units.split_at_mut(n - 1);
        let u = &mut cur[0];
        let parent = &parents[n - 2];
        if parent.scope_type == ScopeType::Module {
            u.qualname = u.name.clone();
            return;
        }
        let mut force_global = false;
        if matches!(u.scope_type, ScopeType::Function | ScopeType::AsyncFunction | ScopeType::Class) {
            let mangled = symtable::mangle(parent.private.as_deref(), &u.name);
            if parent.ste.scope_of(&mangled) == Scope::GlobalExplicit {
                force_global = true;
            }
        }
        if force_global {
            u.qualname = u.name.clone();
        } else if matches!(parent.scope_type, ScopeType::Function | ScopeType::AsyncFunction | ScopeType::Lambda) {
            u.qualname = format!("{}.<locals>.{}", parent.qualname, u.name);
        } else {
            u.qualname = format!("{}.{}", parent.qualname, u.name);
        }
    }

    /// `optimize_and_assemble` + `compiler_exit_scope`.
    pub fn finish_unit(&mut self, add_none: bool) -> R<CodeObject> {
        if add_none {
            self.load_const(Constant::None, NO_LOC);
        }
        self.emit(Opcode::RETURN_VALUE, 0, NO_LOC);
        let unit = self.units.pop().unwrap();
        let filename = self.parsed.filename.clone();
        assemble::assemble_unit(unit, &filename).map_err(|msg| {
            CompileError {
                kind: SyntaxErrorKind::SyntaxError,
                msg: format!("internal compiler error: {msg}"),
                filename: filename.clone(),
                lineno: 1,
                offset: 1,
                end_lineno: 1,
                end_offset: 1,
                text: None,
            }
        })
    }

    /// `compiler_body`: docstring, `SETUP_ANNOTATIONS`, statements.
    pub fn compiler_body(&mut self, stmts: &'a [Stmt], mut loc: Loc) -> R {
        if self.uref().scope_type == ScopeType::Module {
            if let Some(first) = stmts.first() {
                loc = self.loc(first);
            }
        }
        if find_ann(stmts) {
            self.emit(Opcode::SETUP_ANNOTATIONS, 0, loc);
        }
        let mut start = 0;
        if let Some(doc) = stmts.first().and_then(is_docstring) {
            start = 1;
            let l = self.loc(doc);
            self.load_const(Constant::Str(doc.value.to_str().to_string()), l);
            self.nameop("__doc__", ast::ExprContext::Store, NO_LOC)?;
        }
        for s in &stmts[start..] {
            self.visit_stmt(s)?;
        }
        Ok(())
    }

    fn check_future_imports(&mut self, stmts: &[Stmt]) -> R {
        let mut i = 0;
        if stmts.first().and_then(is_docstring).is_some() {
            i = 1;
        }
        while i < stmts.len() {
            match &stmts[i] {
                Stmt::ImportFrom(f) if f.module.as_ref().map(|m| m.id.as_str()) == Some("__future__") => {
                    for a in &f.names {
                        let n = a.name.id.as_str();
                        const KNOWN: [&str; 10] = [
                            "nested_scopes",
                            "generators",
                            "division",
                            "absolute_import",
                            "with_statement",
                            "print_function",
                            "unicode_literals",
                            "barry_as_FLUFL",
                            "generator_stop",
                            "annotations",
                        ];
                        if n == "braces" {
                            return Err(self.error("not a chance", a.range));
                        }
                        if !KNOWN.contains(&n) {
                            return Err(self.error(format!("future feature {n} is not defined"), a.range));
                        }
                    }
                    self.future_end = f.range.end().to_usize();
                }
                _ => break,
            }
            i += 1;
        }
        Ok(())
    }

    // ---- names ----------------------------------------------------------------------------

    /// `compiler_nameop`.
    pub fn nameop(&mut self, name: &str, ctx: ast::ExprContext, loc: Loc) -> R {
        use ast::ExprContext::*;
        if name == "__debug__" && ctx != Load {
            let what = if ctx == Del { "cannot delete __debug__" } else { "cannot assign to __debug__" };
            return Err(self.error_loc(what, loc));
        }
        let mangled = self.mangle(name);
        let u = self.uref();
        let scope = u.ste.scope_of(&mangled);
        let function_like = u.ste.is_function_like();
        #[derive(PartialEq)]
        enum OpType {
            Fast,
            Global,
            Deref,
            Name,
        }
        let optype = match scope {
            Scope::Free | Scope::Cell => OpType::Deref,
            Scope::Local => {
                if function_like || u.fasthidden.get(&mangled) == Some(&true) {
                    OpType::Fast
                } else {
                    OpType::Name
                }
            }
            Scope::GlobalImplicit => {
                if function_like {
                    OpType::Global
                } else {
                    OpType::Name
                }
            }
            Scope::GlobalExplicit => OpType::Global,
            Scope::Unknown => OpType::Name,
        };
        match optype {
            OpType::Deref => {
                let arg = if scope == Scope::Free {
                    self.uref().free_index(&mangled)
                } else {
                    self.uref().cell_index(&mangled)
                };
                let Some(arg) = arg else {
                    return Err(self.error_loc(format!("internal error: no cell for {mangled}"), loc));
                };
                let op = match ctx {
                    Load => {
                        if self.uref().ste.kind == symtable::BlockKind::Class && self.uref().in_inlined_comp == 0 {
                            self.emit(Opcode::LOAD_LOCALS, 0, loc);
                            Opcode::LOAD_FROM_DICT_OR_DEREF
                        } else {
                            Opcode::LOAD_DEREF
                        }
                    }
                    Store | Invalid => Opcode::STORE_DEREF,
                    Del => Opcode::DELETE_DEREF,
                };
                self.emit(op, arg, loc);
            }
            OpType::Fast => {
                let op = match ctx {
                    Load => Opcode::LOAD_FAST,
                    Store | Invalid => Opcode::STORE_FAST,
                    Del => Opcode::DELETE_FAST,
                };
                let i = self.u().add_varname(&mangled);
                self.emit(op, i, loc);
            }
            OpType::Global => {
                let op = match ctx {
                    Load => Opcode::LOAD_GLOBAL,
                    Store | Invalid => Opcode::STORE_GLOBAL,
                    Del => Opcode::DELETE_GLOBAL,
                };
                self.emit_name(op, &mangled, loc);
            }
            OpType::Name => {
                let op = match ctx {
                    Load => {
                        if self.uref().ste.kind == symtable::BlockKind::Class && self.uref().in_inlined_comp > 0 {
                            Opcode::LOAD_GLOBAL
                        } else {
                            Opcode::LOAD_NAME
                        }
                    }
                    Store | Invalid => Opcode::STORE_NAME,
                    Del => Opcode::DELETE_NAME,
                };
                self.emit_name(op, &mangled, loc);
            }
        }
        Ok(())
    }

    /// `get_ref_type`.
    pub fn ref_type(&self, name: &str) -> Scope {
        let u = self.uref();
        if u.scope_type == ScopeType::Class && (name == "__class__" || name == "__classdict__") {
            return Scope::Cell;
        }
        u.ste.scope_of(name)
    }

    /// `compiler_make_closure`.
    pub fn make_closure(&mut self, code: CodeObject, mut flags: u32, loc: Loc) -> R {
        let frees: Vec<String> = code.freevars().map(|s| s.to_string()).collect();
        if !frees.is_empty() {
            for name in &frees {
                let arg = if self.ref_type(name) == Scope::Cell {
                    self.uref().cell_index(name)
                } else {
                    self.uref().free_index(name)
                };
                let Some(arg) = arg else {
                    return Err(self.error_loc(format!("internal error: no closure cell for {name}"), loc));
                };
                self.emit(Opcode::LOAD_CLOSURE, arg, loc);
            }
            flags |= pyrite_bytecode::opcode::make_function::CLOSURE;
            self.emit(Opcode::BUILD_TUPLE, frees.len() as u32, loc);
        }
        self.load_const(Constant::Code(Rc::new(code)), loc);
        self.emit(Opcode::MAKE_FUNCTION, flags, loc);
        Ok(())
    }

    pub fn push_fblock(&mut self, kind: FBlockKind, block: usize, exit: usize, loc: Loc, datum: FBDatum<'a>) -> R {
        if self.uref().fblocks.len() >= 20 {
            return Err(self.error_loc("too many statically nested blocks", loc));
        }
        self.u().fblocks.push(FBlock { kind, block, exit, loc, datum });
        Ok(())
    }

    pub fn pop_fblock(&mut self) {
        self.u().fblocks.pop();
    }
}
