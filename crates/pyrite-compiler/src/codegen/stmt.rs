//! Statement code generation (CPython: `compiler_visit_stmt` and friends in `Python/compile.c`).

use pyrite_bytecode::opcode::{intrinsic1, make_function};
use pyrite_bytecode::{Constant, Opcode};

use super::expr::binop_arg;
use super::{get_docstring, Compiler, FBDatum, FBlock, FBlockKind, ScopeType, R};
use crate::flowgraph::{Instr, Loc, NO_LOC};
use crate::fold;
use crate::parse::ast::{self, Expr, ExprContext, Stmt};
use crate::symtable::{self, Scope, Symbol};

/// What `push_inlined_comprehension_state` saved, to be restored afterwards.
pub(crate) struct InlinedState {
    pushed_locals: Vec<String>,
    temp_symbols: Vec<(String, Option<Symbol>)>,
    fast_hidden: Vec<String>,
    cleanup: usize,
    end: usize,
}

impl<'a> Compiler<'a> {
    pub fn visit_stmt(&mut self, s: &'a Stmt) -> R {
        let loc = self.loc(s);
        match s {
            Stmt::FunctionDef(f) => self.function_def(f)?,
            Stmt::ClassDef(c) => self.class_def(c)?,
            Stmt::Return(r) => self.return_stmt(r, loc)?,
            Stmt::Delete(d) => {
                for t in &d.targets {
                    self.visit_expr(t)?;
                }
            }
            Stmt::TypeAlias(t) => return Err(self.error("type aliases are not supported by Pyrite yet", t.range)),
            Stmt::Assign(a) => {
                self.visit_expr(&a.value)?;
                let n = a.targets.len();
                for (i, t) in a.targets.iter().enumerate() {
                    if i < n - 1 {
                        self.emit(Opcode::COPY, 1, loc);
                    }
                    self.visit_expr(t)?;
                }
            }
            Stmt::AugAssign(a) => self.augassign(a, loc)?,
            Stmt::AnnAssign(a) => self.annassign(a, loc)?,
            Stmt::For(f) => {
                if f.is_async {
                    self.async_for(f, loc)?
                } else {
                    self.for_stmt(f, loc)?
                }
            }
            Stmt::While(w) => self.while_stmt(w, loc)?,
            Stmt::If(i) => self.if_stmt(i)?,
            Stmt::With(w) => {
                if w.is_async {
                    if !matches!(self.uref().scope_type, ScopeType::AsyncFunction) {
                        return Err(self.error("'async with' outside async function", w.range));
                    }
                    self.async_with(w, 0)?
                } else {
                    self.with_stmt(w, 0)?
                }
            }
            Stmt::Match(m) => self.match_stmt(m)?,
            Stmt::Raise(r) => {
                let mut n = 0;
                if let Some(e) = &r.exc {
                    self.visit_expr(e)?;
                    n += 1;
                    if let Some(c) = &r.cause {
                        self.visit_expr(c)?;
                        n += 1;
                    }
                }
                self.emit(Opcode::RAISE_VARARGS, n, loc);
            }
            Stmt::Try(t) => {
                if t.is_star {
                    if !t.finalbody.is_empty() {
                        self.try_finally(t, loc)?
                    } else {
                        self.try_star_except(t, loc)?
                    }
                } else if !t.finalbody.is_empty() {
                    self.try_finally(t, loc)?
                } else {
                    self.try_except(t, loc)?
                }
            }
            Stmt::Assert(a) => {
                let end = self.new_label();
                self.jump_if(&a.test, end, true)?;
                self.emit(Opcode::LOAD_ASSERTION_ERROR, 0, loc);
                if let Some(m) = &a.msg {
                    self.visit_expr(m)?;
                    self.emit(Opcode::CALL, 0, loc);
                }
                self.emit(Opcode::RAISE_VARARGS, 1, loc);
                self.use_label(end);
            }
            Stmt::Import(i) => self.import(i, loc)?,
            Stmt::ImportFrom(i) => self.import_from(i, loc)?,
            Stmt::Global(_) | Stmt::Nonlocal(_) => {}
            Stmt::Expr(e) => {
                if self.interactive && self.units.len() <= 1 {
                    self.visit_expr(&e.value)?;
                    self.emit(Opcode::CALL_INTRINSIC_1, intrinsic1::PRINT, loc);
                    self.emit(Opcode::POP_TOP, 0, NO_LOC);
                } else if fold::const_value(&e.value).is_some() {
                    self.emit(Opcode::NOP, 0, loc);
                } else {
                    self.visit_expr(&e.value)?;
                    self.emit(Opcode::POP_TOP, 0, NO_LOC);
                }
            }
            Stmt::Pass(_) => self.emit(Opcode::NOP, 0, loc),
            Stmt::Break(_) => self.break_stmt(loc)?,
            Stmt::Continue(_) => self.continue_stmt(loc)?,
            Stmt::IpyEscapeCommand(c) => return Err(self.error("invalid syntax", c.range)),
        }
        Ok(())
    }

    pub(crate) fn visit_body(&mut self, body: &'a [Stmt]) -> R {
        for s in body {
            self.visit_stmt(s)?;
        }
        Ok(())
    }

    // ---- definitions ------------------------------------------------------------------------

    fn decorators(&mut self, decos: &'a [ast::Decorator]) -> R {
        for d in decos {
            self.visit_expr(&d.expression)?;
        }
        Ok(())
    }

    fn apply_decorators(&mut self, decos: &'a [ast::Decorator]) {
        for d in decos.iter().rev() {
            let l = self.loc(&d.expression);
            self.emit(Opcode::CALL, 0, l);
        }
    }

    fn function_def(&mut self, f: &'a ast::StmtFunctionDef) -> R {
        self.check_debug_params(&f.parameters)?;
        self.decorators(&f.decorator_list)?;
        let firstlineno = match f.decorator_list.first() {
            Some(d) => self.loc(&d.expression).line,
            None => self.loc(f).line,
        };
        let loc = self.def_loc(f.range, f.decorator_list.last().map(|d| d.range));
        let mut flags = self.default_arguments(&f.parameters, loc)?;
        if self.annotations(&f.parameters, f.returns.as_deref(), loc)? {
            flags |= make_function::ANNOTATIONS;
        }
        let Some(ste) = self.table.entry_for(f) else {
            return Err(self.error("internal error: no symbol table for function", f.range));
        };
        let st = if f.is_async { ScopeType::AsyncFunction } else { ScopeType::Function };
        self.enter_scope(f.name.id.as_str(), st, ste, firstlineno)?;
        let doc = get_docstring(&f.body);
        let has_doc = doc.is_some();
        self.u().add_const(match doc {
            Some(d) => Constant::Str(d),
            None => Constant::None,
        });
        let p = &f.parameters;
        self.u().argcount = (p.posonlyargs.len() + p.args.len()) as u32;
        self.u().posonlyargcount = p.posonlyargs.len() as u32;
        self.u().kwonlyargcount = p.kwonlyargs.len() as u32;
        let start = if has_doc { 1 } else { 0 };
        for s in &f.body[start..] {
            self.visit_stmt(s)?;
        }
        let ste = &self.uref().ste;
        if ste.is_coroutine || ste.is_generator {
            self.wrap_in_stopiteration_handler();
        }
        let code = self.finish_unit(true)?;
        self.make_closure(code, flags, loc)?;
        self.apply_decorators(&f.decorator_list);
        self.nameop(f.name.id.as_str(), ExprContext::Store, loc)
    }

    /// `wrap_in_stopiteration_handler`: generators turn a leaked StopIteration into RuntimeError.
    pub(crate) fn wrap_in_stopiteration_handler(&mut self) {
        let handler = self.new_label();
        let mut setup = Instr::new(Opcode::SETUP_CLEANUP, 0, NO_LOC);
        setup.target = handler;
        self.u().seq.insert(0, setup);
        self.load_const(Constant::None, NO_LOC);
        self.emit(Opcode::RETURN_VALUE, 0, NO_LOC);
        self.use_label(handler);
        self.emit(Opcode::CALL_INTRINSIC_1, intrinsic1::STOPITERATION_ERROR, NO_LOC);
        self.emit(Opcode::RERAISE, 1, NO_LOC);
    }

    fn class_def(&mut self, c: &'a ast::StmtClassDef) -> R {
        self.decorators(&c.decorator_list)?;
        let firstlineno = match c.decorator_list.first() {
            Some(d) => self.loc(&d.expression).line,
            None => self.def_loc(c.range, None).line,
        };
        let Some(ste) = self.table.entry_for(c) else {
            return Err(self.error("internal error: no symbol table for class", c.range));
        };
        let name = c.name.id.as_str();
        self.enter_scope(name, ScopeType::Class, ste, firstlineno)?;
        let bl = Loc { line: firstlineno, end_line: firstlineno, col: 0, end_col: 0 };
        self.nameop("__name__", ExprContext::Load, bl)?;
        self.nameop("__module__", ExprContext::Store, bl)?;
        let q = self.uref().qualname.clone();
        self.load_const(Constant::Str(q), bl);
        self.nameop("__qualname__", ExprContext::Store, bl)?;
        self.compiler_body(&c.body, bl)?;
        if self.uref().ste.needs_class_closure {
            let i = self.uref().cell_index("__class__").unwrap_or(0);
            self.emit(Opcode::LOAD_CLOSURE, i, NO_LOC);
            self.emit(Opcode::COPY, 1, NO_LOC);
            self.emit_name(Opcode::STORE_NAME, "__classcell__", NO_LOC);
        } else {
            self.load_const(Constant::None, NO_LOC);
        }
        self.emit(Opcode::RETURN_VALUE, 0, NO_LOC);
        let code = self.finish_unit(true)?;
        let loc = self.def_loc(c.range, c.decorator_list.last().map(|d| d.range));
        self.emit(Opcode::PUSH_NULL, 0, loc);
        self.emit(Opcode::LOAD_BUILD_CLASS, 0, loc);
        self.make_closure(code, 0, loc)?;
        self.load_const(Constant::Str(name.to_string()), loc);
        match &c.arguments {
            Some(args) => self.call_helper(loc, 2, &args.args, &args.keywords)?,
            None => self.emit(Opcode::CALL, 2, loc),
        }
        self.apply_decorators(&c.decorator_list);
        self.nameop(name, ExprContext::Store, loc)
    }

    /// The location of a `def`/`class` statement as CPython records it: from the keyword, not
    /// the first decorator (Ruff's range includes the decorators).
    fn def_loc(&self, range: crate::parse::TextRange, last_deco: Option<crate::parse::TextRange>) -> Loc {
        let Some(d) = last_deco else { return self.loc_of(range) };
        let src = self.parsed.lines.source();
        let mut i = d.end().to_usize();
        let bytes = src.as_bytes();
        // Skip to the next line that starts a keyword (past comments and blank lines).
        while i < range.end().to_usize() {
            let rest = &src[i..];
            let t = rest.trim_start_matches([' ', '\t']);
            if t.starts_with("def") || t.starts_with("class") || t.starts_with("async") {
                i += rest.len() - t.len();
                break;
            }
            while i < bytes.len() && bytes[i] != b'\n' {
                i += 1;
            }
            i += 1;
        }
        let start = (i.min(range.end().to_usize()) as u32).into();
        self.loc_of(crate::parse::TextRange::new(start, range.end()))
    }

    // ---- simple statements ------------------------------------------------------------------

    fn return_stmt(&mut self, r: &'a ast::StmtReturn, loc: Loc) -> R {
        if !self.is_function_like() {
            return Err(self.error_loc("'return' outside function", loc));
        }
        let ste = &self.uref().ste;
        if r.value.is_some() && ste.is_coroutine && ste.is_generator {
            return Err(self.error_loc("'return' with value in async generator", loc));
        }
        let constant = r.value.as_deref().and_then(fold::const_value);
        let preserve_tos = r.value.is_some() && constant.is_none();
        let mut loc = loc;
        if let (true, Some(v)) = (preserve_tos, &r.value) {
            self.visit_expr(v)?;
        } else if let Some(v) = &r.value {
            let vl = self.loc(&**v);
            self.emit(Opcode::NOP, 0, vl);
        }
        let same_line = r.value.as_ref().map(|v| self.loc(&**v).line == loc.line).unwrap_or(false);
        if !same_line {
            self.emit(Opcode::NOP, 0, loc);
        }
        self.unwind_fblock_stack(&mut loc, preserve_tos, false)?;
        match (&r.value, constant) {
            (None, _) => self.load_const(Constant::None, loc),
            (Some(_), Some(c)) => self.load_const(c, loc),
            _ => {}
        }
        self.emit(Opcode::RETURN_VALUE, 0, loc);
        Ok(())
    }

    fn break_stmt(&mut self, loc: Loc) -> R {
        let origin = loc;
        let mut loc = loc;
        self.emit(Opcode::NOP, 0, loc);
        let Some(lp) = self.unwind_fblock_stack(&mut loc, false, true)? else {
            return Err(self.error_loc("'break' outside loop", origin));
        };
        self.unwind_fblock(&mut loc, &lp, false)?;
        self.emit_jump(Opcode::JUMP, lp.exit, loc);
        Ok(())
    }

    fn continue_stmt(&mut self, loc: Loc) -> R {
        let origin = loc;
        let mut loc = loc;
        self.emit(Opcode::NOP, 0, loc);
        let Some(lp) = self.unwind_fblock_stack(&mut loc, false, true)? else {
            return Err(self.error_loc("'continue' not properly in loop", origin));
        };
        self.emit_jump(Opcode::JUMP, lp.block, loc);
        Ok(())
    }

    fn augassign(&mut self, a: &'a ast::StmtAugAssign, sloc: Loc) -> R {
        let e = &*a.target;
        let loc = self.loc(e);
        match e {
            Expr::Attribute(at) => {
                self.visit_expr(&at.value)?;
                self.emit(Opcode::COPY, 1, loc);
                let l = self.attr_loc(loc, at);
                let n = self.mangle(at.attr.id.as_str());
                self.emit_name(Opcode::LOAD_ATTR, &n, l);
            }
            Expr::Subscript(s) => {
                self.visit_expr(&s.value)?;
                if let Expr::Slice(sl) = &*s.slice {
                    if sl.step.is_none() {
                        self.slice_pair(sl)?;
                        self.emit(Opcode::COPY, 3, loc);
                        self.emit(Opcode::COPY, 3, loc);
                        self.emit(Opcode::COPY, 3, loc);
                        self.emit(Opcode::BINARY_SLICE, 0, loc);
                    } else {
                        self.visit_expr(&s.slice)?;
                        self.emit(Opcode::COPY, 2, loc);
                        self.emit(Opcode::COPY, 2, loc);
                        self.emit(Opcode::BINARY_SUBSCR, 0, loc);
                    }
                } else {
                    self.visit_expr(&s.slice)?;
                    self.emit(Opcode::COPY, 2, loc);
                    self.emit(Opcode::COPY, 2, loc);
                    self.emit(Opcode::BINARY_SUBSCR, 0, loc);
                }
            }
            Expr::Name(n) => self.nameop(n.id.as_str(), ExprContext::Load, loc)?,
            _ => return Err(self.error("'expression' is an illegal expression for augmented assignment", a.range)),
        }
        self.visit_expr(&a.value)?;
        self.emit(Opcode::BINARY_OP, binop_arg(a.op) + pyrite_bytecode::opcode::binop::INPLACE, sloc);
        match e {
            Expr::Attribute(at) => {
                let l = self.attr_loc(loc, at);
                self.emit(Opcode::SWAP, 2, l);
                let n = self.mangle(at.attr.id.as_str());
                self.emit_name(Opcode::STORE_ATTR, &n, l);
            }
            Expr::Subscript(s) => {
                let two = matches!(&*s.slice, Expr::Slice(sl) if sl.step.is_none());
                if two {
                    self.emit(Opcode::SWAP, 4, loc);
                    self.emit(Opcode::SWAP, 3, loc);
                    self.emit(Opcode::SWAP, 2, loc);
                    self.emit(Opcode::STORE_SLICE, 0, loc);
                } else {
                    self.emit(Opcode::SWAP, 3, loc);
                    self.emit(Opcode::SWAP, 2, loc);
                    self.emit(Opcode::STORE_SUBSCR, 0, loc);
                }
            }
            Expr::Name(n) => self.nameop(n.id.as_str(), ExprContext::Store, loc)?,
            _ => {}
        }
        Ok(())
    }

    fn slice_pair(&mut self, sl: &'a ast::ExprSlice) -> R {
        let loc = self.loc(sl);
        match &sl.lower {
            Some(l) => self.visit_expr(l)?,
            None => self.load_const(Constant::None, loc),
        }
        match &sl.upper {
            Some(u) => self.visit_expr(u)?,
            None => self.load_const(Constant::None, loc),
        }
        Ok(())
    }

    fn check_ann_expr(&mut self, e: &'a Expr) -> R {
        self.visit_expr(e)?;
        self.emit(Opcode::POP_TOP, 0, NO_LOC);
        Ok(())
    }

    fn annassign(&mut self, a: &'a ast::StmtAnnAssign, loc: Loc) -> R {
        if let Some(v) = &a.value {
            self.visit_expr(v)?;
            self.visit_expr(&a.target)?;
        }
        match &*a.target {
            Expr::Name(n) => {
                if n.id.as_str() == "__debug__" {
                    return Err(self.error("cannot assign to __debug__", n.range));
                }
                if a.simple && matches!(self.uref().scope_type, ScopeType::Module | ScopeType::Class) {
                    self.visit_annexpr(&a.annotation)?;
                    self.emit_name(Opcode::LOAD_NAME, "__annotations__", loc);
                    let m = self.mangle(n.id.as_str());
                    self.load_const(Constant::Str(m), loc);
                    self.emit(Opcode::STORE_SUBSCR, 0, loc);
                }
            }
            Expr::Attribute(at) => {
                if a.value.is_none() {
                    self.check_ann_expr(&at.value)?;
                }
            }
            Expr::Subscript(s) => {
                if a.value.is_none() {
                    self.check_ann_expr(&s.value)?;
                    self.check_ann_expr(&s.slice)?;
                }
            }
            _ => return Err(self.error("illegal target for annotation", a.range)),
        }
        if !a.simple
            && !self.future_annotations
            && matches!(self.uref().scope_type, ScopeType::Module | ScopeType::Class)
        {
            self.check_ann_expr(&a.annotation)?;
        }
        Ok(())
    }

    fn import(&mut self, i: &'a ast::StmtImport, loc: Loc) -> R {
        for alias in &i.names {
            let name = alias.name.id.as_str();
            self.load_const(Constant::Int(0.into()), loc);
            self.load_const(Constant::None, loc);
            self.emit_name(Opcode::IMPORT_NAME, name, loc);
            if let Some(asname) = &alias.asname {
                let parts: Vec<&str> = name.split('.').collect();
                if parts.len() > 1 {
                    for (k, attr) in parts[1..].iter().enumerate() {
                        self.emit_name(Opcode::IMPORT_FROM, attr, loc);
                        if k + 2 < parts.len() {
                            self.emit(Opcode::SWAP, 2, loc);
                            self.emit(Opcode::POP_TOP, 0, loc);
                        }
                    }
                    self.nameop(asname.id.as_str(), ExprContext::Store, loc)?;
                    self.emit(Opcode::POP_TOP, 0, loc);
                } else {
                    self.nameop(asname.id.as_str(), ExprContext::Store, loc)?;
                }
            } else {
                let first = name.split('.').next().unwrap_or(name);
                self.nameop(first, ExprContext::Store, loc)?;
            }
        }
        Ok(())
    }

    fn import_from(&mut self, i: &'a ast::StmtImportFrom, loc: Loc) -> R {
        self.load_const(Constant::Int((i.level as i64).into()), loc);
        let names: Vec<Constant> = i.names.iter().map(|a| Constant::Str(a.name.id.to_string())).collect();
        let module = i.module.as_ref().map(|m| m.id.to_string()).unwrap_or_default();
        if module == "__future__" && i.range.start().to_usize() >= self.future_end {
            return Err(self.error("from __future__ imports must occur at the beginning of the file", i.range));
        }
        self.load_const(Constant::Tuple(names), loc);
        self.emit_name(Opcode::IMPORT_NAME, &module, loc);
        for (k, alias) in i.names.iter().enumerate() {
            let name = alias.name.id.as_str();
            if k == 0 && name.starts_with('*') {
                self.emit(Opcode::CALL_INTRINSIC_1, intrinsic1::IMPORT_STAR, loc);
                self.emit(Opcode::POP_TOP, 0, NO_LOC);
                return Ok(());
            }
            self.emit_name(Opcode::IMPORT_FROM, name, loc);
            let store = alias.asname.as_ref().map(|a| a.id.as_str()).unwrap_or(name);
            self.nameop(store, ExprContext::Store, loc)?;
        }
        self.emit(Opcode::POP_TOP, 0, loc);
        Ok(())
    }

    // ---- control flow -----------------------------------------------------------------------

    fn if_stmt(&mut self, i: &'a ast::StmtIf) -> R {
        // Ruff keeps elif/else clauses flat; compile them as nested ifs as CPython's AST has.
        self.if_chain(&i.test, &i.body, &i.elif_else_clauses)
    }

    fn if_chain(&mut self, test: &'a Expr, body: &'a [Stmt], rest: &'a [ast::ElifElseClause]) -> R {
        let end = self.new_label();
        let next = if rest.is_empty() { end } else { self.new_label() };
        self.jump_if(test, next, false)?;
        self.visit_body(body)?;
        if !rest.is_empty() {
            self.emit_jump(Opcode::JUMP, end, NO_LOC);
            self.use_label(next);
            match &rest[0].test {
                Some(t) => self.if_chain(t, &rest[0].body, &rest[1..])?,
                None => self.visit_body(&rest[0].body)?,
            }
        }
        self.use_label(end);
        Ok(())
    }

    fn while_stmt(&mut self, w: &'a ast::StmtWhile, loc: Loc) -> R {
        let lp = self.new_label();
        let body = self.new_label();
        let end = self.new_label();
        let anchor = self.new_label();
        self.use_label(lp);
        self.push_fblock(FBlockKind::WhileLoop, lp, end, loc, FBDatum::None)?;
        self.jump_if(&w.test, anchor, false)?;
        self.use_label(body);
        self.visit_body(&w.body)?;
        self.jump_if(&w.test, body, true)?;
        self.pop_fblock();
        self.use_label(anchor);
        self.visit_body(&w.orelse)?;
        self.use_label(end);
        Ok(())
    }

    fn for_stmt(&mut self, f: &'a ast::StmtFor, loc: Loc) -> R {
        let start = self.new_label();
        let body = self.new_label();
        let cleanup = self.new_label();
        let end = self.new_label();
        self.push_fblock(FBlockKind::ForLoop, start, end, loc, FBDatum::None)?;
        self.visit_iter(&f.iter)?;
        self.emit(Opcode::GET_ITER, 0, loc);
        self.use_label(start);
        self.emit_jump(Opcode::FOR_ITER, cleanup, loc);
        self.use_label(body);
        self.visit_expr(&f.target)?;
        self.visit_body(&f.body)?;
        self.emit_jump(Opcode::JUMP, start, NO_LOC);
        self.use_label(cleanup);
        self.emit(Opcode::END_FOR, 0, NO_LOC);
        self.pop_fblock();
        self.visit_body(&f.orelse)?;
        self.use_label(end);
        Ok(())
    }

    fn async_for(&mut self, f: &'a ast::StmtFor, loc: Loc) -> R {
        if self.uref().scope_type != ScopeType::AsyncFunction {
            return Err(self.error("'async for' outside async function", f.range));
        }
        let start = self.new_label();
        let except = self.new_label();
        let end = self.new_label();
        self.visit_expr(&f.iter)?;
        self.emit(Opcode::GET_AITER, 0, loc);
        self.use_label(start);
        self.push_fblock(FBlockKind::ForLoop, start, end, loc, FBDatum::None)?;
        self.emit_jump(Opcode::SETUP_FINALLY, except, loc);
        self.emit(Opcode::GET_ANEXT, 0, loc);
        self.load_const(Constant::None, loc);
        self.add_yield_from(loc, true);
        self.emit(Opcode::POP_BLOCK, 0, loc);
        self.visit_expr(&f.target)?;
        self.visit_body(&f.body)?;
        self.emit_jump(Opcode::JUMP, start, NO_LOC);
        self.pop_fblock();
        self.use_label(except);
        self.emit(Opcode::END_ASYNC_FOR, 0, NO_LOC);
        self.visit_body(&f.orelse)?;
        self.use_label(end);
        Ok(())
    }

    fn call_exit_with_nones(&mut self, loc: Loc) {
        self.load_const(Constant::None, loc);
        self.load_const(Constant::None, loc);
        self.load_const(Constant::None, loc);
        self.emit(Opcode::CALL, 2, loc);
    }

    fn with_except_finish(&mut self, cleanup: usize) {
        let suppress = self.new_label();
        self.emit_jump(Opcode::POP_JUMP_IF_TRUE, suppress, NO_LOC);
        self.emit(Opcode::RERAISE, 2, NO_LOC);
        self.use_label(suppress);
        self.emit(Opcode::POP_TOP, 0, NO_LOC);
        self.emit(Opcode::POP_BLOCK, 0, NO_LOC);
        self.emit(Opcode::POP_EXCEPT, 0, NO_LOC);
        self.emit(Opcode::POP_TOP, 0, NO_LOC);
        self.emit(Opcode::POP_TOP, 0, NO_LOC);
        let exit = self.new_label();
        self.emit_jump(Opcode::JUMP, exit, NO_LOC);
        self.use_label(cleanup);
        self.pop_except_and_reraise(NO_LOC);
        self.use_label(exit);
    }

    pub(crate) fn pop_except_and_reraise(&mut self, loc: Loc) {
        self.emit(Opcode::COPY, 3, loc);
        self.emit(Opcode::POP_EXCEPT, 0, loc);
        self.emit(Opcode::RERAISE, 1, loc);
    }

    fn with_stmt(&mut self, w: &'a ast::StmtWith, pos: usize) -> R {
        let block = self.new_label();
        let final_ = self.new_label();
        let exit = self.new_label();
        let cleanup = self.new_label();
        let item = &w.items[pos];
        self.visit_expr(&item.context_expr)?;
        let loc = self.loc(&item.context_expr);
        self.emit(Opcode::BEFORE_WITH, 0, loc);
        self.emit_jump(Opcode::SETUP_WITH, final_, loc);
        self.use_label(block);
        self.push_fblock(FBlockKind::With, block, final_, loc, FBDatum::None)?;
        match &item.optional_vars {
            Some(v) => self.visit_expr(v)?,
            None => self.emit(Opcode::POP_TOP, 0, loc),
        }
        if pos + 1 == w.items.len() {
            self.visit_body(&w.body)?;
        } else {
            self.with_stmt(w, pos + 1)?;
        }
        self.emit(Opcode::POP_BLOCK, 0, NO_LOC);
        self.pop_fblock();
        let loc = self.loc(w);
        self.call_exit_with_nones(loc);
        self.emit(Opcode::POP_TOP, 0, loc);
        self.emit_jump(Opcode::JUMP, exit, loc);
        self.use_label(final_);
        self.emit_jump(Opcode::SETUP_CLEANUP, cleanup, loc);
        self.emit(Opcode::PUSH_EXC_INFO, 0, loc);
        self.emit(Opcode::WITH_EXCEPT_START, 0, loc);
        self.with_except_finish(cleanup);
        self.use_label(exit);
        Ok(())
    }

    fn async_with(&mut self, w: &'a ast::StmtWith, pos: usize) -> R {
        let block = self.new_label();
        let final_ = self.new_label();
        let exit = self.new_label();
        let cleanup = self.new_label();
        let item = &w.items[pos];
        self.visit_expr(&item.context_expr)?;
        let loc = self.loc(&item.context_expr);
        self.emit(Opcode::BEFORE_ASYNC_WITH, 0, loc);
        self.emit(Opcode::GET_AWAITABLE, 1, loc);
        self.load_const(Constant::None, loc);
        self.add_yield_from(loc, true);
        self.emit_jump(Opcode::SETUP_WITH, final_, loc);
        self.use_label(block);
        self.push_fblock(FBlockKind::AsyncWith, block, final_, loc, FBDatum::None)?;
        match &item.optional_vars {
            Some(v) => self.visit_expr(v)?,
            None => self.emit(Opcode::POP_TOP, 0, loc),
        }
        if pos + 1 == w.items.len() {
            self.visit_body(&w.body)?;
        } else {
            self.async_with(w, pos + 1)?;
        }
        self.pop_fblock();
        let loc = self.loc(w);
        self.emit(Opcode::POP_BLOCK, 0, loc);
        self.call_exit_with_nones(loc);
        self.emit(Opcode::GET_AWAITABLE, 2, loc);
        self.load_const(Constant::None, loc);
        self.add_yield_from(loc, true);
        self.emit(Opcode::POP_TOP, 0, loc);
        self.emit_jump(Opcode::JUMP, exit, loc);
        self.use_label(final_);
        self.emit_jump(Opcode::SETUP_CLEANUP, cleanup, loc);
        self.emit(Opcode::PUSH_EXC_INFO, 0, loc);
        self.emit(Opcode::WITH_EXCEPT_START, 0, loc);
        self.emit(Opcode::GET_AWAITABLE, 2, loc);
        self.load_const(Constant::None, loc);
        self.add_yield_from(loc, true);
        self.with_except_finish(cleanup);
        self.use_label(exit);
        Ok(())
    }

    fn try_finally(&mut self, t: &'a ast::StmtTry, loc: Loc) -> R {
        let body = self.new_label();
        let end = self.new_label();
        let exit = self.new_label();
        let cleanup = self.new_label();
        self.emit_jump(Opcode::SETUP_FINALLY, end, loc);
        self.use_label(body);
        self.push_fblock(FBlockKind::FinallyTry, body, end, loc, FBDatum::Body(&t.finalbody))?;
        if !t.handlers.is_empty() {
            if t.is_star {
                self.try_star_except(t, loc)?;
            } else {
                self.try_except(t, loc)?;
            }
        } else {
            self.visit_body(&t.body)?;
        }
        self.emit(Opcode::POP_BLOCK, 0, NO_LOC);
        self.pop_fblock();
        self.visit_body(&t.finalbody)?;
        self.emit_jump(Opcode::JUMP, exit, NO_LOC);
        self.use_label(end);
        self.emit_jump(Opcode::SETUP_CLEANUP, cleanup, NO_LOC);
        self.emit(Opcode::PUSH_EXC_INFO, 0, NO_LOC);
        self.push_fblock(FBlockKind::FinallyEnd, end, NO_TARGET_L, NO_LOC, FBDatum::None)?;
        self.visit_body(&t.finalbody)?;
        self.pop_fblock();
        self.emit(Opcode::RERAISE, 0, NO_LOC);
        self.use_label(cleanup);
        self.pop_except_and_reraise(NO_LOC);
        self.use_label(exit);
        Ok(())
    }

    fn try_except(&mut self, t: &'a ast::StmtTry, loc: Loc) -> R {
        let body = self.new_label();
        let mut except = self.new_label();
        let end = self.new_label();
        let cleanup = self.new_label();
        self.emit_jump(Opcode::SETUP_FINALLY, except, loc);
        self.use_label(body);
        self.push_fblock(FBlockKind::TryExcept, body, NO_TARGET_L, loc, FBDatum::None)?;
        self.visit_body(&t.body)?;
        self.pop_fblock();
        self.emit(Opcode::POP_BLOCK, 0, NO_LOC);
        self.visit_body(&t.orelse)?;
        self.emit_jump(Opcode::JUMP, end, NO_LOC);
        let n = t.handlers.len();
        self.use_label(except);
        self.emit_jump(Opcode::SETUP_CLEANUP, cleanup, NO_LOC);
        self.emit(Opcode::PUSH_EXC_INFO, 0, NO_LOC);
        self.push_fblock(FBlockKind::ExceptionHandler, NO_TARGET_L, NO_TARGET_L, loc, FBDatum::None)?;
        for (i, h) in t.handlers.iter().enumerate() {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            let hloc = self.loc(h);
            if h.type_.is_none() && i < n - 1 {
                return Err(self.error("default 'except:' must be last", h.range));
            }
            let next_except = self.new_label();
            except = next_except;
            if let Some(ty) = &h.type_ {
                self.visit_expr(ty)?;
                self.emit(Opcode::CHECK_EXC_MATCH, 0, hloc);
                self.emit_jump(Opcode::POP_JUMP_IF_FALSE, except, hloc);
            }
            if let Some(name) = &h.name {
                let cleanup_end = self.new_label();
                let cleanup_body = self.new_label();
                self.nameop(name.id.as_str(), ExprContext::Store, hloc)?;
                self.emit_jump(Opcode::SETUP_CLEANUP, cleanup_end, hloc);
                self.use_label(cleanup_body);
                self.push_fblock(FBlockKind::HandlerCleanup, cleanup_body, NO_TARGET_L, hloc, FBDatum::Name(name.id.to_string()))?;
                self.visit_body(&h.body)?;
                self.pop_fblock();
                self.emit(Opcode::POP_BLOCK, 0, NO_LOC);
                self.emit(Opcode::POP_BLOCK, 0, NO_LOC);
                self.emit(Opcode::POP_EXCEPT, 0, NO_LOC);
                self.load_const(Constant::None, NO_LOC);
                self.nameop(name.id.as_str(), ExprContext::Store, NO_LOC)?;
                self.nameop(name.id.as_str(), ExprContext::Del, NO_LOC)?;
                self.emit_jump(Opcode::JUMP, end, NO_LOC);
                self.use_label(cleanup_end);
                self.load_const(Constant::None, NO_LOC);
                self.nameop(name.id.as_str(), ExprContext::Store, NO_LOC)?;
                self.nameop(name.id.as_str(), ExprContext::Del, NO_LOC)?;
                self.emit(Opcode::RERAISE, 1, NO_LOC);
            } else {
                let cleanup_body = self.new_label();
                self.emit(Opcode::POP_TOP, 0, hloc);
                self.use_label(cleanup_body);
                self.push_fblock(FBlockKind::HandlerCleanup, cleanup_body, NO_TARGET_L, hloc, FBDatum::None)?;
                self.visit_body(&h.body)?;
                self.pop_fblock();
                self.emit(Opcode::POP_BLOCK, 0, NO_LOC);
                self.emit(Opcode::POP_EXCEPT, 0, NO_LOC);
                self.emit_jump(Opcode::JUMP, end, NO_LOC);
            }
            self.use_label(except);
        }
        self.pop_fblock();
        self.emit(Opcode::RERAISE, 0, NO_LOC);
        self.use_label(cleanup);
        self.pop_except_and_reraise(NO_LOC);
        self.use_label(end);
        Ok(())
    }

    /// `compiler_try_star_except` (PEP 654).
    fn try_star_except(&mut self, t: &'a ast::StmtTry, loc: Loc) -> R {
        use pyrite_bytecode::opcode::intrinsic2;
        let body = self.new_label();
        let mut except = self.new_label();
        let orelse = self.new_label();
        let end = self.new_label();
        let cleanup = self.new_label();
        let reraise_star = self.new_label();
        self.emit_jump(Opcode::SETUP_FINALLY, except, loc);
        self.use_label(body);
        self.push_fblock(FBlockKind::TryExcept, body, NO_TARGET_L, loc, FBDatum::None)?;
        self.visit_body(&t.body)?;
        self.pop_fblock();
        self.emit(Opcode::POP_BLOCK, 0, NO_LOC);
        self.emit_jump(Opcode::JUMP, orelse, NO_LOC);
        let n = t.handlers.len();
        self.use_label(except);
        self.emit_jump(Opcode::SETUP_CLEANUP, cleanup, NO_LOC);
        self.emit(Opcode::PUSH_EXC_INFO, 0, NO_LOC);
        self.push_fblock(FBlockKind::ExceptionGroupHandler, NO_TARGET_L, NO_TARGET_L, loc, FBDatum::None)?;
        for (i, h) in t.handlers.iter().enumerate() {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            let hloc = self.loc(h);
            let next_except = self.new_label();
            except = next_except;
            let except_with_error = self.new_label();
            let no_match = self.new_label();
            if i == 0 {
                self.emit(Opcode::BUILD_LIST, 0, hloc);
                self.emit(Opcode::COPY, 2, hloc);
            }
            if let Some(ty) = &h.type_ {
                self.visit_expr(ty)?;
                self.emit(Opcode::CHECK_EG_MATCH, 0, hloc);
                self.emit(Opcode::COPY, 1, hloc);
                self.emit_jump(Opcode::POP_JUMP_IF_NONE, no_match, hloc);
            }
            let cleanup_end = self.new_label();
            let cleanup_body = self.new_label();
            match &h.name {
                Some(name) => self.nameop(name.id.as_str(), ExprContext::Store, hloc)?,
                None => self.emit(Opcode::POP_TOP, 0, hloc),
            }
            self.emit_jump(Opcode::SETUP_CLEANUP, cleanup_end, hloc);
            self.use_label(cleanup_body);
            let datum = match &h.name {
                Some(n) => FBDatum::Name(n.id.to_string()),
                None => FBDatum::None,
            };
            self.push_fblock(FBlockKind::HandlerCleanup, cleanup_body, NO_TARGET_L, hloc, datum)?;
            self.visit_body(&h.body)?;
            self.pop_fblock();
            self.emit(Opcode::POP_BLOCK, 0, NO_LOC);
            if let Some(name) = &h.name {
                self.load_const(Constant::None, NO_LOC);
                self.nameop(name.id.as_str(), ExprContext::Store, NO_LOC)?;
                self.nameop(name.id.as_str(), ExprContext::Del, NO_LOC)?;
            }
            self.emit_jump(Opcode::JUMP, except, NO_LOC);
            self.use_label(cleanup_end);
            if let Some(name) = &h.name {
                self.load_const(Constant::None, NO_LOC);
                self.nameop(name.id.as_str(), ExprContext::Store, NO_LOC)?;
                self.nameop(name.id.as_str(), ExprContext::Del, NO_LOC)?;
            }
            self.emit(Opcode::LIST_APPEND, 3, NO_LOC);
            self.emit(Opcode::POP_TOP, 0, NO_LOC);
            self.emit_jump(Opcode::JUMP, except_with_error, NO_LOC);
            self.use_label(except);
            self.emit(Opcode::NOP, 0, NO_LOC);
            self.emit_jump(Opcode::JUMP, except_with_error, NO_LOC);
            self.use_label(no_match);
            self.emit(Opcode::POP_TOP, 0, hloc);
            self.use_label(except_with_error);
            if i == n - 1 {
                self.emit(Opcode::LIST_APPEND, 1, NO_LOC);
                self.emit_jump(Opcode::JUMP, reraise_star, NO_LOC);
            }
        }
        self.pop_fblock();
        let reraise = self.new_label();
        self.use_label(reraise_star);
        self.emit(Opcode::CALL_INTRINSIC_2, intrinsic2::PREP_RERAISE_STAR, NO_LOC);
        self.emit(Opcode::COPY, 1, NO_LOC);
        self.emit_jump(Opcode::POP_JUMP_IF_NOT_NONE, reraise, NO_LOC);
        self.emit(Opcode::POP_TOP, 0, NO_LOC);
        self.emit(Opcode::POP_BLOCK, 0, NO_LOC);
        self.emit(Opcode::POP_EXCEPT, 0, NO_LOC);
        self.emit_jump(Opcode::JUMP, end, NO_LOC);
        self.use_label(reraise);
        self.emit(Opcode::POP_BLOCK, 0, NO_LOC);
        self.emit(Opcode::SWAP, 2, NO_LOC);
        self.emit(Opcode::POP_EXCEPT, 0, NO_LOC);
        self.emit(Opcode::RERAISE, 0, NO_LOC);
        self.use_label(cleanup);
        self.pop_except_and_reraise(NO_LOC);
        self.use_label(orelse);
        self.visit_body(&t.orelse)?;
        self.use_label(end);
        Ok(())
    }

    // ---- unwinding --------------------------------------------------------------------------

    /// `compiler_unwind_fblock`.
    fn unwind_fblock(&mut self, loc: &mut Loc, info: &FBlock<'a>, preserve_tos: bool) -> R {
        match info.kind {
            FBlockKind::WhileLoop
            | FBlockKind::ExceptionHandler
            | FBlockKind::ExceptionGroupHandler
            | FBlockKind::AsyncComprehensionGenerator => {}
            FBlockKind::ForLoop => {
                if preserve_tos {
                    self.emit(Opcode::SWAP, 2, *loc);
                }
                self.emit(Opcode::POP_TOP, 0, *loc);
            }
            FBlockKind::TryExcept => self.emit(Opcode::POP_BLOCK, 0, *loc),
            FBlockKind::FinallyTry => {
                self.emit(Opcode::POP_BLOCK, 0, *loc);
                if preserve_tos {
                    self.push_fblock(FBlockKind::PopValue, NO_TARGET_L, NO_TARGET_L, *loc, FBDatum::None)?;
                }
                if let FBDatum::Body(b) = info.datum {
                    self.visit_body(b)?;
                }
                if preserve_tos {
                    self.pop_fblock();
                }
                *loc = NO_LOC;
            }
            FBlockKind::FinallyEnd => {
                if preserve_tos {
                    self.emit(Opcode::SWAP, 2, *loc);
                }
                self.emit(Opcode::POP_TOP, 0, *loc);
                if preserve_tos {
                    self.emit(Opcode::SWAP, 2, *loc);
                }
                self.emit(Opcode::POP_BLOCK, 0, *loc);
                self.emit(Opcode::POP_EXCEPT, 0, *loc);
            }
            FBlockKind::With | FBlockKind::AsyncWith => {
                *loc = info.loc;
                self.emit(Opcode::POP_BLOCK, 0, *loc);
                if preserve_tos {
                    self.emit(Opcode::SWAP, 2, *loc);
                }
                self.call_exit_with_nones(*loc);
                if info.kind == FBlockKind::AsyncWith {
                    self.emit(Opcode::GET_AWAITABLE, 2, *loc);
                    self.load_const(Constant::None, *loc);
                    self.add_yield_from(*loc, true);
                }
                self.emit(Opcode::POP_TOP, 0, *loc);
                *loc = NO_LOC;
            }
            FBlockKind::HandlerCleanup => {
                let name = match &info.datum {
                    FBDatum::Name(n) => Some(n.clone()),
                    _ => None,
                };
                if name.is_some() {
                    self.emit(Opcode::POP_BLOCK, 0, *loc);
                }
                if preserve_tos {
                    self.emit(Opcode::SWAP, 2, *loc);
                }
                self.emit(Opcode::POP_BLOCK, 0, *loc);
                self.emit(Opcode::POP_EXCEPT, 0, *loc);
                if let Some(n) = name {
                    self.load_const(Constant::None, *loc);
                    self.nameop(&n, ExprContext::Store, *loc)?;
                    self.nameop(&n, ExprContext::Del, *loc)?;
                }
            }
            FBlockKind::PopValue => {
                if preserve_tos {
                    self.emit(Opcode::SWAP, 2, *loc);
                }
                self.emit(Opcode::POP_TOP, 0, *loc);
            }
        }
        Ok(())
    }

    /// `compiler_unwind_fblock_stack`; with `stop_at_loop`, returns the innermost loop.
    fn unwind_fblock_stack(&mut self, loc: &mut Loc, preserve_tos: bool, stop_at_loop: bool) -> R<Option<FBlock<'a>>> {
        let Some(top) = self.uref().fblocks.last().cloned() else { return Ok(None) };
        if top.kind == FBlockKind::ExceptionGroupHandler {
            return Err(self.error_loc("'break', 'continue' and 'return' cannot appear in an except* block", *loc));
        }
        if stop_at_loop && matches!(top.kind, FBlockKind::WhileLoop | FBlockKind::ForLoop) {
            return Ok(Some(top));
        }
        self.u().fblocks.pop();
        self.unwind_fblock(loc, &top, preserve_tos)?;
        let r = self.unwind_fblock_stack(loc, preserve_tos, stop_at_loop)?;
        self.u().fblocks.push(top);
        Ok(r)
    }

    // ---- inlined comprehensions (PEP 709) ---------------------------------------------------

    pub(crate) fn push_inlined_comprehension_state(&mut self, comp: usize, loc: Loc) -> R<InlinedState> {
        let entry = &self.table.entries[comp];
        let in_class_block = self.uref().ste.kind == symtable::BlockKind::Class && self.uref().in_inlined_comp == 0;
        self.u().in_inlined_comp += 1;
        let mut state = InlinedState { pushed_locals: Vec::new(), temp_symbols: Vec::new(), fast_hidden: Vec::new(), cleanup: 0, end: 0 };
        for k in entry.symbol_names() {
            let sym = entry.lookup(k).cloned().unwrap_or(Symbol { flags: 0, scope: Scope::Unknown });
            let outv = self.uref().ste.lookup(k).cloned();
            let outsc = outv.as_ref().map(|s| s.scope).unwrap_or(Scope::Unknown);
            let scope = sym.scope;
            let is_local = sym.flags & symtable::DEF_LOCAL != 0 && sym.flags & symtable::DEF_NONLOCAL == 0;
            if scope != outsc && !(scope == Scope::Cell && outsc == Scope::Free) {
                if (scope != Scope::Free && !(scope == Scope::Cell && outsc == Scope::Free)) || in_class_block {
                    state.temp_symbols.push((k.clone(), outv.clone()));
                    self.u().ste.set_symbol(k, sym.clone());
                }
            }
            if (is_local || in_class_block) && !self.is_function_like() {
                let orig = self.uref().fasthidden.get(k).copied();
                if orig != Some(true) {
                    self.u().fasthidden.insert(k.clone(), true);
                    state.fast_hidden.push(k.clone());
                }
            }
            if is_local || in_class_block {
                let i = self.u().add_varname(k);
                self.emit(Opcode::LOAD_FAST_AND_CLEAR, i, loc);
                if scope == Scope::Cell {
                    let arg = if outsc == Scope::Free { self.uref().free_index(k) } else { self.uref().cell_index(k) };
                    if let Some(arg) = arg {
                        self.emit(Opcode::MAKE_CELL, arg, loc);
                    }
                }
                state.pushed_locals.push(k.clone());
            }
        }
        if !state.pushed_locals.is_empty() {
            self.emit(Opcode::SWAP, state.pushed_locals.len() as u32 + 1, loc);
            let cleanup = self.new_label();
            let end = self.new_label();
            state.cleanup = cleanup;
            state.end = end;
            self.emit_jump(Opcode::SETUP_FINALLY, cleanup, loc);
        }
        Ok(state)
    }

    fn restore_inlined_locals(&mut self, loc: Loc, state: &InlinedState) {
        let n = state.pushed_locals.len();
        self.emit(Opcode::SWAP, n as u32 + 1, loc);
        for k in state.pushed_locals.iter().rev() {
            let i = self.u().add_varname(k);
            self.emit(Opcode::STORE_FAST_MAYBE_NULL, i, loc);
        }
    }

    pub(crate) fn pop_inlined_comprehension_state(&mut self, loc: Loc, state: InlinedState) {
        self.u().in_inlined_comp -= 1;
        if !state.pushed_locals.is_empty() {
            self.emit(Opcode::POP_BLOCK, 0, NO_LOC);
            self.emit_jump(Opcode::JUMP_NO_INTERRUPT, state.end, NO_LOC);
            self.use_label(state.cleanup);
            self.emit(Opcode::SWAP, 2, NO_LOC);
            self.emit(Opcode::POP_TOP, 0, NO_LOC);
            self.restore_inlined_locals(loc, &state);
            self.emit(Opcode::RERAISE, 0, NO_LOC);
            self.use_label(state.end);
            self.restore_inlined_locals(loc, &state);
        }
        for (k, v) in state.temp_symbols {
            match v {
                Some(s) => self.u().ste.set_symbol(&k, s),
                None => self.u().ste.remove_symbol(&k),
            }
        }
        for k in state.fast_hidden {
            self.u().fasthidden.insert(k, false);
        }
    }
}

pub(crate) const NO_TARGET_L: usize = usize::MAX;
