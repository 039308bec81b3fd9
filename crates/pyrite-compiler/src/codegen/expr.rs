//! Expression code generation (CPython: `compiler_visit_expr` and friends in `Python/compile.c`).

use pyrite_bytecode::opcode::{binop, intrinsic1};
use pyrite_bytecode::{Constant, Opcode};

use super::{Compiler, ScopeType, R, STACK_USE_GUIDELINE};
use crate::flowgraph::{Loc, NO_LOC};
use crate::fold;
use crate::parse::ast::{self, CmpOp, Expr, ExprContext, Operator};
use crate::parse::{Ranged, TextRange};
use crate::symtable::{self, Scope};

#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum CompKind {
    List,
    Set,
    Dict,
    Gen,
}

pub(crate) fn binop_arg(op: Operator) -> u32 {
    match op {
        Operator::Add => binop::ADD,
        Operator::BitAnd => binop::AND,
        Operator::FloorDiv => binop::FLOOR_DIVIDE,
        Operator::LShift => binop::LSHIFT,
        Operator::MatMult => binop::MATRIX_MULTIPLY,
        Operator::Mult => binop::MULTIPLY,
        Operator::Mod => binop::REMAINDER,
        Operator::BitOr => binop::OR,
        Operator::Pow => binop::POWER,
        Operator::RShift => binop::RSHIFT,
        Operator::Sub => binop::SUBTRACT,
        Operator::Div => binop::TRUE_DIVIDE,
        Operator::BitXor => binop::XOR,
    }
}

/// `not (a is b)` and friends fold into the inverted comparison (ast_opt.c `fold_unaryop`).
pub(crate) fn inverted_compare(e: &Expr) -> Option<(&ast::ExprCompare, CmpOp)> {
    if let Expr::UnaryOp(u) = e {
        if u.op == ast::UnaryOp::Not {
            if let Expr::Compare(c) = &*u.operand {
                if c.ops.len() == 1 {
                    let inv = match c.ops[0] {
                        CmpOp::Is => CmpOp::IsNot,
                        CmpOp::IsNot => CmpOp::Is,
                        CmpOp::In => CmpOp::NotIn,
                        CmpOp::NotIn => CmpOp::In,
                        _ => return None,
                    };
                    if fold::const_value(e).is_none() {
                        return Some((c, inv));
                    }
                }
            }
        }
    }
    None
}

impl<'a> Compiler<'a> {
    pub fn visit_expr(&mut self, e: &'a Expr) -> R {
        let loc = self.loc(e);
        if let Some(c) = fold::const_value(e) {
            self.load_const(c, loc);
            return Ok(());
        }
        match e {
            Expr::BoolOp(b) => {
                let jump = if b.op == ast::BoolOp::And { Opcode::POP_JUMP_IF_FALSE } else { Opcode::POP_JUMP_IF_TRUE };
                let end = self.new_label();
                let n = b.values.len() - 1;
                for v in &b.values[..n] {
                    self.visit_expr(v)?;
                    self.emit(Opcode::COPY, 1, loc);
                    self.emit_jump(jump, end, loc);
                    self.emit(Opcode::POP_TOP, 0, loc);
                }
                self.visit_expr(&b.values[n])?;
                self.use_label(end);
            }
            Expr::Named(n) => {
                self.visit_expr(&n.value)?;
                self.emit(Opcode::COPY, 1, loc);
                self.visit_expr(&n.target)?;
            }
            Expr::BinOp(b) => {
                self.visit_expr(&b.left)?;
                self.visit_expr(&b.right)?;
                self.emit(Opcode::BINARY_OP, binop_arg(b.op), loc);
            }
            Expr::UnaryOp(u) => {
                if let Some((c, inv)) = inverted_compare(e) {
                    return self.compare(c, Some(inv), loc);
                }
                self.visit_expr(&u.operand)?;
                match u.op {
                    ast::UnaryOp::Invert => self.emit(Opcode::UNARY_INVERT, 0, loc),
                    ast::UnaryOp::Not => self.emit(Opcode::UNARY_NOT, 0, loc),
                    ast::UnaryOp::USub => self.emit(Opcode::UNARY_NEGATIVE, 0, loc),
                    ast::UnaryOp::UAdd => self.emit(Opcode::CALL_INTRINSIC_1, intrinsic1::UNARY_POSITIVE, loc),
                }
            }
            Expr::Lambda(l) => self.lambda(l)?,
            Expr::If(i) => {
                let end = self.new_label();
                let next = self.new_label();
                self.jump_if(&i.test, next, false)?;
                self.visit_expr(&i.body)?;
                self.emit_jump(Opcode::JUMP, end, NO_LOC);
                self.use_label(next);
                self.visit_expr(&i.orelse)?;
                self.use_label(end);
            }
            Expr::Dict(d) => self.dict(d, loc)?,
            Expr::Set(s) => self.starunpack(&s.elts, 0, Opcode::BUILD_SET, Opcode::SET_ADD, Opcode::SET_UPDATE, false, loc)?,
            Expr::List(l) => match l.ctx {
                ExprContext::Store => self.assignment_helper(&l.elts, loc)?,
                ExprContext::Del => {
                    for el in &l.elts {
                        self.visit_expr(el)?;
                    }
                }
                _ => self.starunpack(&l.elts, 0, Opcode::BUILD_LIST, Opcode::LIST_APPEND, Opcode::LIST_EXTEND, false, loc)?,
            },
            Expr::Tuple(t) => match t.ctx {
                ExprContext::Store => self.assignment_helper(&t.elts, loc)?,
                ExprContext::Del => {
                    for el in &t.elts {
                        self.visit_expr(el)?;
                    }
                }
                _ => self.starunpack(&t.elts, 0, Opcode::BUILD_LIST, Opcode::LIST_APPEND, Opcode::LIST_EXTEND, true, loc)?,
            },
            Expr::ListComp(c) => self.comprehension(c, c.range, CompKind::List, "<listcomp>", &c.generators, &c.elt, None)?,
            Expr::SetComp(c) => self.comprehension(c, c.range, CompKind::Set, "<setcomp>", &c.generators, &c.elt, None)?,
            Expr::DictComp(c) => {
                let Some(key) = &c.key else { return Err(self.error("dict unpacking cannot be used in dict comprehension", c.range)) };
                self.comprehension(c, c.range, CompKind::Dict, "<dictcomp>", &c.generators, key, Some(&c.value))?
            }
            Expr::Generator(c) => self.comprehension(c, c.range, CompKind::Gen, "<genexpr>", &c.generators, &c.elt, None)?,
            Expr::Await(a) => {
                if !self.is_function_like() {
                    return Err(self.error("'await' outside function", a.range));
                }
                if !matches!(self.uref().scope_type, ScopeType::AsyncFunction | ScopeType::Comprehension) {
                    return Err(self.error("'await' outside async function", a.range));
                }
                self.visit_expr(&a.value)?;
                self.emit(Opcode::GET_AWAITABLE, 0, loc);
                self.load_const(Constant::None, loc);
                self.add_yield_from(loc, true);
            }
            Expr::Yield(y) => {
                if !self.is_function_like() {
                    return Err(self.error("'yield' outside function", y.range));
                }
                match &y.value {
                    Some(v) => self.visit_expr(v)?,
                    None => self.load_const(Constant::None, loc),
                }
                self.add_yield(loc);
            }
            Expr::YieldFrom(y) => {
                if !self.is_function_like() {
                    return Err(self.error("'yield' outside function", y.range));
                }
                if self.uref().scope_type == ScopeType::AsyncFunction {
                    return Err(self.error("'yield from' inside async function", y.range));
                }
                self.visit_expr(&y.value)?;
                self.emit(Opcode::GET_YIELD_FROM_ITER, 0, loc);
                self.load_const(Constant::None, loc);
                self.add_yield_from(loc, false);
            }
            Expr::Compare(c) => self.compare(c, None, loc)?,
            Expr::Call(c) => self.call(c)?,
            Expr::FString(f) => self.fstring(f, loc)?,
            Expr::TString(t) => return Err(self.error("template strings are not supported", t.range)),
            Expr::StringLiteral(_)
            | Expr::BytesLiteral(_)
            | Expr::NumberLiteral(_)
            | Expr::BooleanLiteral(_)
            | Expr::NoneLiteral(_)
            | Expr::EllipsisLiteral(_) => {}
            Expr::Attribute(a) => {
                if a.ctx == ExprContext::Load {
                    if let Some(nargs) = self.can_optimize_super_call(a) {
                        self.load_args_for_super(&a.value)?;
                        let name = self.mangle(a.attr.id.as_str());
                        let i = self.u().add_name(&name);
                        let arg = (i << 2) | if nargs == 2 { 2 } else { 0 };
                        self.emit(Opcode::LOAD_SUPER_ATTR, arg, loc);
                        let l = self.attr_loc(loc, a);
                        self.emit(Opcode::NOP, 0, l);
                        return Ok(());
                    }
                }
                self.visit_expr(&a.value)?;
                let l = self.attr_loc(loc, a);
                let name = self.mangle(a.attr.id.as_str());
                match a.ctx {
                    ExprContext::Load => self.emit_name(Opcode::LOAD_ATTR, &name, l),
                    ExprContext::Store | ExprContext::Invalid => {
                        if a.attr.id.as_str() == "__debug__" {
                            return Err(self.error("cannot assign to __debug__", a.range));
                        }
                        self.emit_name(Opcode::STORE_ATTR, &name, l)
                    }
                    ExprContext::Del => self.emit_name(Opcode::DELETE_ATTR, &name, l),
                }
            }
            Expr::Subscript(s) => {
                self.visit_expr(&s.value)?;
                let two = match &*s.slice {
                    Expr::Slice(sl) if sl.step.is_none() && s.ctx != ExprContext::Del => Some(sl),
                    _ => None,
                };
                if let Some(sl) = two {
                    self.slice_parts(sl)?;
                    if s.ctx == ExprContext::Load {
                        self.emit(Opcode::BINARY_SLICE, 0, loc);
                    } else {
                        self.emit(Opcode::STORE_SLICE, 0, loc);
                    }
                } else {
                    self.visit_expr(&s.slice)?;
                    let op = match s.ctx {
                        ExprContext::Load => Opcode::BINARY_SUBSCR,
                        ExprContext::Store | ExprContext::Invalid => Opcode::STORE_SUBSCR,
                        ExprContext::Del => Opcode::DELETE_SUBSCR,
                    };
                    self.emit(op, 0, loc);
                }
            }
            Expr::Starred(s) => {
                return Err(match s.ctx {
                    ExprContext::Store => self.error("starred assignment target must be in a list or tuple", s.range),
                    _ => self.error("can't use starred expression here", s.range),
                });
            }
            Expr::Name(n) => self.nameop(n.id.as_str(), n.ctx, loc)?,
            Expr::Slice(sl) => {
                let n = self.slice_parts(sl)?;
                self.emit(Opcode::BUILD_SLICE, n, loc);
            }
            Expr::IpyEscapeCommand(c) => return Err(self.error("invalid syntax", c.range)),
        }
        Ok(())
    }

    /// `update_start_location_to_match_attr`.
    pub(crate) fn attr_loc(&self, mut loc: Loc, a: &ast::ExprAttribute) -> Loc {
        let al = self.loc(a);
        if loc.line != al.end_line {
            loc.line = al.end_line;
            let len = a.attr.id.as_str().chars().count() as i32;
            if len <= al.end_col {
                loc.col = al.end_col - len;
            } else {
                loc.col = -1;
                loc.end_col = -1;
            }
            loc.end_line = loc.end_line.max(loc.line);
            if loc.line == loc.end_line {
                loc.end_col = loc.end_col.max(loc.col);
            }
        }
        loc
    }

    fn slice_parts(&mut self, s: &'a ast::ExprSlice) -> R<u32> {
        let loc = self.loc(s);
        let mut n = 2;
        match &s.lower {
            Some(l) => self.visit_expr(l)?,
            None => self.load_const(Constant::None, loc),
        }
        match &s.upper {
            Some(u) => self.visit_expr(u)?,
            None => self.load_const(Constant::None, loc),
        }
        if let Some(st) = &s.step {
            n += 1;
            self.visit_expr(st)?;
        }
        Ok(n)
    }

    pub(crate) fn add_yield(&mut self, loc: Loc) {
        let ste = &self.uref().ste;
        if ste.is_generator && ste.is_coroutine {
            self.emit(Opcode::CALL_INTRINSIC_1, intrinsic1::ASYNC_GEN_WRAP, loc);
        }
        self.emit(Opcode::YIELD_VALUE, 0, loc);
        self.emit(Opcode::RESUME, 1, loc);
    }

    /// `compiler_add_yield_from`.
    pub(crate) fn add_yield_from(&mut self, loc: Loc, is_await: bool) {
        let send = self.new_label();
        let fail = self.new_label();
        let exit = self.new_label();
        self.use_label(send);
        self.emit_jump(Opcode::SEND, exit, loc);
        self.emit_jump(Opcode::SETUP_FINALLY, fail, loc);
        self.emit(Opcode::YIELD_VALUE, 0, loc);
        self.emit(Opcode::POP_BLOCK, 0, NO_LOC);
        self.emit(Opcode::RESUME, if is_await { 3 } else { 2 }, loc);
        self.emit_jump(Opcode::JUMP_NO_INTERRUPT, send, loc);
        self.use_label(fail);
        self.emit(Opcode::CLEANUP_THROW, 0, loc);
        self.use_label(exit);
        self.emit(Opcode::END_SEND, 0, loc);
    }

    fn cmp_op(&mut self, op: CmpOp, loc: Loc) {
        use pyrite_bytecode::opcode::cmp;
        let (opcode, arg) = match op {
            CmpOp::Eq => (Opcode::COMPARE_OP, (cmp::EQ << 4) | 8),
            CmpOp::NotEq => (Opcode::COMPARE_OP, (cmp::NE << 4) | 7),
            CmpOp::Lt => (Opcode::COMPARE_OP, (cmp::LT << 4) | 2),
            CmpOp::LtE => (Opcode::COMPARE_OP, (cmp::LE << 4) | 10),
            CmpOp::Gt => (Opcode::COMPARE_OP, (cmp::GT << 4) | 4),
            CmpOp::GtE => (Opcode::COMPARE_OP, (cmp::GE << 4) | 12),
            CmpOp::Is => (Opcode::IS_OP, 0),
            CmpOp::IsNot => (Opcode::IS_OP, 1),
            CmpOp::In => (Opcode::CONTAINS_OP, 0),
            CmpOp::NotIn => (Opcode::CONTAINS_OP, 1),
        };
        self.emit(opcode, arg, loc);
    }

    /// A comparator, with `x in [1, 2]` folded to a tuple (and `{1, 2}` to a frozenset).
    fn visit_comparator(&mut self, op: CmpOp, e: &'a Expr) -> R {
        if matches!(op, CmpOp::In | CmpOp::NotIn) {
            if let Some(c) = fold::fold_iter(e, true) {
                let l = self.loc(e);
                self.load_const(c, l);
                return Ok(());
            }
        }
        self.visit_expr(e)
    }

    fn compare(&mut self, c: &'a ast::ExprCompare, override_op: Option<CmpOp>, loc: Loc) -> R {
        self.visit_expr(&c.left)?;
        let n = c.ops.len() - 1;
        if n == 0 {
            let op = override_op.unwrap_or(c.ops[0]);
            self.visit_comparator(op, &c.comparators[0])?;
            self.cmp_op(op, loc);
            return Ok(());
        }
        let cleanup = self.new_label();
        for i in 0..n {
            self.visit_comparator(c.ops[i], &c.comparators[i])?;
            self.emit(Opcode::SWAP, 2, loc);
            self.emit(Opcode::COPY, 2, loc);
            self.cmp_op(c.ops[i], loc);
            self.emit(Opcode::COPY, 1, loc);
            self.emit_jump(Opcode::POP_JUMP_IF_FALSE, cleanup, loc);
            self.emit(Opcode::POP_TOP, 0, loc);
        }
        self.visit_comparator(c.ops[n], &c.comparators[n])?;
        self.cmp_op(c.ops[n], loc);
        let end = self.new_label();
        self.emit_jump(Opcode::JUMP, end, NO_LOC);
        self.use_label(cleanup);
        self.emit(Opcode::SWAP, 2, loc);
        self.emit(Opcode::POP_TOP, 0, loc);
        self.use_label(end);
        Ok(())
    }

    /// `compiler_jump_if`: jump to `next` if the truth of `e` equals `cond`.
    pub(crate) fn jump_if(&mut self, e: &'a Expr, next: usize, cond: bool) -> R {
        if fold::const_value(e).is_none() {
            match e {
                Expr::UnaryOp(u) if u.op == ast::UnaryOp::Not && inverted_compare(e).is_none() => {
                    return self.jump_if(&u.operand, next, !cond);
                }
                Expr::BoolOp(b) => {
                    let n = b.values.len() - 1;
                    let cond2 = b.op == ast::BoolOp::Or;
                    let mut next2 = next;
                    if cond2 != cond {
                        next2 = self.new_label();
                    }
                    for v in &b.values[..n] {
                        self.jump_if(v, next2, cond2)?;
                    }
                    self.jump_if(&b.values[n], next, cond)?;
                    if next2 != next {
                        self.use_label(next2);
                    }
                    return Ok(());
                }
                Expr::If(i) => {
                    let end = self.new_label();
                    let next2 = self.new_label();
                    self.jump_if(&i.test, next2, false)?;
                    self.jump_if(&i.body, next, cond)?;
                    self.emit_jump(Opcode::JUMP, end, NO_LOC);
                    self.use_label(next2);
                    self.jump_if(&i.orelse, next, cond)?;
                    self.use_label(end);
                    return Ok(());
                }
                Expr::Compare(c) if c.ops.len() > 1 => {
                    let loc = self.loc(e);
                    let n = c.ops.len() - 1;
                    let cleanup = self.new_label();
                    self.visit_expr(&c.left)?;
                    for i in 0..n {
                        self.visit_comparator(c.ops[i], &c.comparators[i])?;
                        self.emit(Opcode::SWAP, 2, loc);
                        self.emit(Opcode::COPY, 2, loc);
                        self.cmp_op(c.ops[i], loc);
                        self.emit_jump(Opcode::POP_JUMP_IF_FALSE, cleanup, loc);
                    }
                    self.visit_comparator(c.ops[n], &c.comparators[n])?;
                    self.cmp_op(c.ops[n], loc);
                    self.emit_jump(if cond { Opcode::POP_JUMP_IF_TRUE } else { Opcode::POP_JUMP_IF_FALSE }, next, loc);
                    let end = self.new_label();
                    self.emit_jump(Opcode::JUMP, end, NO_LOC);
                    self.use_label(cleanup);
                    self.emit(Opcode::POP_TOP, 0, loc);
                    if !cond {
                        self.emit_jump(Opcode::JUMP, next, NO_LOC);
                    }
                    self.use_label(end);
                    return Ok(());
                }
                _ => {}
            }
        }
        self.visit_expr(e)?;
        let loc = self.loc(e);
        self.emit_jump(if cond { Opcode::POP_JUMP_IF_TRUE } else { Opcode::POP_JUMP_IF_FALSE }, next, loc);
        Ok(())
    }

    /// `starunpack_helper`: build a list, set or tuple from elements that may be starred.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn starunpack(
        &mut self,
        elts: &'a [Expr],
        pushed: u32,
        build: Opcode,
        add: Opcode,
        extend: Opcode,
        tuple: bool,
        loc: Loc,
    ) -> R {
        let n = elts.len();
        if n > 2 {
            let consts: Option<Vec<Constant>> = elts.iter().map(fold::const_value).collect();
            if let Some(items) = consts {
                if tuple && pushed == 0 {
                    self.load_const(Constant::Tuple(items), loc);
                } else {
                    let folded = if add == Opcode::SET_ADD {
                        let mut uniq: Vec<Constant> = Vec::new();
                        for c in items {
                            if !uniq.iter().any(|x| fold::const_eq(x, &c)) {
                                uniq.push(c);
                            }
                        }
                        Constant::FrozenSet(uniq)
                    } else {
                        Constant::Tuple(items)
                    };
                    self.emit(build, pushed, loc);
                    self.load_const(folded, loc);
                    self.emit(extend, 1, loc);
                    if tuple {
                        self.emit(Opcode::CALL_INTRINSIC_1, intrinsic1::LIST_TO_TUPLE, loc);
                    }
                }
                return Ok(());
            }
        }
        let big = n + pushed as usize > STACK_USE_GUIDELINE;
        let seen_star = elts.iter().any(|e| matches!(e, Expr::Starred(_)));
        if !seen_star && !big {
            for e in elts {
                self.visit_expr(e)?;
            }
            let op = if tuple { Opcode::BUILD_TUPLE } else { build };
            self.emit(op, n as u32 + pushed, loc);
            return Ok(());
        }
        let mut built = false;
        if big {
            self.emit(build, pushed, loc);
            built = true;
        }
        for (i, e) in elts.iter().enumerate() {
            if let Expr::Starred(s) = e {
                if !built {
                    self.emit(build, i as u32 + pushed, loc);
                    built = true;
                }
                self.visit_expr(&s.value)?;
                self.emit(extend, 1, loc);
            } else {
                self.visit_expr(e)?;
                if built {
                    self.emit(add, 1, loc);
                }
            }
        }
        if tuple {
            self.emit(Opcode::CALL_INTRINSIC_1, intrinsic1::LIST_TO_TUPLE, loc);
        }
        Ok(())
    }

    /// `unpack_helper` + `assignment_helper`.
    pub(crate) fn assignment_helper(&mut self, elts: &'a [Expr], loc: Loc) -> R {
        let n = elts.len();
        let mut seen_star = false;
        for (i, e) in elts.iter().enumerate() {
            if matches!(e, Expr::Starred(_)) {
                if seen_star {
                    return Err(self.error_loc("multiple starred expressions in assignment", loc));
                }
                if i >= 256 || n - i - 1 >= (i32::MAX >> 8) as usize {
                    return Err(self.error_loc("too many expressions in star-unpacking assignment", loc));
                }
                self.emit(Opcode::UNPACK_EX, (i + ((n - i - 1) << 8)) as u32, loc);
                seen_star = true;
            }
        }
        if !seen_star {
            self.emit(Opcode::UNPACK_SEQUENCE, n as u32, loc);
        }
        for e in elts {
            match e {
                Expr::Starred(s) => self.visit_expr(&s.value)?,
                _ => self.visit_expr(e)?,
            }
        }
        Ok(())
    }

    fn subdict(&mut self, items: &'a [ast::DictItem], loc: Loc) -> R {
        let n = items.len();
        let big = n * 2 > STACK_USE_GUIDELINE;
        if n > 1 && !big {
            let keys: Option<Vec<Constant>> =
                items.iter().map(|it| it.key.as_ref().and_then(fold::const_value)).collect();
            if let Some(keys) = keys {
                for it in items {
                    self.visit_expr(&it.value)?;
                }
                self.load_const(Constant::Tuple(keys), loc);
                self.emit(Opcode::BUILD_CONST_KEY_MAP, n as u32, loc);
                return Ok(());
            }
        }
        if big {
            self.emit(Opcode::BUILD_MAP, 0, loc);
        }
        for it in items {
            if let Some(k) = &it.key {
                self.visit_expr(k)?;
            }
            self.visit_expr(&it.value)?;
            if big {
                self.emit(Opcode::MAP_ADD, 1, loc);
            }
        }
        if !big {
            self.emit(Opcode::BUILD_MAP, n as u32, loc);
        }
        Ok(())
    }

    fn dict(&mut self, d: &'a ast::ExprDict, loc: Loc) -> R {
        let items = &d.items[..];
        let n = items.len();
        let mut have_dict = false;
        let mut elements = 0usize;
        for i in 0..n {
            if items[i].key.is_none() {
                if elements > 0 {
                    self.subdict(&items[i - elements..i], loc)?;
                    if have_dict {
                        self.emit(Opcode::DICT_UPDATE, 1, loc);
                    }
                    have_dict = true;
                    elements = 0;
                }
                if !have_dict {
                    self.emit(Opcode::BUILD_MAP, 0, loc);
                    have_dict = true;
                }
                self.visit_expr(&items[i].value)?;
                self.emit(Opcode::DICT_UPDATE, 1, loc);
            } else if elements * 2 > STACK_USE_GUIDELINE {
                self.subdict(&items[i - elements..i + 1], loc)?;
                if have_dict {
                    self.emit(Opcode::DICT_UPDATE, 1, loc);
                }
                have_dict = true;
                elements = 0;
            } else {
                elements += 1;
            }
        }
        if elements > 0 {
            self.subdict(&items[n - elements..n], loc)?;
            if have_dict {
                self.emit(Opcode::DICT_UPDATE, 1, loc);
            }
            have_dict = true;
        }
        if !have_dict {
            self.emit(Opcode::BUILD_MAP, 0, loc);
        }
        Ok(())
    }

    fn fstring(&mut self, f: &'a ast::ExprFString, loc: Loc) -> R {
        // Flatten into CPython's JoinedStr values: merged literal runs and formatted values.
        enum Piece<'b> {
            /// Generalized UTF-8 (literal text may hold lone surrogates).
            Lit(Vec<u8>),
            Val(&'b ast::InterpolatedElement),
        }
        fn push_lit(pieces: &mut Vec<Piece>, s: &[u8]) {
            if s.is_empty() {
                return;
            }
            if let Some(Piece::Lit(last)) = pieces.last_mut() {
                last.extend_from_slice(s);
            } else {
                pieces.push(Piece::Lit(s.to_vec()));
            }
        }
        let mut pieces: Vec<Piece<'a>> = Vec::new();
        for part in f.value.iter() {
            match part {
                ast::FStringPart::Literal(l) => push_lit(&mut pieces, &crate::fold::literal_bytes(l.range.start().to_u32(), &l.value)),
                ast::FStringPart::FString(fs) => {
                    for el in fs.elements.iter() {
                        match el {
                            ast::InterpolatedStringElement::Literal(l) => push_lit(&mut pieces, &crate::fold::literal_bytes(l.range.start().to_u32(), &l.value)),
                            ast::InterpolatedStringElement::Interpolation(i) => {
                                if let Some(d) = &i.debug_text {
                                    let text = format!("{}{}{}", d.leading(), d.expression(), d.trailing());
                                    push_lit(&mut pieces, text.as_bytes());
                                }
                                pieces.push(Piece::Val(i));
                            }
                        }
                    }
                }
            }
        }
        if pieces.len() > STACK_USE_GUIDELINE {
            self.load_const(Constant::Str(String::new()), loc);
            let i = self.u().add_name("join");
            self.emit(Opcode::LOAD_ATTR, (i << 1) | 1, loc);
            self.emit(Opcode::BUILD_LIST, 0, loc);
            for p in &pieces {
                match p {
                    Piece::Lit(s) => self.load_const(crate::fold::str_constant(s.clone()), loc),
                    Piece::Val(v) => self.formatted_value(v)?,
                }
                self.emit(Opcode::LIST_APPEND, 1, loc);
            }
            self.emit(Opcode::CALL, 1, loc);
            return Ok(());
        }
        if pieces.is_empty() {
            self.load_const(Constant::Str(String::new()), loc);
            return Ok(());
        }
        let n = pieces.len();
        for p in &pieces {
            match p {
                Piece::Lit(s) => self.load_const(crate::fold::str_constant(s.clone()), loc),
                Piece::Val(v) => self.formatted_value(v)?,
            }
        }
        if n != 1 {
            self.emit(Opcode::BUILD_STRING, n as u32, loc);
        }
        Ok(())
    }

    fn formatted_value(&mut self, v: &'a ast::InterpolatedElement) -> R {
        use pyrite_bytecode::opcode::format;
        self.visit_expr(&v.expression)?;
        let loc = self.loc_of(v.range);
        let mut oparg = match v.conversion {
            ast::ConversionFlag::Str => format::CONV_STR,
            ast::ConversionFlag::Repr => format::CONV_REPR,
            ast::ConversionFlag::Ascii => format::CONV_ASCII,
            ast::ConversionFlag::None => {
                if v.debug_text.is_some() && v.format_spec.is_none() {
                    format::CONV_REPR
                } else {
                    format::CONV_NONE
                }
            }
        };
        if let Some(spec) = &v.format_spec {
            let sloc = self.loc_of(spec.range);
            let mut parts = 0u32;
            let mut lit = String::new();
            for el in spec.elements.iter() {
                match el {
                    ast::InterpolatedStringElement::Literal(l) => lit.push_str(&l.value),
                    ast::InterpolatedStringElement::Interpolation(i) => {
                        if !lit.is_empty() {
                            self.load_const(Constant::Str(std::mem::take(&mut lit)), sloc);
                            parts += 1;
                        }
                        if let Some(d) = &i.debug_text {
                            let text = format!("{}{}{}", d.leading(), d.expression(), d.trailing());
                            self.load_const(Constant::Str(text), sloc);
                            parts += 1;
                        }
                        self.formatted_value(i)?;
                        parts += 1;
                    }
                }
            }
            if !lit.is_empty() {
                self.load_const(Constant::Str(lit), sloc);
                parts += 1;
            }
            if parts != 1 {
                self.emit(Opcode::BUILD_STRING, parts, sloc);
            }
            oparg |= format::HAVE_SPEC;
        }
        self.emit(Opcode::FORMAT_VALUE, oparg, loc);
        Ok(())
    }

    // ---- calls ------------------------------------------------------------------------------

    fn is_import_originated(&self, e: &Expr) -> bool {
        if let Expr::Name(n) = e {
            return self.table.entries[0].flags(n.id.as_str()) & symtable::DEF_IMPORT != 0;
        }
        false
    }

    /// `can_optimize_super_call`: Some(number of explicit args) if `attr.value` is `super()`.
    fn can_optimize_super_call(&self, a: &ast::ExprAttribute) -> Option<usize> {
        let Expr::Call(call) = &*a.value else { return None };
        let Expr::Name(f) = &*call.func else { return None };
        if f.id.as_str() != "super" || a.attr.id.as_str() == "__class__" || !call.arguments.keywords.is_empty() {
            return None;
        }
        if self.uref().ste.scope_of("super") != Scope::GlobalImplicit {
            return None;
        }
        if self.table.entries[0].lookup("super").is_some() {
            return None;
        }
        let nargs = call.arguments.args.len();
        if nargs == 2 {
            if call.arguments.args.iter().any(|e| matches!(e, Expr::Starred(_))) {
                return None;
            }
            return Some(2);
        }
        if nargs != 0 {
            return None;
        }
        let u = self.uref();
        if u.argcount == 0 && u.posonlyargcount == 0 {
            return None;
        }
        if self.ref_type("__class__") == Scope::Free {
            return Some(0);
        }
        None
    }

    fn load_args_for_super(&mut self, e: &'a Expr) -> R {
        let Expr::Call(call) = e else { return Ok(()) };
        let Expr::Name(f) = &*call.func else { return Ok(()) };
        let floc = self.loc(f);
        self.nameop(f.id.as_str(), ExprContext::Load, floc)?;
        let loc = self.loc(e);
        if call.arguments.args.len() == 2 {
            self.visit_expr(&call.arguments.args[0])?;
            self.visit_expr(&call.arguments.args[1])?;
            return Ok(());
        }
        self.nameop("__class__", ExprContext::Load, loc)?;
        let first = self.uref().varnames.first().cloned().unwrap_or_default();
        self.nameop(&first, ExprContext::Load, loc)
    }

    fn validate_keywords(&self, kws: &[ast::Keyword]) -> R {
        for (i, k) in kws.iter().enumerate() {
            let Some(a) = &k.arg else { continue };
            if a.id.as_str() == "__debug__" {
                return Err(self.error("cannot assign to __debug__", k.range));
            }
            for other in &kws[i + 1..] {
                if let Some(b) = &other.arg {
                    if a.id == b.id {
                        return Err(self.error(format!("keyword argument repeated: {}", a.id), other.range));
                    }
                }
            }
        }
        Ok(())
    }

    fn call(&mut self, c: &'a ast::ExprCall) -> R {
        self.validate_keywords(&c.arguments.keywords)?;
        if self.maybe_optimize_method_call(c)? {
            return Ok(());
        }
        let floc = self.loc(&*c.func);
        self.emit(Opcode::PUSH_NULL, 0, floc);
        self.visit_expr(&c.func)?;
        let loc = self.loc(c);
        self.call_helper(loc, 0, &c.arguments.args, &c.arguments.keywords)
    }

    fn maybe_optimize_method_call(&mut self, c: &'a ast::ExprCall) -> R<bool> {
        let Expr::Attribute(meth) = &*c.func else { return Ok(false) };
        if meth.ctx != ExprContext::Load || self.is_import_originated(&meth.value) {
            return Ok(false);
        }
        let args = &c.arguments.args;
        let kws = &c.arguments.keywords;
        if args.len() + kws.len() + (!kws.is_empty()) as usize >= STACK_USE_GUIDELINE {
            return Ok(false);
        }
        if args.iter().any(|a| matches!(a, Expr::Starred(_))) || kws.iter().any(|k| k.arg.is_none()) {
            return Ok(false);
        }
        let mut loc = self.loc(meth);
        let name = self.mangle(meth.attr.id.as_str());
        if let Some(nargs) = self.can_optimize_super_call(meth) {
            self.load_args_for_super(&meth.value)?;
            let i = self.u().add_name(&name);
            let arg = (i << 2) | if nargs == 2 { 3 } else { 1 };
            self.emit(Opcode::LOAD_SUPER_ATTR, arg, loc);
        } else {
            self.visit_expr(&meth.value)?;
            loc = self.attr_loc(loc, meth);
            let i = self.u().add_name(&name);
            self.emit(Opcode::LOAD_ATTR, (i << 1) | 1, loc);
        }
        for a in args.iter() {
            self.visit_expr(a)?;
        }
        if !kws.is_empty() {
            for k in kws.iter() {
                self.visit_expr(&k.value)?;
            }
            self.kw_names(kws, loc);
        }
        let cl = self.loc(c);
        let cl = self.attr_loc(cl, meth);
        self.emit(Opcode::CALL, (args.len() + kws.len()) as u32, cl);
        Ok(true)
    }

    fn kw_names(&mut self, kws: &[ast::Keyword], loc: Loc) {
        let names: Vec<Constant> =
            kws.iter().map(|k| Constant::Str(k.arg.as_ref().map(|a| a.id.to_string()).unwrap_or_default())).collect();
        let i = self.u().add_const(Constant::Tuple(names));
        self.emit(Opcode::KW_NAMES, i, loc);
    }

    /// `compiler_call_helper`: `n` arguments are already on the stack.
    pub(crate) fn call_helper(&mut self, loc: Loc, n: u32, args: &'a [Expr], kws: &'a [ast::Keyword]) -> R {
        self.validate_keywords(kws)?;
        let nelts = args.len();
        let nkw = kws.len();
        let simple = nelts + nkw * 2 <= STACK_USE_GUIDELINE
            && !args.iter().any(|a| matches!(a, Expr::Starred(_)))
            && !kws.iter().any(|k| k.arg.is_none());
        if simple {
            for a in args {
                self.visit_expr(a)?;
            }
            if nkw > 0 {
                for k in kws {
                    self.visit_expr(&k.value)?;
                }
                self.kw_names(kws, loc);
            }
            self.emit(Opcode::CALL, n + (nelts + nkw) as u32, loc);
            return Ok(());
        }
        // ex_call
        let single_star = match args {
            [Expr::Starred(s)] if n == 0 => Some(s),
            _ => None,
        };
        if let Some(s) = single_star {
            self.visit_expr(&s.value)?;
        } else {
            self.starunpack(args, n, Opcode::BUILD_LIST, Opcode::LIST_APPEND, Opcode::LIST_EXTEND, true, loc)?;
        }
        if nkw > 0 {
            let mut have_dict = false;
            let mut nseen = 0usize;
            for (i, k) in kws.iter().enumerate() {
                if k.arg.is_none() {
                    if nseen > 0 {
                        self.subkwargs(&kws[i - nseen..i], loc)?;
                        if have_dict {
                            self.emit(Opcode::DICT_MERGE, 1, loc);
                        }
                        have_dict = true;
                        nseen = 0;
                    }
                    if !have_dict {
                        self.emit(Opcode::BUILD_MAP, 0, loc);
                        have_dict = true;
                    }
                    self.visit_expr(&k.value)?;
                    self.emit(Opcode::DICT_MERGE, 1, loc);
                } else {
                    nseen += 1;
                }
            }
            if nseen > 0 {
                self.subkwargs(&kws[nkw - nseen..], loc)?;
                if have_dict {
                    self.emit(Opcode::DICT_MERGE, 1, loc);
                }
            }
        }
        self.emit(Opcode::CALL_FUNCTION_EX, (nkw > 0) as u32, loc);
        Ok(())
    }

    fn subkwargs(&mut self, kws: &'a [ast::Keyword], loc: Loc) -> R {
        let n = kws.len();
        let big = n * 2 > STACK_USE_GUIDELINE;
        if n > 1 && !big {
            for k in kws {
                self.visit_expr(&k.value)?;
            }
            let keys: Vec<Constant> =
                kws.iter().map(|k| Constant::Str(k.arg.as_ref().map(|a| a.id.to_string()).unwrap_or_default())).collect();
            self.load_const(Constant::Tuple(keys), loc);
            self.emit(Opcode::BUILD_CONST_KEY_MAP, n as u32, loc);
            return Ok(());
        }
        if big {
            self.emit(Opcode::BUILD_MAP, 0, NO_LOC);
        }
        for k in kws {
            let name = k.arg.as_ref().map(|a| a.id.to_string()).unwrap_or_default();
            self.load_const(Constant::Str(name), loc);
            self.visit_expr(&k.value)?;
            if big {
                self.emit(Opcode::MAP_ADD, 1, NO_LOC);
            }
        }
        if !big {
            self.emit(Opcode::BUILD_MAP, n as u32, loc);
        }
        Ok(())
    }

    // ---- functions --------------------------------------------------------------------------

    /// Defaults and keyword-only defaults; returns the MAKE_FUNCTION flags.
    pub(crate) fn default_arguments(&mut self, p: &'a ast::Parameters, loc: Loc) -> R<u32> {
        use pyrite_bytecode::opcode::make_function;
        let mut flags = 0;
        let defaults: Vec<&'a Expr> =
            p.posonlyargs.iter().chain(p.args.iter()).filter_map(|a| a.default.as_deref()).collect();
        if !defaults.is_empty() {
            for d in &defaults {
                self.visit_expr(d)?;
            }
            self.emit(Opcode::BUILD_TUPLE, defaults.len() as u32, loc);
            flags |= make_function::DEFAULTS;
        }
        let mut keys = Vec::new();
        for a in p.kwonlyargs.iter() {
            if let Some(d) = &a.default {
                keys.push(Constant::Str(self.mangle(a.parameter.name.id.as_str())));
                self.visit_expr(d)?;
            }
        }
        if !keys.is_empty() {
            let n = keys.len() as u32;
            self.load_const(Constant::Tuple(keys), loc);
            self.emit(Opcode::BUILD_CONST_KEY_MAP, n, loc);
            flags |= make_function::KWDEFAULTS;
        }
        Ok(flags)
    }

    /// The source text of an annotation, for `from __future__ import annotations`.
    pub(crate) fn annotation_string(&self, e: &Expr) -> Constant {
        let r = e.range();
        let src = self.parsed.lines.source();
        let text = src.get(r.start().to_usize()..r.end().to_usize()).unwrap_or("");
        Constant::Str(text.split_whitespace().collect::<Vec<_>>().join(" "))
    }

    pub(crate) fn visit_annexpr(&mut self, e: &'a Expr) -> R {
        if self.future_annotations {
            let c = self.annotation_string(e);
            let l = self.loc(e);
            self.load_const(c, l);
            Ok(())
        } else {
            self.visit_expr(e)
        }
    }

    fn argannotation(&mut self, name: &str, ann: Option<&'a Expr>, count: &mut u32, loc: Loc) -> R {
        let Some(ann) = ann else { return Ok(()) };
        let mangled = self.mangle(name);
        self.load_const(Constant::Str(mangled), loc);
        if self.future_annotations {
            self.visit_annexpr(ann)?;
        } else if let Expr::Starred(s) = ann {
            self.visit_expr(&s.value)?;
            self.emit(Opcode::UNPACK_SEQUENCE, 1, loc);
        } else {
            self.visit_expr(ann)?;
        }
        *count += 2;
        Ok(())
    }

    /// `compiler_visit_annotations`: returns whether an annotations tuple was pushed.
    pub(crate) fn annotations(&mut self, p: &'a ast::Parameters, returns: Option<&'a Expr>, loc: Loc) -> R<bool> {
        let mut n = 0;
        for a in p.args.iter() {
            self.argannotation(a.parameter.name.id.as_str(), a.parameter.annotation.as_deref(), &mut n, loc)?;
        }
        for a in p.posonlyargs.iter() {
            self.argannotation(a.parameter.name.id.as_str(), a.parameter.annotation.as_deref(), &mut n, loc)?;
        }
        if let Some(v) = &p.vararg {
            self.argannotation(v.name.id.as_str(), v.annotation.as_deref(), &mut n, loc)?;
        }
        for a in p.kwonlyargs.iter() {
            self.argannotation(a.parameter.name.id.as_str(), a.parameter.annotation.as_deref(), &mut n, loc)?;
        }
        if let Some(k) = &p.kwarg {
            self.argannotation(k.name.id.as_str(), k.annotation.as_deref(), &mut n, loc)?;
        }
        self.argannotation("return", returns, &mut n, loc)?;
        if n > 0 {
            self.emit(Opcode::BUILD_TUPLE, n, loc);
            return Ok(true);
        }
        Ok(false)
    }

    fn check_debug_args(&self, p: &ast::Parameters) -> R {
        for a in p.posonlyargs.iter().chain(p.args.iter()).chain(p.kwonlyargs.iter()) {
            if a.parameter.name.id.as_str() == "__debug__" {
                return Err(self.error("cannot assign to __debug__", a.range));
            }
        }
        for v in [&p.vararg, &p.kwarg].into_iter().flatten() {
            if v.name.id.as_str() == "__debug__" {
                return Err(self.error("cannot assign to __debug__", v.range));
            }
        }
        Ok(())
    }

    pub(crate) fn check_debug_params(&self, p: &ast::Parameters) -> R {
        self.check_debug_args(p)
    }

    fn lambda(&mut self, l: &'a ast::ExprLambda) -> R {
        let loc = self.loc(l);
        let empty = ast::Parameters::default();
        let params: &ast::Parameters = l.parameters.as_deref().unwrap_or(&empty);
        self.check_debug_args(params)?;
        let flags = match &l.parameters {
            Some(p) => self.default_arguments(p, loc)?,
            None => 0,
        };
        let Some(ste) = self.table.entry_for(l) else {
            return Err(self.error("internal error: no symbol table for lambda", l.range));
        };
        self.enter_scope("<lambda>", ScopeType::Lambda, ste, loc.line)?;
        self.u().add_const(Constant::None);
        if let Some(p) = &l.parameters {
            self.u().argcount = (p.posonlyargs.len() + p.args.len()) as u32;
            self.u().posonlyargcount = p.posonlyargs.len() as u32;
            self.u().kwonlyargcount = p.kwonlyargs.len() as u32;
        }
        self.visit_expr(&l.body)?;
        let code = if self.uref().ste.is_generator {
            self.finish_unit(false)?
        } else {
            self.emit(Opcode::RETURN_VALUE, 0, Loc { line: loc.line, end_line: loc.line, col: 0, end_col: 0 });
            self.finish_unit(true)?
        };
        self.make_closure(code, flags, loc)
    }

    // ---- comprehensions ---------------------------------------------------------------------

    #[allow(clippy::too_many_arguments)]
    fn comprehension<T>(
        &mut self,
        node: &'a T,
        range: TextRange,
        kind: CompKind,
        name: &str,
        generators: &'a [ast::Comprehension],
        elt: &'a Expr,
        val: Option<&'a Expr>,
    ) -> R {
        let loc = self.loc_of(range);
        let Some(ste_idx) = self.table.entry_for(node) else {
            return Err(self.error("internal error: no symbol table for comprehension", range));
        };
        let entry = &self.table.entries[ste_idx];
        let inlined = entry.comp_inlined;
        let is_async_gen = entry.is_coroutine;
        let outer_scope = self.uref().scope_type;
        let outermost = &generators[0];
        let mut state = None;
        if inlined {
            self.visit_iter(&outermost.iter)?;
            if outermost.is_async {
                self.emit(Opcode::GET_AITER, 0, loc);
            } else {
                self.emit(Opcode::GET_ITER, 0, loc);
            }
            state = Some(self.push_inlined_comprehension_state(ste_idx, loc)?);
        } else {
            self.enter_scope(name, ScopeType::Comprehension, ste_idx, loc.line)?;
        }
        if is_async_gen
            && kind != CompKind::Gen
            && !matches!(outer_scope, ScopeType::AsyncFunction | ScopeType::Comprehension)
        {
            return Err(self.error("asynchronous comprehension outside of an asynchronous function", range));
        }
        if kind != CompKind::Gen {
            let op = match kind {
                CompKind::List => Opcode::BUILD_LIST,
                CompKind::Set => Opcode::BUILD_SET,
                _ => Opcode::BUILD_MAP,
            };
            self.emit(op, 0, loc);
            if inlined {
                self.emit(Opcode::SWAP, 2, loc);
            }
        }
        self.comprehension_generator(loc, generators, 0, 0, elt, val, kind, inlined)?;
        if let Some(state) = state {
            self.pop_inlined_comprehension_state(loc, state);
            return Ok(());
        }
        if kind != CompKind::Gen {
            self.emit(Opcode::RETURN_VALUE, 0, loc);
        } else {
            self.wrap_in_stopiteration_handler();
        }
        let code = self.finish_unit(true)?;
        self.make_closure(code, 0, loc)?;
        self.visit_iter(&outermost.iter)?;
        if outermost.is_async {
            self.emit(Opcode::GET_AITER, 0, loc);
        } else {
            self.emit(Opcode::GET_ITER, 0, loc);
        }
        self.emit(Opcode::CALL, 0, loc);
        if is_async_gen && kind != CompKind::Gen {
            self.emit(Opcode::GET_AWAITABLE, 0, loc);
            self.load_const(Constant::None, loc);
            self.add_yield_from(loc, true);
        }
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    fn comprehension_generator(
        &mut self,
        loc: Loc,
        generators: &'a [ast::Comprehension],
        gen_index: usize,
        depth: u32,
        elt: &'a Expr,
        val: Option<&'a Expr>,
        kind: CompKind,
        iter_on_stack: bool,
    ) -> R {
        let g = &generators[gen_index];
        if g.is_async {
            return self.async_comprehension_generator(loc, generators, gen_index, depth, elt, val, kind, iter_on_stack);
        }
        let mut depth = depth;
        let mut start = Some(self.new_label());
        let if_cleanup = self.new_label();
        let anchor = self.new_label();
        if !iter_on_stack {
            if gen_index == 0 {
                self.u().argcount = 1;
                self.emit(Opcode::LOAD_FAST, 0, loc);
            } else {
                let single = match &g.iter {
                    Expr::List(l) if l.elts.len() == 1 => Some(&l.elts[0]),
                    Expr::Tuple(t) if t.elts.len() == 1 => Some(&t.elts[0]),
                    _ => None,
                };
                match single {
                    Some(e) if !matches!(e, Expr::Starred(_)) => {
                        self.visit_expr(e)?;
                        start = None;
                    }
                    _ => {
                        self.visit_iter(&g.iter)?;
                        self.emit(Opcode::GET_ITER, 0, loc);
                    }
                }
            }
        }
        if let Some(start) = start {
            depth += 1;
            self.use_label(start);
            self.emit_jump(Opcode::FOR_ITER, anchor, loc);
        }
        self.visit_expr(&g.target)?;
        for cond in &g.ifs {
            self.jump_if(cond, if_cleanup, false)?;
        }
        let mut elt_loc = self.loc(elt);
        if gen_index + 1 < generators.len() {
            self.comprehension_generator(loc, generators, gen_index + 1, depth, elt, val, kind, false)?;
        } else {
            match kind {
                CompKind::Gen => {
                    self.visit_expr(elt)?;
                    self.add_yield(elt_loc);
                    self.emit(Opcode::POP_TOP, 0, elt_loc);
                }
                CompKind::List => {
                    self.visit_expr(elt)?;
                    self.emit(Opcode::LIST_APPEND, depth + 1, elt_loc);
                }
                CompKind::Set => {
                    self.visit_expr(elt)?;
                    self.emit(Opcode::SET_ADD, depth + 1, elt_loc);
                }
                CompKind::Dict => {
                    self.visit_expr(elt)?;
                    let v = val.unwrap_or(elt);
                    self.visit_expr(v)?;
                    let vl = self.loc(v);
                    elt_loc = Loc { line: elt_loc.line, end_line: vl.end_line, col: elt_loc.col, end_col: vl.end_col };
                    self.emit(Opcode::MAP_ADD, depth + 1, elt_loc);
                }
            }
        }
        self.use_label(if_cleanup);
        if let Some(start) = start {
            self.emit_jump(Opcode::JUMP, start, elt_loc);
            self.use_label(anchor);
            self.emit(Opcode::END_FOR, 0, NO_LOC);
        }
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    fn async_comprehension_generator(
        &mut self,
        loc: Loc,
        generators: &'a [ast::Comprehension],
        gen_index: usize,
        depth: u32,
        elt: &'a Expr,
        val: Option<&'a Expr>,
        kind: CompKind,
        iter_on_stack: bool,
    ) -> R {
        use super::FBlockKind;
        let g = &generators[gen_index];
        let start = self.new_label();
        let except = self.new_label();
        let if_cleanup = self.new_label();
        if !iter_on_stack {
            if gen_index == 0 {
                self.u().argcount = 1;
                self.emit(Opcode::LOAD_FAST, 0, loc);
            } else {
                self.visit_expr(&g.iter)?;
                self.emit(Opcode::GET_AITER, 0, loc);
            }
        }
        self.use_label(start);
        self.push_fblock(FBlockKind::AsyncComprehensionGenerator, start, NO_TARGET_LABEL, loc, super::FBDatum::None)?;
        self.emit_jump(Opcode::SETUP_FINALLY, except, loc);
        self.emit(Opcode::GET_ANEXT, 0, loc);
        self.load_const(Constant::None, loc);
        self.add_yield_from(loc, true);
        self.emit(Opcode::POP_BLOCK, 0, loc);
        self.visit_expr(&g.target)?;
        for cond in &g.ifs {
            self.jump_if(cond, if_cleanup, false)?;
        }
        let depth = depth + 1;
        if gen_index + 1 < generators.len() {
            self.comprehension_generator(loc, generators, gen_index + 1, depth, elt, val, kind, false)?;
        } else {
            let elt_loc = self.loc(elt);
            match kind {
                CompKind::Gen => {
                    self.visit_expr(elt)?;
                    self.add_yield(elt_loc);
                    self.emit(Opcode::POP_TOP, 0, elt_loc);
                }
                CompKind::List => {
                    self.visit_expr(elt)?;
                    self.emit(Opcode::LIST_APPEND, depth + 1, elt_loc);
                }
                CompKind::Set => {
                    self.visit_expr(elt)?;
                    self.emit(Opcode::SET_ADD, depth + 1, elt_loc);
                }
                CompKind::Dict => {
                    self.visit_expr(elt)?;
                    self.visit_expr(val.unwrap_or(elt))?;
                    self.emit(Opcode::MAP_ADD, depth + 1, elt_loc);
                }
            }
        }
        self.use_label(if_cleanup);
        self.emit_jump(Opcode::JUMP, start, NO_LOC);
        self.pop_fblock();
        self.use_label(except);
        self.emit(Opcode::END_ASYNC_FOR, 0, loc);
        Ok(())
    }

    /// The iterable of a `for` (or comprehension): a constant list folds to a tuple.
    pub(crate) fn visit_iter(&mut self, e: &'a Expr) -> R {
        if let Some(c) = fold::fold_iter(e, false) {
            let l = self.loc(e);
            self.load_const(c, l);
            return Ok(());
        }
        self.visit_expr(e)
    }
}

pub(crate) const NO_TARGET_LABEL: usize = usize::MAX;
