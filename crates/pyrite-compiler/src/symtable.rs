//! Symbol tables: which scope each name lives in (CPython: `Python/symtable.c`).
//!
//! A first pass records how every name is used in every block (module, class, function,
//! lambda, comprehension); `analyze` then decides each name's scope exactly as CPython 3.12
//! does, including PEP 709 inlining of list/set/dict comprehensions into their parent.

use std::collections::{HashMap, HashSet};

use crate::parse::ast::{self, Expr, Pattern, Stmt};
use crate::parse::{Body, Parsed, Ranged, TextRange};
use crate::{CompileError, SyntaxErrorKind};

pub const DEF_GLOBAL: u32 = 1;
pub const DEF_LOCAL: u32 = 2;
pub const DEF_PARAM: u32 = 4;
pub const DEF_NONLOCAL: u32 = 8;
pub const USE: u32 = 16;
pub const DEF_FREE_CLASS: u32 = 64;
pub const DEF_IMPORT: u32 = 128;
pub const DEF_ANNOT: u32 = 256;
pub const DEF_COMP_ITER: u32 = 512;
pub const DEF_COMP_CELL: u32 = 2048;
pub const DEF_BOUND: u32 = DEF_LOCAL | DEF_PARAM | DEF_IMPORT;

/// The scope a name resolves to (CPython's `LOCAL`, `GLOBAL_EXPLICIT`, ...).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    Unknown,
    Local,
    GlobalExplicit,
    GlobalImplicit,
    Free,
    Cell,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlockKind {
    Module,
    Class,
    Function,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompKind {
    None,
    List,
    Set,
    Dict,
    Generator,
}

#[derive(Clone, Debug)]
pub struct Symbol {
    pub flags: u32,
    pub scope: Scope,
}

/// One block's symbol table entry (CPython's `PySTEntryObject`).
#[derive(Clone, Debug)]
pub struct Entry {
    pub kind: BlockKind,
    /// The block's name (function, class, `top`...): read when debugging scope analysis.
    #[allow(dead_code)]
    pub name: String,
    pub comprehension: CompKind,
    names: Vec<String>,
    symbols: HashMap<String, Symbol>,
    /// Parameter names in order (`ste_varnames`).
    pub varnames: Vec<String>,
    pub children: Vec<usize>,
    pub is_generator: bool,
    pub is_coroutine: bool,
    pub has_varargs: bool,
    pub has_varkw: bool,
    pub nested: bool,
    pub free: bool,
    pub child_free: bool,
    pub needs_class_closure: bool,
    pub comp_inlined: bool,
    pub returns_value: bool,
    comp_iter_target: bool,
    comp_iter_expr: u32,
    /// Where each `global`/`nonlocal` directive for a name was (for error positions).
    directives: HashMap<String, TextRange>,
    pub range: TextRange,
}

impl Entry {
    fn new(kind: BlockKind, name: &str, range: TextRange) -> Entry {
        Entry {
            kind,
            name: name.to_string(),
            comprehension: CompKind::None,
            names: Vec::new(),
            symbols: HashMap::new(),
            varnames: Vec::new(),
            children: Vec::new(),
            is_generator: false,
            is_coroutine: false,
            has_varargs: false,
            has_varkw: false,
            nested: false,
            free: false,
            child_free: false,
            needs_class_closure: false,
            comp_inlined: false,
            returns_value: false,
            comp_iter_target: false,
            comp_iter_expr: 0,
            directives: HashMap::new(),
            range,
        }
    }

    pub fn is_function_like(&self) -> bool {
        self.kind == BlockKind::Function
    }

    /// Symbol names in insertion order.
    pub fn symbol_names(&self) -> &[String] {
        &self.names
    }

    pub fn lookup(&self, name: &str) -> Option<&Symbol> {
        self.symbols.get(name)
    }

    pub fn flags(&self, name: &str) -> u32 {
        self.symbols.get(name).map(|s| s.flags).unwrap_or(0)
    }

    pub fn scope_of(&self, name: &str) -> Scope {
        self.symbols.get(name).map(|s| s.scope).unwrap_or(Scope::Unknown)
    }

    pub fn set_symbol(&mut self, name: &str, sym: Symbol) {
        if !self.symbols.contains_key(name) {
            self.names.push(name.to_string());
        }
        self.symbols.insert(name.to_string(), sym);
    }

    pub fn remove_symbol(&mut self, name: &str) {
        if self.symbols.remove(name).is_some() {
            self.names.retain(|n| n != name);
        }
    }
}

/// The symbol tables of a compilation unit; entry 0 is the module.
pub struct SymbolTable {
    pub entries: Vec<Entry>,
    by_node: HashMap<usize, usize>,
    pub future_annotations: bool,
}

impl SymbolTable {
    /// The entry created for an AST node (function, class, lambda or comprehension).
    pub fn entry_for<T>(&self, node: &T) -> Option<usize> {
        self.by_node.get(&(node as *const T as usize)).copied()
    }
}

/// CPython's `_Py_Mangle`: `__name` inside class `C` becomes `_C__name`.
pub fn mangle(private: Option<&str>, name: &str) -> String {
    let Some(class) = private else { return name.to_string() };
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return name.to_string();
    }
    let stripped = class.trim_start_matches('_');
    if stripped.is_empty() {
        return name.to_string();
    }
    format!("_{stripped}{name}")
}

struct Builder<'a> {
    parsed: &'a Parsed,
    entries: Vec<Entry>,
    stack: Vec<usize>,
    by_node: HashMap<usize, usize>,
    private: Option<String>,
    future_annotations: bool,
}

type R<T = ()> = Result<T, CompileError>;

/// Build and analyse the symbol table of a parsed unit.
pub fn build(parsed: &Parsed, _source: &str) -> R<SymbolTable> {
    let mut b = Builder {
        parsed,
        entries: vec![Entry::new(BlockKind::Module, "top", TextRange::default())],
        stack: vec![0],
        by_node: HashMap::new(),
        private: None,
        future_annotations: false,
    };
    match &parsed.body {
        Body::Module(stmts) => {
            b.future_annotations = has_future_annotations(stmts);
            for s in stmts {
                b.visit_stmt(s)?;
            }
        }
        Body::Expression(e) => b.visit_expr(e)?,
    }
    let mut table = SymbolTable { entries: b.entries, by_node: b.by_node, future_annotations: b.future_annotations };
    let mut global = HashSet::new();
    let mut free = HashSet::new();
    analyze_block(&mut table, 0, None, &mut free, &mut global, parsed)?;
    Ok(table)
}

fn has_future_annotations(stmts: &[Stmt]) -> bool {
    for s in stmts {
        match s {
            Stmt::ImportFrom(f) if f.module.as_ref().map(|m| m.id.as_str()) == Some("__future__") => {
                if f.names.iter().any(|a| a.name.id.as_str() == "annotations") {
                    return true;
                }
            }
            Stmt::Expr(e) if matches!(*e.value, Expr::StringLiteral(_)) => {}
            _ => return false,
        }
    }
    false
}

impl<'a> Builder<'a> {
    fn cur(&mut self) -> &mut Entry {
        let i = *self.stack.last().unwrap();
        &mut self.entries[i]
    }

    fn err(&self, msg: impl Into<String>, range: TextRange) -> CompileError {
        self.parsed.lines.error(&self.parsed.filename, SyntaxErrorKind::SyntaxError, msg, range)
    }

    fn enter<T>(&mut self, kind: BlockKind, name: &str, node: &T, range: TextRange) -> usize {
        let parent = *self.stack.last().unwrap();
        let mut e = Entry::new(kind, name, range);
        let p = &self.entries[parent];
        if p.nested || p.is_function_like() {
            e.nested = true;
        }
        let id = self.entries.len();
        self.entries.push(e);
        self.entries[parent].children.push(id);
        self.by_node.insert(node as *const T as usize, id);
        self.stack.push(id);
        id
    }

    fn exit(&mut self) {
        self.stack.pop();
    }

    fn add_def(&mut self, name: &str, flag: u32, range: TextRange) -> R {
        let idx = *self.stack.last().unwrap();
        self.add_def_in(idx, name, flag, range)
    }

    fn add_def_in(&mut self, idx: usize, name: &str, mut flag: u32, range: TextRange) -> R {
        let mangled = mangle(self.private.as_deref(), name);
        let e = &mut self.entries[idx];
        let old = e.flags(&mangled);
        if flag & DEF_PARAM != 0 && old & DEF_PARAM != 0 {
            return Err(self.err(format!("duplicate argument '{name}' in function definition"), range));
        }
        if flag & DEF_LOCAL != 0 && e.comp_iter_target {
            flag |= DEF_COMP_ITER;
            if old & (DEF_GLOBAL | DEF_NONLOCAL) != 0 {
                return Err(self.err(format!("comprehension inner loop cannot rebind assignment expression target '{name}'"), range));
            }
        }
        let e = &mut self.entries[idx];
        let scope = e.scope_of(&mangled);
        e.set_symbol(&mangled, Symbol { flags: old | flag, scope });
        if flag & DEF_PARAM != 0 {
            e.varnames.push(mangled.clone());
        }
        // A global declared in an inner scope is also recorded at module level.
        if flag & DEF_GLOBAL != 0 && idx != 0 {
            let top = &mut self.entries[0];
            let f = top.flags(&mangled);
            top.set_symbol(&mangled, Symbol { flags: f | DEF_GLOBAL, scope: Scope::Unknown });
        }
        Ok(())
    }

    fn visit_body(&mut self, body: &[Stmt]) -> R {
        for s in body {
            self.visit_stmt(s)?;
        }
        Ok(())
    }

    fn visit_params(&mut self, p: &ast::Parameters) -> R {
        for a in p.posonlyargs.iter().chain(p.args.iter()).chain(p.kwonlyargs.iter()) {
            self.add_def(a.parameter.name.id.as_str(), DEF_PARAM, a.parameter.range)?;
        }
        if let Some(v) = &p.vararg {
            self.add_def(v.name.id.as_str(), DEF_PARAM, v.range)?;
            self.cur().has_varargs = true;
        }
        if let Some(k) = &p.kwarg {
            self.add_def(k.name.id.as_str(), DEF_PARAM, k.range)?;
            self.cur().has_varkw = true;
        }
        Ok(())
    }

    fn visit_defaults(&mut self, p: &ast::Parameters) -> R {
        for a in p.posonlyargs.iter().chain(p.args.iter()) {
            if let Some(d) = &a.default {
                self.visit_expr(d)?;
            }
        }
        for a in p.kwonlyargs.iter() {
            if let Some(d) = &a.default {
                self.visit_expr(d)?;
            }
        }
        Ok(())
    }

    fn visit_annotation(&mut self, e: &Expr) -> R {
        if self.future_annotations {
            return Ok(());
        }
        self.visit_expr(e)
    }

    fn visit_stmt(&mut self, s: &Stmt) -> R {
        match s {
            Stmt::FunctionDef(f) => {
                if let Some(tp) = &f.type_params {
                    return Err(self.err("type parameters are not supported by Pyrite yet", tp.range));
                }
                self.add_def(f.name.id.as_str(), DEF_LOCAL, f.range)?;
                self.visit_defaults(&f.parameters)?;
                for d in &f.decorator_list {
                    self.visit_expr(&d.expression)?;
                }
                let p = &f.parameters;
                for a in p.posonlyargs.iter().chain(p.args.iter()) {
                    if let Some(an) = &a.parameter.annotation {
                        self.visit_annotation(an)?;
                    }
                }
                if let Some(v) = &p.vararg {
                    if let Some(an) = &v.annotation {
                        self.visit_annotation(an)?;
                    }
                }
                for a in p.kwonlyargs.iter() {
                    if let Some(an) = &a.parameter.annotation {
                        self.visit_annotation(an)?;
                    }
                }
                if let Some(k) = &p.kwarg {
                    if let Some(an) = &k.annotation {
                        self.visit_annotation(an)?;
                    }
                }
                if let Some(r) = &f.returns {
                    self.visit_annotation(r)?;
                }
                self.enter(BlockKind::Function, f.name.id.as_str(), f, f.range);
                if f.is_async {
                    self.cur().is_coroutine = true;
                }
                self.visit_params(&f.parameters)?;
                self.visit_body(&f.body)?;
                self.exit();
            }
            Stmt::ClassDef(c) => {
                if let Some(tp) = &c.type_params {
                    return Err(self.err("type parameters are not supported by Pyrite yet", tp.range));
                }
                self.add_def(c.name.id.as_str(), DEF_LOCAL, c.range)?;
                if let Some(args) = &c.arguments {
                    for a in args.args.iter() {
                        self.visit_expr(a)?;
                    }
                    for k in args.keywords.iter() {
                        self.visit_expr(&k.value)?;
                    }
                }
                for d in &c.decorator_list {
                    self.visit_expr(&d.expression)?;
                }
                self.enter(BlockKind::Class, c.name.id.as_str(), c, c.range);
                let saved = self.private.replace(c.name.id.to_string());
                self.visit_body(&c.body)?;
                self.private = saved;
                self.exit();
            }
            Stmt::Return(r) => {
                if let Some(v) = &r.value {
                    self.visit_expr(v)?;
                    self.cur().returns_value = true;
                }
            }
            Stmt::Delete(d) => {
                for t in &d.targets {
                    self.visit_expr(t)?;
                }
            }
            Stmt::TypeAlias(t) => return Err(self.err("type aliases are not supported by Pyrite yet", t.range)),
            Stmt::Assign(a) => {
                for t in &a.targets {
                    self.visit_expr(t)?;
                }
                self.visit_expr(&a.value)?;
            }
            Stmt::AugAssign(a) => {
                self.visit_expr(&a.target)?;
                self.visit_expr(&a.value)?;
            }
            Stmt::AnnAssign(a) => {
                if let Expr::Name(n) = &*a.target {
                    let mangled = mangle(self.private.as_deref(), n.id.as_str());
                    let cur_flags = self.cur().flags(&mangled);
                    if cur_flags & (DEF_GLOBAL | DEF_NONLOCAL) != 0 && a.simple {
                        let what = if cur_flags & DEF_GLOBAL != 0 { "global" } else { "nonlocal" };
                        return Err(self.err(format!("annotated name '{}' can't be {what}", n.id), n.range));
                    }
                    if a.simple {
                        self.add_def(n.id.as_str(), DEF_ANNOT | DEF_LOCAL, n.range)?;
                    } else if a.value.is_some() {
                        self.add_def(n.id.as_str(), DEF_LOCAL, n.range)?;
                    }
                } else {
                    self.visit_expr(&a.target)?;
                }
                self.visit_annotation(&a.annotation)?;
                if let Some(v) = &a.value {
                    self.visit_expr(v)?;
                }
            }
            Stmt::For(f) => {
                self.visit_expr(&f.target)?;
                self.visit_expr(&f.iter)?;
                self.visit_body(&f.body)?;
                self.visit_body(&f.orelse)?;
                if f.is_async {
                    self.cur().is_coroutine = true;
                }
            }
            Stmt::While(w) => {
                self.visit_expr(&w.test)?;
                self.visit_body(&w.body)?;
                self.visit_body(&w.orelse)?;
            }
            Stmt::If(i) => {
                self.visit_expr(&i.test)?;
                self.visit_body(&i.body)?;
                for c in &i.elif_else_clauses {
                    if let Some(t) = &c.test {
                        self.visit_expr(t)?;
                    }
                    self.visit_body(&c.body)?;
                }
            }
            Stmt::With(w) => {
                for item in &w.items {
                    self.visit_expr(&item.context_expr)?;
                    if let Some(v) = &item.optional_vars {
                        self.visit_expr(v)?;
                    }
                }
                self.visit_body(&w.body)?;
                if w.is_async {
                    self.cur().is_coroutine = true;
                }
            }
            Stmt::Match(m) => {
                self.visit_expr(&m.subject)?;
                for c in &m.cases {
                    self.visit_pattern(&c.pattern)?;
                    if let Some(g) = &c.guard {
                        self.visit_expr(g)?;
                    }
                    self.visit_body(&c.body)?;
                }
            }
            Stmt::Raise(r) => {
                if let Some(e) = &r.exc {
                    self.visit_expr(e)?;
                }
                if let Some(c) = &r.cause {
                    self.visit_expr(c)?;
                }
            }
            Stmt::Try(t) => {
                self.visit_body(&t.body)?;
                self.visit_body(&t.orelse)?;
                for h in &t.handlers {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    if let Some(ty) = &h.type_ {
                        self.visit_expr(ty)?;
                    }
                    if let Some(n) = &h.name {
                        self.add_def(n.id.as_str(), DEF_LOCAL, n.range)?;
                    }
                    self.visit_body(&h.body)?;
                }
                self.visit_body(&t.finalbody)?;
            }
            Stmt::Assert(a) => {
                self.visit_expr(&a.test)?;
                if let Some(m) = &a.msg {
                    self.visit_expr(m)?;
                }
            }
            Stmt::Import(i) => {
                for a in &i.names {
                    self.visit_alias(a)?;
                }
            }
            Stmt::ImportFrom(i) => {
                for a in &i.names {
                    if a.name.id.as_str() == "*" {
                        if self.cur().kind != BlockKind::Module {
                            return Err(self.err("import * only allowed at module level", a.range));
                        }
                        continue;
                    }
                    self.visit_alias(a)?;
                }
            }
            Stmt::Global(g) => {
                for n in &g.names {
                    let name = mangle(self.private.as_deref(), n.id.as_str());
                    let cur = self.cur().flags(&name);
                    if cur & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT) != 0 {
                        let msg = if cur & DEF_PARAM != 0 {
                            format!("name '{}' is parameter and global", n.id)
                        } else if cur & USE != 0 {
                            format!("name '{}' is used prior to global declaration", n.id)
                        } else if cur & DEF_ANNOT != 0 {
                            format!("annotated name '{}' can't be global", n.id)
                        } else {
                            format!("name '{}' is assigned to before global declaration", n.id)
                        };
                        return Err(self.err(msg, g.range));
                    }
                    self.add_def(n.id.as_str(), DEF_GLOBAL, n.range)?;
                    self.cur().directives.insert(name, g.range);
                }
            }
            Stmt::Nonlocal(g) => {
                for n in &g.names {
                    let name = mangle(self.private.as_deref(), n.id.as_str());
                    let cur = self.cur().flags(&name);
                    if cur & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT) != 0 {
                        let msg = if cur & DEF_PARAM != 0 {
                            format!("name '{}' is parameter and nonlocal", n.id)
                        } else if cur & USE != 0 {
                            format!("name '{}' is used prior to nonlocal declaration", n.id)
                        } else if cur & DEF_ANNOT != 0 {
                            format!("annotated name '{}' can't be nonlocal", n.id)
                        } else {
                            format!("name '{}' is assigned to before nonlocal declaration", n.id)
                        };
                        return Err(self.err(msg, g.range));
                    }
                    self.add_def(n.id.as_str(), DEF_NONLOCAL, n.range)?;
                    self.cur().directives.insert(name, g.range);
                }
            }
            Stmt::Expr(e) => self.visit_expr(&e.value)?,
            Stmt::Pass(_) | Stmt::Break(_) | Stmt::Continue(_) => {}
            Stmt::IpyEscapeCommand(c) => return Err(self.err("invalid syntax", c.range)),
        }
        Ok(())
    }

    fn visit_alias(&mut self, a: &ast::Alias) -> R {
        let store = match &a.asname {
            Some(n) => n.id.to_string(),
            None => a.name.id.split('.').next().unwrap_or("").to_string(),
        };
        self.add_def(&store, DEF_IMPORT, a.range)
    }

    fn visit_pattern(&mut self, p: &Pattern) -> R {
        match p {
            Pattern::MatchValue(v) => self.visit_expr(&v.value)?,
            Pattern::MatchSingleton(_) => {}
            Pattern::MatchSequence(s) => {
                for p in &s.patterns {
                    self.visit_pattern(p)?;
                }
            }
            Pattern::MatchMapping(m) => {
                for k in m.keys.iter() {
                    self.visit_expr(k)?;
                }
                for p in m.patterns.iter() {
                    self.visit_pattern(p)?;
                }
                if let Some(r) = &m.rest {
                    self.add_def(r.id.as_str(), DEF_LOCAL, r.range)?;
                }
            }
            Pattern::MatchClass(c) => {
                self.visit_expr(&c.cls)?;
                for p in c.arguments.patterns.iter() {
                    self.visit_pattern(p)?;
                }
                for k in &c.arguments.keywords {
                    self.visit_pattern(&k.pattern)?;
                }
            }
            Pattern::MatchStar(s) => {
                if let Some(n) = &s.name {
                    self.add_def(n.id.as_str(), DEF_LOCAL, n.range)?;
                }
            }
            Pattern::MatchAs(a) => {
                if let Some(p) = &a.pattern {
                    self.visit_pattern(p)?;
                }
                if let Some(n) = &a.name {
                    self.add_def(n.id.as_str(), DEF_LOCAL, n.range)?;
                }
            }
            Pattern::MatchOr(o) => {
                for p in &o.patterns {
                    self.visit_pattern(p)?;
                }
            }
        }
        Ok(())
    }

    fn visit_comprehension<T>(
        &mut self,
        node: &T,
        range: TextRange,
        kind: CompKind,
        generators: &[ast::Comprehension],
        elt: &Expr,
        value: Option<&Expr>,
    ) -> R {
        let Some(first) = generators.first() else { return Ok(()) };
        self.cur().comp_iter_expr += 1;
        self.visit_expr(&first.iter)?;
        self.cur().comp_iter_expr -= 1;
        let name = match kind {
            CompKind::List => "listcomp",
            CompKind::Set => "setcomp",
            CompKind::Dict => "dictcomp",
            _ => "genexpr",
        };
        self.enter(BlockKind::Function, name, node, range);
        self.cur().comprehension = kind;
        if first.is_async {
            self.cur().is_coroutine = true;
        }
        self.add_def(".0", DEF_PARAM, range)?;
        self.cur().comp_iter_target = true;
        self.visit_expr(&first.target)?;
        self.cur().comp_iter_target = false;
        for i in &first.ifs {
            self.visit_expr(i)?;
        }
        for g in &generators[1..] {
            self.cur().comp_iter_target = true;
            self.visit_expr(&g.target)?;
            self.cur().comp_iter_target = false;
            self.cur().comp_iter_expr += 1;
            self.visit_expr(&g.iter)?;
            self.cur().comp_iter_expr -= 1;
            for i in &g.ifs {
                self.visit_expr(i)?;
            }
            if g.is_async {
                self.cur().is_coroutine = true;
            }
        }
        if let Some(v) = value {
            self.visit_expr(v)?;
        }
        self.visit_expr(elt)?;
        let is_gen = kind == CompKind::Generator;
        self.cur().is_generator = is_gen;
        let is_async = self.cur().is_coroutine && !is_gen;
        self.exit();
        if is_async {
            self.cur().is_coroutine = true;
        }
        Ok(())
    }

    fn handle_namedexpr(&mut self, n: &ast::ExprNamed) -> R {
        if self.cur().comp_iter_expr > 0 {
            return Err(self.err("assignment expression cannot be used in a comprehension iterable expression", n.range));
        }
        if self.cur().comprehension != CompKind::None {
            let Expr::Name(target) = &*n.target else {
                return Err(self.err("cannot use assignment expressions with this target", n.target.range()));
            };
            let name = target.id.as_str();
            for i in (0..self.stack.len()).rev() {
                let idx = self.stack[i];
                let e = &self.entries[idx];
                if e.comprehension != CompKind::None {
                    if e.flags(name) & DEF_COMP_ITER != 0 {
                        return Err(self.err(
                            format!("assignment expression cannot rebind comprehension iteration variable '{name}'"),
                            target.range,
                        ));
                    }
                    continue;
                }
                match e.kind {
                    BlockKind::Function => {
                        if e.flags(name) & DEF_GLOBAL != 0 {
                            self.add_def(name, DEF_GLOBAL, target.range)?;
                        } else {
                            self.add_def(name, DEF_NONLOCAL, target.range)?;
                        }
                        self.add_def_in(idx, name, DEF_LOCAL, target.range)?;
                    }
                    BlockKind::Module => {
                        self.add_def(name, DEF_GLOBAL, target.range)?;
                        self.add_def_in(idx, name, DEF_GLOBAL, target.range)?;
                    }
                    BlockKind::Class => {
                        return Err(self.err(
                            "assignment expression within a comprehension cannot be used in a class body",
                            n.range,
                        ));
                    }
                }
                break;
            }
        }
        self.visit_expr(&n.value)?;
        self.visit_expr(&n.target)
    }

    fn visit_fstring_elements(&mut self, elements: &ast::InterpolatedStringElements) -> R {
        for el in elements.iter() {
            if let ast::InterpolatedStringElement::Interpolation(i) = el {
                self.visit_expr(&i.expression)?;
                if let Some(spec) = &i.format_spec {
                    self.visit_fstring_elements(&spec.elements)?;
                }
            }
        }
        Ok(())
    }

    fn visit_expr(&mut self, e: &Expr) -> R {
        match e {
            Expr::BoolOp(b) => {
                for v in &b.values {
                    self.visit_expr(v)?;
                }
            }
            Expr::Named(n) => self.handle_namedexpr(n)?,
            Expr::BinOp(b) => {
                self.visit_expr(&b.left)?;
                self.visit_expr(&b.right)?;
            }
            Expr::UnaryOp(u) => self.visit_expr(&u.operand)?,
            Expr::Lambda(l) => {
                if let Some(p) = &l.parameters {
                    self.visit_defaults(p)?;
                }
                self.enter(BlockKind::Function, "lambda", l, l.range);
                if let Some(p) = &l.parameters {
                    self.visit_params(p)?;
                }
                self.visit_expr(&l.body)?;
                self.exit();
            }
            Expr::If(i) => {
                self.visit_expr(&i.test)?;
                self.visit_expr(&i.body)?;
                self.visit_expr(&i.orelse)?;
            }
            Expr::Dict(d) => {
                for item in &d.items {
                    if let Some(k) = &item.key {
                        self.visit_expr(k)?;
                    }
                    self.visit_expr(&item.value)?;
                }
            }
            Expr::Set(s) => {
                for v in &s.elts {
                    self.visit_expr(v)?;
                }
            }
            Expr::ListComp(c) => self.visit_comprehension(c, c.range, CompKind::List, &c.generators, &c.elt, None)?,
            Expr::SetComp(c) => self.visit_comprehension(c, c.range, CompKind::Set, &c.generators, &c.elt, None)?,
            Expr::DictComp(c) => {
                let Some(key) = &c.key else {
                    return Err(self.err("dict unpacking cannot be used in dict comprehension", c.range));
                };
                self.visit_comprehension(c, c.range, CompKind::Dict, &c.generators, key, Some(&c.value))?
            }
            Expr::Generator(c) => self.visit_comprehension(c, c.range, CompKind::Generator, &c.generators, &c.elt, None)?,
            Expr::Await(a) => {
                self.visit_expr(&a.value)?;
                self.cur().is_coroutine = true;
            }
            Expr::Yield(y) => {
                if let Some(v) = &y.value {
                    self.visit_expr(v)?;
                }
                self.yield_check(y.range)?;
            }
            Expr::YieldFrom(y) => {
                self.visit_expr(&y.value)?;
                self.yield_check(y.range)?;
            }
            Expr::Compare(c) => {
                self.visit_expr(&c.left)?;
                for v in c.comparators.iter() {
                    self.visit_expr(v)?;
                }
            }
            Expr::Call(c) => {
                self.visit_expr(&c.func)?;
                for a in c.arguments.args.iter() {
                    self.visit_expr(a)?;
                }
                for k in c.arguments.keywords.iter() {
                    self.visit_expr(&k.value)?;
                }
            }
            Expr::FString(f) => {
                for part in f.value.iter() {
                    if let ast::FStringPart::FString(fs) = part {
                        self.visit_fstring_elements(&fs.elements)?;
                    }
                }
            }
            Expr::TString(t) => return Err(self.err("template strings are not supported", t.range)),
            Expr::StringLiteral(_)
            | Expr::BytesLiteral(_)
            | Expr::NumberLiteral(_)
            | Expr::BooleanLiteral(_)
            | Expr::NoneLiteral(_)
            | Expr::EllipsisLiteral(_) => {}
            Expr::Attribute(a) => self.visit_expr(&a.value)?,
            Expr::Subscript(s) => {
                self.visit_expr(&s.value)?;
                self.visit_expr(&s.slice)?;
            }
            Expr::Starred(s) => self.visit_expr(&s.value)?,
            Expr::Name(n) => {
                let flag = if n.ctx == ast::ExprContext::Load { USE } else { DEF_LOCAL };
                self.add_def(n.id.as_str(), flag, n.range)?;
                if n.ctx == ast::ExprContext::Load
                    && self.cur().kind == BlockKind::Function
                    && n.id.as_str() == "super"
                {
                    self.add_def("__class__", USE, n.range)?;
                }
            }
            Expr::List(l) => {
                for v in &l.elts {
                    self.visit_expr(v)?;
                }
            }
            Expr::Tuple(t) => {
                for v in &t.elts {
                    self.visit_expr(v)?;
                }
            }
            Expr::Slice(s) => {
                for v in [&s.lower, &s.upper, &s.step].into_iter().flatten() {
                    self.visit_expr(v)?;
                }
            }
            Expr::IpyEscapeCommand(c) => return Err(self.err("invalid syntax", c.range)),
        }
        Ok(())
    }

    fn yield_check(&mut self, range: TextRange) -> R {
        self.cur().is_generator = true;
        let comp = self.cur().comprehension;
        let what = match comp {
            CompKind::None => return Ok(()),
            CompKind::List => "list comprehension",
            CompKind::Set => "set comprehension",
            CompKind::Dict => "dict comprehension",
            CompKind::Generator => "generator expression",
        };
        Err(self.err(format!("'yield' inside {what}"), range))
    }
}

fn err_at(parsed: &Parsed, msg: String, range: TextRange) -> CompileError {
    parsed.lines.error(&parsed.filename, SyntaxErrorKind::SyntaxError, msg, range)
}

fn analyze_name(
    e: &mut Entry,
    scopes: &mut HashMap<String, Scope>,
    name: &str,
    flags: u32,
    bound: Option<&HashSet<String>>,
    local: &mut HashSet<String>,
    free: &mut HashSet<String>,
    global: &mut HashSet<String>,
    parsed: &Parsed,
) -> R<Option<String>> {
    let directive = e.directives.get(name).copied().unwrap_or(e.range);
    if flags & DEF_GLOBAL != 0 {
        if flags & DEF_NONLOCAL != 0 {
            return Err(err_at(parsed, format!("name '{name}' is nonlocal and global"), directive));
        }
        scopes.insert(name.to_string(), Scope::GlobalExplicit);
        global.insert(name.to_string());
        return Ok(Some(name.to_string())); // removed from bound by the caller
    }
    if flags & DEF_NONLOCAL != 0 {
        let Some(bound) = bound else {
            return Err(err_at(parsed, "nonlocal declaration not allowed at module level".into(), directive));
        };
        if !bound.contains(name) {
            return Err(err_at(parsed, format!("no binding for nonlocal '{name}' found"), directive));
        }
        scopes.insert(name.to_string(), Scope::Free);
        e.free = true;
        free.insert(name.to_string());
        return Ok(None);
    }
    if flags & DEF_BOUND != 0 {
        scopes.insert(name.to_string(), Scope::Local);
        local.insert(name.to_string());
        global.remove(name);
        return Ok(None);
    }
    if let Some(b) = bound {
        if b.contains(name) {
            scopes.insert(name.to_string(), Scope::Free);
            e.free = true;
            free.insert(name.to_string());
            return Ok(None);
        }
    }
    if global.contains(name) {
        scopes.insert(name.to_string(), Scope::GlobalImplicit);
        return Ok(None);
    }
    if e.nested {
        e.free = true;
    }
    scopes.insert(name.to_string(), Scope::GlobalImplicit);
    Ok(None)
}

fn is_free_in_any_child(table: &SymbolTable, idx: usize, name: &str) -> bool {
    table.entries[idx].children.iter().any(|&c| table.entries[c].scope_of(name) == Scope::Free)
}

fn analyze_block(
    table: &mut SymbolTable,
    idx: usize,
    mut bound: Option<&mut HashSet<String>>,
    free: &mut HashSet<String>,
    global: &mut HashSet<String>,
    parsed: &Parsed,
) -> R {
    let mut local = HashSet::new();
    let mut scopes: HashMap<String, Scope> = HashMap::new();
    let mut newglobal = HashSet::new();
    let mut newfree = HashSet::new();
    let mut newbound = HashSet::new();
    let mut inlined_cells = HashSet::new();
    let kind = table.entries[idx].kind;
    if kind == BlockKind::Class {
        newglobal.extend(global.iter().cloned());
        if let Some(b) = bound.as_deref() {
            newbound.extend(b.iter().cloned());
        }
    }
    let names = table.entries[idx].names.clone();
    for name in &names {
        let flags = table.entries[idx].flags(name);
        let e = &mut table.entries[idx];
        if let Some(g) = analyze_name(e, &mut scopes, name, flags, bound.as_deref(), &mut local, free, global, parsed)? {
            if let Some(b) = bound.as_deref_mut() {
                b.remove(&g);
            }
        }
    }
    if kind != BlockKind::Class {
        if kind == BlockKind::Function {
            newbound.extend(local.iter().cloned());
        }
        if let Some(b) = bound.as_deref() {
            newbound.extend(b.iter().cloned());
        }
        newglobal.extend(global.iter().cloned());
    } else {
        newbound.insert("__class__".to_string());
        newbound.insert("__classdict__".to_string());
    }
    let children = table.entries[idx].children.clone();
    for &child in &children {
        let inline = table.entries[child].comprehension != CompKind::None
            && table.entries[child].comprehension != CompKind::Generator
            && !table.entries[child].is_generator;
        let mut child_bound = newbound.clone();
        let mut child_free = newfree.clone();
        let mut child_global = newglobal.clone();
        analyze_block(table, child, Some(&mut child_bound), &mut child_free, &mut child_global, parsed)?;
        if inline {
            inline_comprehension(table, idx, child, &mut scopes, &mut child_free, &mut inlined_cells);
            table.entries[child].comp_inlined = true;
        }
        newfree.extend(child_free);
        if table.entries[child].free || table.entries[child].child_free {
            table.entries[idx].child_free = true;
        }
    }
    // Splice the children of inlined comprehensions into ours.
    let mut spliced = Vec::new();
    for &child in &children {
        if table.entries[child].comp_inlined {
            spliced.extend(table.entries[child].children.clone());
        } else {
            spliced.push(child);
        }
    }
    table.entries[idx].children = spliced;

    if kind == BlockKind::Function {
        // analyze_cells
        for (name, sc) in scopes.iter_mut() {
            if *sc != Scope::Local {
                continue;
            }
            if !newfree.contains(name) && !inlined_cells.contains(name) {
                continue;
            }
            *sc = Scope::Cell;
            newfree.remove(name);
        }
    } else if kind == BlockKind::Class && newfree.remove("__class__") {
        table.entries[idx].needs_class_closure = true;
    }
    if kind == BlockKind::Class {
        newfree.remove("__classdict__");
    }
    // update_symbols
    let e = &mut table.entries[idx];
    for name in e.names.clone() {
        let mut flags = e.flags(&name);
        if inlined_cells.contains(&name) {
            flags |= DEF_COMP_CELL;
        }
        let scope = scopes.get(&name).copied().unwrap_or(Scope::Unknown);
        e.symbols.insert(name.clone(), Symbol { flags, scope });
    }
    let mut newfree_sorted: Vec<_> = newfree.iter().cloned().collect();
    newfree_sorted.sort();
    for name in newfree_sorted {
        if let Some(sym) = e.symbols.get_mut(&name) {
            if kind == BlockKind::Class {
                sym.flags |= DEF_FREE_CLASS;
            }
            continue;
        }
        if let Some(b) = bound.as_deref() {
            if !b.contains(&name) {
                continue;
            }
        }
        e.set_symbol(&name, Symbol { flags: 0, scope: Scope::Free });
    }
    free.extend(newfree);
    Ok(())
}

fn inline_comprehension(
    table: &mut SymbolTable,
    parent: usize,
    comp: usize,
    scopes: &mut HashMap<String, Scope>,
    comp_free: &mut HashSet<String>,
    inlined_cells: &mut HashSet<String>,
) {
    let names = table.entries[comp].names.clone();
    let parent_kind = table.entries[parent].kind;
    let mut remove_dunder_class = false;
    for name in names {
        let sym = table.entries[comp].symbols[&name].clone();
        if sym.flags & DEF_PARAM != 0 {
            continue;
        }
        if sym.scope == Scope::Cell || sym.flags & DEF_COMP_CELL != 0 {
            inlined_cells.insert(name.clone());
        }
        if sym.scope == Scope::Free && parent_kind == BlockKind::Class && name == "__class__" {
            remove_dunder_class = true;
            if !is_free_in_any_child(table, comp, &name) {
                comp_free.remove(&name);
            }
        }
        match table.entries[parent].symbols.get(&name) {
            None => {
                table.entries[parent].set_symbol(&name, Symbol { flags: sym.flags, scope: Scope::Unknown });
                scopes.insert(name.clone(), sym.scope);
            }
            Some(existing) => {
                if existing.flags & DEF_BOUND != 0
                    && !is_free_in_any_child(table, comp, &name)
                    && parent_kind != BlockKind::Class
                {
                    comp_free.remove(&name);
                }
            }
        }
    }
    if remove_dunder_class {
        table.entries[comp].remove_symbol("__class__");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Mode;

    fn table(src: &str) -> SymbolTable {
        let p = crate::parse::parse(src, "t.py", Mode::Exec).unwrap();
        build(&p, src).unwrap()
    }

    fn err(src: &str) -> String {
        let p = crate::parse::parse(src, "t.py", Mode::Exec).unwrap();
        match build(&p, src) {
            Err(e) => e.msg,
            Ok(_) => String::new(),
        }
    }

    fn find(t: &SymbolTable, name: &str) -> usize {
        t.entries.iter().position(|e| e.name == name).unwrap()
    }

    #[test]
    fn function_scopes() {
        let t = table("x = 1\ndef f(a):\n    b = a\n    def g():\n        return a + x\n    return g\n");
        let f = &t.entries[find(&t, "f")];
        assert_eq!(f.scope_of("a"), Scope::Cell);
        assert_eq!(f.scope_of("b"), Scope::Local);
        let g = &t.entries[find(&t, "g")];
        assert_eq!(g.scope_of("a"), Scope::Free);
        assert_eq!(g.scope_of("x"), Scope::GlobalImplicit);
        assert_eq!(t.entries[0].scope_of("x"), Scope::Local);
    }

    #[test]
    fn global_and_nonlocal() {
        let t = table("def f():\n    global y\n    y = 1\n    z = 2\n    def g():\n        nonlocal z\n        z = 3\n");
        let f = &t.entries[find(&t, "f")];
        assert_eq!(f.scope_of("y"), Scope::GlobalExplicit);
        assert_eq!(f.scope_of("z"), Scope::Cell);
        let g = &t.entries[find(&t, "g")];
        assert_eq!(g.scope_of("z"), Scope::Free);
    }

    #[test]
    fn class_closure() {
        let t = table("class C:\n    def m(self):\n        return super().m()\n");
        let c = &t.entries[find(&t, "C")];
        assert!(c.needs_class_closure);
        let m = &t.entries[find(&t, "m")];
        assert_eq!(m.scope_of("__class__"), Scope::Free);
    }

    #[test]
    fn class_names_invisible_to_methods() {
        let t = table("class C:\n    x = 1\n    def m(self):\n        return x\n");
        let m = &t.entries[find(&t, "m")];
        assert_eq!(m.scope_of("x"), Scope::GlobalImplicit);
    }

    #[test]
    fn inlined_comprehension() {
        let t = table("def f(n):\n    return [y for y in n]\n");
        let f = &t.entries[find(&t, "f")];
        assert_eq!(f.scope_of("y"), Scope::Local);
        let lc = &t.entries[find(&t, "listcomp")];
        assert!(lc.comp_inlined);
        let t = table("def f(n):\n    return (y for y in n)\n");
        let g = &t.entries[find(&t, "genexpr")];
        assert!(!g.comp_inlined);
        assert!(g.is_generator);
    }

    #[test]
    fn walrus_in_comprehension_binds_outer() {
        let t = table("def f(n):\n    [z := y for y in n]\n    return z\n");
        let f = &t.entries[find(&t, "f")];
        assert_eq!(f.scope_of("z"), Scope::Local);
    }

    #[test]
    fn mangling() {
        assert_eq!(mangle(Some("C"), "__x"), "_C__x");
        assert_eq!(mangle(Some("_C"), "__x"), "_C__x");
        assert_eq!(mangle(Some("C"), "__x__"), "__x__");
        assert_eq!(mangle(Some("__"), "__x"), "__x");
        assert_eq!(mangle(None, "__x"), "__x");
    }

    #[test]
    fn errors() {
        assert_eq!(err("def f():\n    x = 1\n    global x\n"), "name 'x' is assigned to before global declaration");
        assert_eq!(err("def f():\n    print(x)\n    global x\n"), "name 'x' is used prior to global declaration");
        assert_eq!(err("def f(x):\n    global x\n"), "name 'x' is parameter and global");
        assert_eq!(err("nonlocal x\n"), "nonlocal declaration not allowed at module level");
        assert_eq!(err("def f():\n    nonlocal x\n"), "no binding for nonlocal 'x' found");
        assert_eq!(err("def f(a, a):\n    pass\n"), "duplicate argument 'a' in function definition");
        assert_eq!(err("def f():\n    from m import *\n"), "import * only allowed at module level");
        assert_eq!(err("[(yield) for x in y]\n"), "'yield' inside list comprehension");
    }
}
