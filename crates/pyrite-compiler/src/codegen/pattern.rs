//! `match` statement code generation (CPython: `compiler_match` and `compiler_pattern*` in
//! `Python/compile.c`).
//!
//! Patterns are compiled with the subject on top of the stack. `PatternCtx::on_top` counts the
//! items above the captured values that a failure has to pop, `stores` the captured values kept
//! underneath them (bound to names only once the whole pattern matched), and `fail_pop[n]` is a
//! label that pops `n` items before falling to the next case.

use pyrite_bytecode::opcode::{binop, cmp};
use pyrite_bytecode::{Constant, Opcode};

use super::{Compiler, R};
use crate::flowgraph::{Loc, NO_LOC};
use crate::fold;
use crate::parse::ast::{self, Expr, Pattern};

/// CPython's `pattern_context`.
struct PatternCtx {
    stores: Vec<String>,
    allow_irrefutable: bool,
    fail_pop: Vec<usize>,
    on_top: usize,
}

impl PatternCtx {
    fn new(allow_irrefutable: bool) -> PatternCtx {
        PatternCtx { stores: Vec::new(), allow_irrefutable, fail_pop: Vec::new(), on_top: 0 }
    }
}

/// `case _` (CPython's `WILDCARD_CHECK`).
fn is_wildcard(p: &Pattern) -> bool {
    matches!(p, Pattern::MatchAs(a) if a.pattern.is_none() && a.name.is_none())
}

/// `*_` (CPython's `WILDCARD_STAR_CHECK`).
fn is_star_wildcard(p: &Pattern) -> bool {
    matches!(p, Pattern::MatchStar(s) if s.name.is_none())
}

const EQ: u32 = (cmp::EQ << 4) | 8;
const GE: u32 = (cmp::GE << 4) | 12;

/// Python's `==` between two folded constants, as a set of seen mapping keys uses it.
fn const_eq(a: &Constant, b: &Constant) -> bool {
    fn num(c: &Constant) -> Option<(f64, f64, Option<num_bigint::BigInt>)> {
        use num_traits::ToPrimitive;
        match c {
            Constant::Bool(b) => Some((*b as i32 as f64, 0.0, Some(num_bigint::BigInt::from(*b as i32)))),
            Constant::Int(i) => Some((i.to_f64().unwrap_or(f64::INFINITY), 0.0, Some(i.clone()))),
            Constant::Float(f) => Some((*f, 0.0, None)),
            Constant::Complex { real, imag } => Some((*real, *imag, None)),
            _ => None,
        }
    }
    match (a, b) {
        (Constant::None, Constant::None) | (Constant::Ellipsis, Constant::Ellipsis) => true,
        (Constant::Str(x), Constant::Str(y)) => x == y,
        (Constant::Bytes(x), Constant::Bytes(y)) => x == y,
        (Constant::Tuple(x), Constant::Tuple(y)) | (Constant::FrozenSet(x), Constant::FrozenSet(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(p, q)| const_eq(p, q))
        }
        _ => match (num(a), num(b)) {
            (Some((_, _, Some(i))), Some((_, _, Some(j)))) => i == j,
            (Some((r1, i1, _)), Some((r2, i2, _))) => r1 == r2 && i1 == i2,
            _ => false,
        },
    }
}

impl<'a> Compiler<'a> {
    /// `compiler_match`.
    pub(crate) fn match_stmt(&mut self, m: &'a ast::StmtMatch) -> R {
        self.visit_expr(&m.subject)?;
        let end = self.new_label();
        let cases = m.cases.len();
        if cases == 0 {
            return Err(self.error("invalid syntax", m.range));
        }
        let last = &m.cases[cases - 1];
        let has_default = is_wildcard(&last.pattern) && cases > 1;
        let n = cases - has_default as usize;
        for (i, case) in m.cases[..n].iter().enumerate() {
            let ploc = self.loc(&case.pattern);
            // Only copy the subject if we're not on the last case.
            if i != n - 1 {
                self.emit(Opcode::COPY, 1, ploc);
            }
            // Irrefutable cases must be either guarded, last, or both.
            let mut pc = PatternCtx::new(case.guard.is_some() || i == cases - 1);
            self.pattern(&case.pattern, &mut pc)?;
            debug_assert_eq!(pc.on_top, 0);
            // It's a match: store the captured names (they are on the stack).
            let stores = std::mem::take(&mut pc.stores);
            for name in &stores {
                self.nameop(name, ast::ExprContext::Store, ploc)?;
            }
            if let Some(g) = &case.guard {
                self.ensure_fail_pop(&mut pc, 0);
                let target = pc.fail_pop[0];
                self.jump_if(g, target, false)?;
            }
            // Success: pop the subject.
            if i != n - 1 {
                self.emit(Opcode::POP_TOP, 0, ploc);
            }
            self.visit_body(&case.body)?;
            self.emit_jump(Opcode::JUMP, end, NO_LOC);
            // A failed pattern's cleanup belongs to the pattern's line, not the body's last.
            self.emit_and_reset_fail_pop(&mut pc, ploc);
        }
        if has_default {
            let ploc = self.loc(&last.pattern);
            if cases == 1 {
                self.emit(Opcode::POP_TOP, 0, ploc);
            } else {
                // Line coverage for the default case (it creates no bytecode otherwise).
                self.emit(Opcode::NOP, 0, ploc);
            }
            if let Some(g) = &last.guard {
                self.jump_if(g, end, false)?;
            }
            self.visit_body(&last.body)?;
        }
        self.use_label(end);
        Ok(())
    }

    // ---- helpers --------------------------------------------------------------------------

    /// `ensure_fail_pop`: labels for popping up to `n` items.
    fn ensure_fail_pop(&mut self, pc: &mut PatternCtx, n: usize) {
        while pc.fail_pop.len() < n + 1 {
            let l = self.new_label();
            pc.fail_pop.push(l);
        }
    }

    /// `jump_to_fail_pop`: pop what is on top plus the pending captures, then fail.
    fn jump_to_fail_pop(&mut self, pc: &mut PatternCtx, op: Opcode, loc: Loc) {
        let pops = pc.on_top + pc.stores.len();
        self.ensure_fail_pop(pc, pops);
        let target = pc.fail_pop[pops];
        self.emit_jump(op, target, loc);
    }

    /// `emit_and_reset_fail_pop`: the chain of `POP_TOP`s failures jump into.
    fn emit_and_reset_fail_pop(&mut self, pc: &mut PatternCtx, loc: Loc) {
        if pc.fail_pop.is_empty() {
            return;
        }
        for i in (1..pc.fail_pop.len()).rev() {
            self.use_label(pc.fail_pop[i]);
            self.emit(Opcode::POP_TOP, 0, loc);
        }
        self.use_label(pc.fail_pop[0]);
        pc.fail_pop.clear();
    }

    /// `pattern_helper_rotate`: 3.10's ROT_N as a chain of SWAPs.
    fn pattern_rotate(&mut self, mut count: usize, loc: Loc) {
        while count > 1 {
            self.emit(Opcode::SWAP, count as u32, loc);
            count -= 1;
        }
    }

    fn duplicate_store(&self, name: &str, loc: Loc) -> crate::CompileError {
        self.error_loc(format!("multiple assignments to name '{name}' in pattern"), loc)
    }

    /// `pattern_helper_store_name`.
    fn pattern_store_name(&mut self, name: Option<&ast::Identifier>, pc: &mut PatternCtx, loc: Loc) -> R {
        let Some(name) = name else {
            self.emit(Opcode::POP_TOP, 0, loc);
            return Ok(());
        };
        let n = name.id.as_str();
        if n == "__debug__" {
            return Err(self.error_loc("cannot assign to __debug__", loc));
        }
        if pc.stores.iter().any(|s| s == n) {
            return Err(self.duplicate_store(n, loc));
        }
        // Rotate this object underneath any items we need to preserve.
        let rotations = pc.on_top + pc.stores.len() + 1;
        self.pattern_rotate(rotations, loc);
        pc.stores.push(n.to_string());
        Ok(())
    }

    /// `pattern_unpack_helper`.
    fn pattern_unpack(&mut self, elts: &'a [Pattern], loc: Loc) -> R {
        let n = elts.len();
        let mut seen_star = false;
        for (i, e) in elts.iter().enumerate() {
            if matches!(e, Pattern::MatchStar(_)) {
                if seen_star {
                    return Err(self.error_loc("multiple starred expressions in sequence pattern", loc));
                }
                if i >= 1 << 8 || n - i - 1 >= (i32::MAX as usize >> 8) {
                    return Err(self.error_loc("too many expressions in star-unpacking sequence pattern", loc));
                }
                self.emit(Opcode::UNPACK_EX, (i + ((n - i - 1) << 8)) as u32, loc);
                seen_star = true;
            }
        }
        if !seen_star {
            self.emit(Opcode::UNPACK_SEQUENCE, n as u32, loc);
        }
        Ok(())
    }

    /// `pattern_helper_sequence_unpack`.
    fn pattern_sequence_unpack(&mut self, patterns: &'a [Pattern], pc: &mut PatternCtx, loc: Loc) -> R {
        self.pattern_unpack(patterns, loc)?;
        // The new subjects stay on the stack while each subpattern is matched.
        pc.on_top += patterns.len();
        for p in patterns {
            pc.on_top -= 1;
            self.subpattern(p, pc)?;
        }
        Ok(())
    }

    /// `pattern_helper_sequence_subscr`: `[a, *_, b]` indexes instead of unpacking.
    fn pattern_sequence_subscr(&mut self, patterns: &'a [Pattern], star: usize, pc: &mut PatternCtx, loc: Loc) -> R {
        // Keep the subject around for extracting elements.
        pc.on_top += 1;
        let size = patterns.len();
        for (i, p) in patterns.iter().enumerate() {
            if is_wildcard(p) || i == star {
                continue;
            }
            self.emit(Opcode::COPY, 1, loc);
            if i < star {
                self.load_const(Constant::Int(i.into()), loc);
            } else {
                // The subject may not support negative indexing: compute a nonnegative index.
                self.emit(Opcode::GET_LEN, 0, loc);
                self.load_const(Constant::Int((size - i).into()), loc);
                self.emit(Opcode::BINARY_OP, binop::SUBTRACT, loc);
            }
            self.emit(Opcode::BINARY_SUBSCR, 0, loc);
            self.subpattern(p, pc)?;
        }
        // Pop the subject, we're done with it.
        pc.on_top -= 1;
        self.emit(Opcode::POP_TOP, 0, loc);
        Ok(())
    }

    /// `compiler_pattern_subpattern`: like `pattern`, with irrefutability allowed.
    fn subpattern(&mut self, p: &'a Pattern, pc: &mut PatternCtx) -> R {
        let saved = pc.allow_irrefutable;
        pc.allow_irrefutable = true;
        self.pattern(p, pc)?;
        pc.allow_irrefutable = saved;
        Ok(())
    }

    /// `compiler_pattern`.
    fn pattern(&mut self, p: &'a Pattern, pc: &mut PatternCtx) -> R {
        let loc = self.loc(p);
        match p {
            Pattern::MatchValue(v) => self.pattern_value(&v.value, pc, loc),
            Pattern::MatchSingleton(s) => {
                let c = match s.value {
                    ast::Singleton::None => Constant::None,
                    ast::Singleton::True => Constant::Bool(true),
                    ast::Singleton::False => Constant::Bool(false),
                };
                self.load_const(c, loc);
                self.emit(Opcode::IS_OP, 0, loc);
                self.jump_to_fail_pop(pc, Opcode::POP_JUMP_IF_FALSE, loc);
                Ok(())
            }
            Pattern::MatchSequence(s) => self.pattern_sequence(&s.patterns, pc, loc),
            Pattern::MatchMapping(m) => self.pattern_mapping(m, pc, loc),
            Pattern::MatchClass(c) => self.pattern_class(c, pc, loc),
            Pattern::MatchStar(s) => self.pattern_store_name(s.name.as_ref(), pc, loc),
            Pattern::MatchAs(a) => self.pattern_as(a, pc, loc),
            Pattern::MatchOr(o) => self.pattern_or(o, pc, loc),
        }
    }

    /// `compiler_pattern_value`.
    fn pattern_value(&mut self, value: &'a Expr, pc: &mut PatternCtx, loc: Loc) -> R {
        let ok = fold::const_value(value).is_some() || matches!(value, Expr::Attribute(_));
        if !ok {
            return Err(self.error_loc("patterns may only match literals and attribute lookups", loc));
        }
        self.visit_expr(value)?;
        self.emit(Opcode::COMPARE_OP, EQ, loc);
        self.jump_to_fail_pop(pc, Opcode::POP_JUMP_IF_FALSE, loc);
        Ok(())
    }

    /// `compiler_pattern_as`.
    fn pattern_as(&mut self, a: &'a ast::PatternMatchAs, pc: &mut PatternCtx, loc: Loc) -> R {
        let Some(sub) = &a.pattern else {
            // An irrefutable match.
            if !pc.allow_irrefutable {
                if let Some(n) = &a.name {
                    let msg = format!("name capture '{}' makes remaining patterns unreachable", n.id.as_str());
                    return Err(self.error_loc(msg, loc));
                }
                return Err(self.error_loc("wildcard makes remaining patterns unreachable", loc));
            }
            return self.pattern_store_name(a.name.as_ref(), pc, loc);
        };
        // Keep a copy for (possibly) storing later.
        pc.on_top += 1;
        self.emit(Opcode::COPY, 1, loc);
        self.pattern(sub, pc)?;
        // Success: store it.
        pc.on_top -= 1;
        self.pattern_store_name(a.name.as_ref(), pc, loc)
    }

    /// `compiler_pattern_sequence`.
    fn pattern_sequence(&mut self, patterns: &'a [Pattern], pc: &mut PatternCtx, loc: Loc) -> R {
        let size = patterns.len();
        let mut star: Option<usize> = None;
        let mut only_wildcard = true;
        let mut star_wildcard = false;
        // Find a starred name, if it exists (there may be at most one).
        for (i, p) in patterns.iter().enumerate() {
            if matches!(p, Pattern::MatchStar(_)) {
                if star.is_some() {
                    return Err(self.error_loc("multiple starred names in sequence pattern", loc));
                }
                star_wildcard = is_star_wildcard(p);
                only_wildcard &= star_wildcard;
                star = Some(i);
                continue;
            }
            only_wildcard &= is_wildcard(p);
        }
        // Keep the subject on top during the sequence and length checks.
        pc.on_top += 1;
        self.emit(Opcode::MATCH_SEQUENCE, 0, loc);
        self.jump_to_fail_pop(pc, Opcode::POP_JUMP_IF_FALSE, loc);
        match star {
            None => {
                // No star: len(subject) == size.
                self.emit(Opcode::GET_LEN, 0, loc);
                self.load_const(Constant::Int(size.into()), loc);
                self.emit(Opcode::COMPARE_OP, EQ, loc);
                self.jump_to_fail_pop(pc, Opcode::POP_JUMP_IF_FALSE, loc);
            }
            Some(_) if size > 1 => {
                // Star: len(subject) >= size - 1.
                self.emit(Opcode::GET_LEN, 0, loc);
                self.load_const(Constant::Int((size - 1).into()), loc);
                self.emit(Opcode::COMPARE_OP, GE, loc);
                self.jump_to_fail_pop(pc, Opcode::POP_JUMP_IF_FALSE, loc);
            }
            Some(_) => {}
        }
        // Whatever comes next consumes the subject.
        pc.on_top -= 1;
        if only_wildcard {
            // [] / [_] / [_, _] / [*_] / [_, *_] / ...
            self.emit(Opcode::POP_TOP, 0, loc);
        } else if star_wildcard {
            self.pattern_sequence_subscr(patterns, star.unwrap_or(0), pc, loc)?;
        } else {
            self.pattern_sequence_unpack(patterns, pc, loc)?;
        }
        Ok(())
    }

    /// `compiler_pattern_mapping`.
    fn pattern_mapping(&mut self, m: &'a ast::PatternMatchMapping, pc: &mut PatternCtx, loc: Loc) -> R {
        let keys = &m.keys;
        let size = keys.len();
        if size != m.patterns.len() {
            let msg = format!("keys ({size}) / patterns ({}) length mismatch in mapping pattern", m.patterns.len());
            return Err(self.error_loc(msg, loc));
        }
        let star_target = m.rest.as_ref();
        // Keep the subject on top during the mapping and length checks.
        pc.on_top += 1;
        self.emit(Opcode::MATCH_MAPPING, 0, loc);
        self.jump_to_fail_pop(pc, Opcode::POP_JUMP_IF_FALSE, loc);
        if size == 0 && star_target.is_none() {
            // `{}`: done, pop the subject.
            pc.on_top -= 1;
            self.emit(Opcode::POP_TOP, 0, loc);
            return Ok(());
        }
        if size > 0 {
            // A length check when there are keys.
            self.emit(Opcode::GET_LEN, 0, loc);
            self.load_const(Constant::Int(size.into()), loc);
            self.emit(Opcode::COMPARE_OP, GE, loc);
            self.jump_to_fail_pop(pc, Opcode::POP_JUMP_IF_FALSE, loc);
        }
        // Collect the keys (literals or attribute lookups) into a tuple for MATCH_KEYS.
        let mut seen: Vec<Constant> = Vec::new();
        for key in keys.iter() {
            if let Some(c) = fold::const_value(key) {
                if seen.iter().any(|s| const_eq(s, &c)) {
                    let repr = pyrite_bytecode::dis::default_const_repr(&c);
                    return Err(self.error_loc(format!("mapping pattern checks duplicate key ({repr})"), loc));
                }
                seen.push(c);
            } else if !matches!(key, Expr::Attribute(_)) {
                return Err(self.error_loc("mapping pattern keys may only match literals and attribute lookups", loc));
            }
            self.visit_expr(key)?;
        }
        self.emit(Opcode::BUILD_TUPLE, size as u32, loc);
        self.emit(Opcode::MATCH_KEYS, 0, loc);
        // A tuple of keys and a tuple of values (or None) now sit on the subject.
        pc.on_top += 2;
        self.emit(Opcode::COPY, 1, loc);
        self.load_const(Constant::None, loc);
        self.emit(Opcode::IS_OP, 1, loc);
        self.jump_to_fail_pop(pc, Opcode::POP_JUMP_IF_FALSE, loc);
        // Match the subpatterns against the tuple of values.
        self.emit(Opcode::UNPACK_SEQUENCE, size as u32, loc);
        pc.on_top += size;
        pc.on_top -= 1;
        for p in m.patterns.iter() {
            pc.on_top -= 1;
            self.subpattern(p, pc)?;
        }
        // A match: what follows consumes the tuple of keys and the subject.
        pc.on_top -= 2;
        if let Some(rest) = star_target {
            // rest = dict(subject); for key in keys: del rest[key]
            self.emit(Opcode::BUILD_MAP, 0, loc);
            self.emit(Opcode::SWAP, 3, loc);
            self.emit(Opcode::DICT_UPDATE, 2, loc);
            self.emit(Opcode::UNPACK_SEQUENCE, size as u32, loc);
            let mut n = size;
            while n > 0 {
                self.emit(Opcode::COPY, (1 + n) as u32, loc);
                n -= 1;
                self.emit(Opcode::SWAP, 2, loc);
                self.emit(Opcode::DELETE_SUBSCR, 0, loc);
            }
            self.pattern_store_name(Some(rest), pc, loc)?;
        } else {
            self.emit(Opcode::POP_TOP, 0, loc); // the tuple of keys
            self.emit(Opcode::POP_TOP, 0, loc); // the subject
        }
        Ok(())
    }

    /// `compiler_pattern_class`.
    fn pattern_class(&mut self, c: &'a ast::PatternMatchClass, pc: &mut PatternCtx, loc: Loc) -> R {
        let patterns = &c.arguments.patterns;
        let kwds = &c.arguments.keywords;
        let nargs = patterns.len();
        let nattrs = kwds.len();
        // validate_kwd_attrs: errors point at the keyword's pattern.
        for (i, k) in kwds.iter().enumerate() {
            let attr = k.attr.id.as_str();
            if attr == "__debug__" {
                let l = self.loc(&k.pattern);
                return Err(self.error_loc("cannot assign to __debug__", l));
            }
            for other in &kwds[i + 1..] {
                if other.attr.id.as_str() == attr {
                    let l = self.loc(&other.pattern);
                    return Err(self.error_loc(format!("attribute name repeated in class pattern: {attr}"), l));
                }
            }
        }
        self.visit_expr(&c.cls)?;
        let names = kwds.iter().map(|k| Constant::Str(k.attr.id.as_str().to_string())).collect();
        self.load_const(Constant::Tuple(names), loc);
        self.emit(Opcode::MATCH_CLASS, nargs as u32, loc);
        self.emit(Opcode::COPY, 1, loc);
        self.load_const(Constant::None, loc);
        self.emit(Opcode::IS_OP, 1, loc);
        // TOS is now a tuple of (nargs + nattrs) attributes, or None.
        pc.on_top += 1;
        self.jump_to_fail_pop(pc, Opcode::POP_JUMP_IF_FALSE, loc);
        self.emit(Opcode::UNPACK_SEQUENCE, (nargs + nattrs) as u32, loc);
        pc.on_top += nargs + nattrs;
        pc.on_top -= 1;
        let all = patterns.iter().chain(kwds.iter().map(|k| &k.pattern));
        for p in all {
            pc.on_top -= 1;
            if is_wildcard(p) {
                self.emit(Opcode::POP_TOP, 0, loc);
                continue;
            }
            self.subpattern(p, pc)?;
        }
        Ok(())
    }

    /// `compiler_pattern_or`.
    fn pattern_or(&mut self, o: &'a ast::PatternMatchOr, pc: &mut PatternCtx, loc: Loc) -> R {
        let end = self.new_label();
        let size = o.patterns.len();
        // The original context, restored after the alternatives.
        let old_stores = std::mem::take(&mut pc.stores);
        let old_fail_pop = std::mem::take(&mut pc.fail_pop);
        let old_on_top = pc.on_top;
        let old_allow = pc.allow_irrefutable;
        // The names bound by the first alternative: the others must bind the same set, and
        // their captures are reordered to match.
        let mut control: Option<Vec<String>> = None;
        for (i, alt) in o.patterns.iter().enumerate() {
            let aloc = self.loc(alt);
            pc.stores = Vec::new();
            // An irrefutable alternative must be last, if it is allowed at all.
            pc.allow_irrefutable = i == size - 1 && old_allow;
            pc.fail_pop = Vec::new();
            pc.on_top = 0;
            self.emit(Opcode::COPY, 1, aloc);
            self.pattern(alt, pc)?;
            let nstores = pc.stores.len();
            match &control {
                None => control = Some(pc.stores.clone()),
                Some(ctl) if ctl.len() != nstores => {
                    return Err(self.error_loc("alternative patterns bind different names", loc));
                }
                Some(ctl) => {
                    let ctl = ctl.clone();
                    for icontrol in (0..nstores).rev() {
                        let name = &ctl[icontrol];
                        let Some(istores) = pc.stores.iter().position(|s| s == name) else {
                            return Err(self.error_loc("alternative patterns bind different names", loc));
                        };
                        if icontrol != istores {
                            // Reorder the stack (and the store list) to the control's order.
                            let rotations = istores + 1;
                            let rotated: Vec<String> = pc.stores.drain(..rotations).collect();
                            let at = icontrol - istores;
                            for (k, s) in rotated.into_iter().enumerate() {
                                pc.stores.insert(at + k, s);
                            }
                            for _ in 0..rotations {
                                self.pattern_rotate(icontrol + 1, aloc);
                            }
                        }
                    }
                }
            }
            self.emit_jump(Opcode::JUMP, end, aloc);
            self.emit_and_reset_fail_pop(pc, aloc);
        }
        pc.stores = old_stores;
        pc.fail_pop = old_fail_pop;
        pc.on_top = old_on_top;
        pc.allow_irrefutable = old_allow;
        // No match: pop the remaining copy of the subject and fail.
        self.emit(Opcode::POP_TOP, 0, loc);
        self.jump_to_fail_pop(pc, Opcode::JUMP, loc);
        self.use_label(end);
        let control = control.unwrap_or_default();
        let nstores = control.len();
        // Between the new captures and their place: the other captures, the subject copy,
        // anything on top, and the earlier captures.
        let nrots = nstores + 1 + pc.on_top + pc.stores.len();
        for name in control {
            self.pattern_rotate(nrots, loc);
            if pc.stores.contains(&name) {
                return Err(self.duplicate_store(&name, loc));
            }
            pc.stores.push(name);
        }
        // Pop the copy of the subject.
        self.emit(Opcode::POP_TOP, 0, loc);
        Ok(())
    }
}
