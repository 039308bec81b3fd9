//! AST-level constant folding (CPython: `Python/ast_opt.c`).
//!
//! Instead of rewriting the AST, codegen asks `const_value` whether an expression folds to a
//! constant, with the same rules and size limits as CPython 3.12's optimiser.

use num_bigint::BigInt;
use num_traits::{One, Signed, ToPrimitive, Zero};
use pyrite_bytecode::Constant;

use crate::parse::ast::{self, Expr, Number, Operator, UnaryOp};

const MAX_INT_SIZE: u64 = 128;
const MAX_COLLECTION_SIZE: usize = 256;
const MAX_STR_SIZE: usize = 4096;
const MAX_TOTAL_ITEMS: usize = 1024;

/// Parse an integer literal token (`0x_ff`, `1_000`, ...) into a big integer.
pub fn parse_int(i: &ast::Int) -> BigInt {
    if let Some(v) = i.as_u64() {
        return BigInt::from(v);
    }
    let text: String = i.to_string().chars().filter(|c| *c != '_').collect();
    let lower = text.to_ascii_lowercase();
    let (digits, radix) = if let Some(d) = lower.strip_prefix("0x") {
        (d.to_string(), 16)
    } else if let Some(d) = lower.strip_prefix("0o") {
        (d.to_string(), 8)
    } else if let Some(d) = lower.strip_prefix("0b") {
        (d.to_string(), 2)
    } else {
        (lower, 10)
    };
    BigInt::parse_bytes(digits.as_bytes(), radix).unwrap_or_default()
}

thread_local! {
    /// The str literals with lone surrogates of the unit being compiled (`Parsed`'s table),
    /// installed by [`SurrogateLiterals::install`] for the duration of its code generation.
    static SURROGATE_LITERALS: std::cell::RefCell<std::collections::HashMap<u32, Vec<u8>>> = Default::default();
}

/// Scope of a compilation unit's surrogate-literal table (see `literal`).
pub struct SurrogateLiterals(());

impl SurrogateLiterals {
    pub fn install(table: &std::collections::HashMap<u32, Vec<u8>>) -> SurrogateLiterals {
        SURROGATE_LITERALS.with(|t| *t.borrow_mut() = table.clone());
        SurrogateLiterals(())
    }
}

impl Drop for SurrogateLiterals {
    fn drop(&mut self) {
        SURROGATE_LITERALS.with(|t| t.borrow_mut().clear());
    }
}

/// The text of a str literal piece (a string literal part or f-string literal text) that
/// starts at `start` and that Ruff decoded as `value`: generalized UTF-8, with the lone
/// surrogates Ruff's value cannot hold.
pub fn literal_bytes(start: u32, value: &str) -> Vec<u8> {
    if value.contains('\u{FFFD}') {
        if let Some(b) = SURROGATE_LITERALS.with(|t| t.borrow().get(&start).cloned()) {
            return b;
        }
    }
    value.as_bytes().to_vec()
}

/// The str constant of generalized UTF-8 `text`.
pub fn str_constant(text: Vec<u8>) -> Constant {
    match String::from_utf8(text) {
        Ok(s) => Constant::Str(s),
        Err(e) => Constant::SurrogateStr(e.into_bytes()),
    }
}

/// The constant a str literal denotes.
fn str_literal(s: &ast::ExprStringLiteral) -> Constant {
    let text = s.value.to_str();
    if !text.contains('\u{FFFD}') {
        return Constant::Str(text.to_string());
    }
    let mut bytes = Vec::new();
    for part in s.value.iter() {
        bytes.extend(literal_bytes(crate::parse::Ranged::start(part).to_u32(), &part.value));
    }
    str_constant(bytes)
}

/// The constant a literal node denotes (no folding).
pub fn literal(e: &Expr) -> Option<Constant> {
    Some(match e {
        Expr::NumberLiteral(n) => match &n.value {
            Number::Int(i) => Constant::Int(parse_int(i)),
            Number::Float(f) => Constant::Float(*f),
            Number::Complex { real, imag } => Constant::Complex { real: *real, imag: *imag },
        },
        Expr::StringLiteral(s) => str_literal(s),
        Expr::BytesLiteral(b) => Constant::Bytes(b.value.iter().flat_map(|p| p.value.iter().copied()).collect()),
        Expr::BooleanLiteral(b) => Constant::Bool(b.value),
        Expr::NoneLiteral(_) => Constant::None,
        Expr::EllipsisLiteral(_) => Constant::Ellipsis,
        Expr::Name(n) if n.id.as_str() == "__debug__" && n.ctx == ast::ExprContext::Load => Constant::Bool(true),
        _ => return None,
    })
}

/// The constant an expression folds to, if CPython 3.12 folds it.
pub fn const_value(e: &Expr) -> Option<Constant> {
    if let Some(c) = literal(e) {
        return Some(c);
    }
    match e {
        Expr::UnaryOp(u) => {
            let v = const_value(&u.operand)?;
            fold_unary(u.op, &v)
        }
        Expr::BinOp(b) => {
            let l = const_value(&b.left)?;
            let r = const_value(&b.right)?;
            fold_binop(&l, b.op, &r)
        }
        Expr::Tuple(t) if t.ctx == ast::ExprContext::Load => {
            let mut items = Vec::with_capacity(t.elts.len());
            for el in &t.elts {
                items.push(const_value(el)?);
            }
            Some(Constant::Tuple(items))
        }
        Expr::Subscript(s) if s.ctx == ast::ExprContext::Load => {
            let v = const_value(&s.value)?;
            let idx = const_value(&s.slice)?;
            fold_subscript(&v, &idx)
        }
        _ => None,
    }
}

/// Fold a list or set display used as an iterable (`for x in [1, 2]`, `x in {1, 2}`).
pub fn fold_iter(e: &Expr, allow_set: bool) -> Option<Constant> {
    match e {
        Expr::List(l) => {
            let mut items = Vec::new();
            for el in &l.elts {
                if matches!(el, Expr::Starred(_)) {
                    return None;
                }
                items.push(const_value(el)?);
            }
            Some(Constant::Tuple(items))
        }
        Expr::Set(s) if allow_set => {
            let mut items: Vec<Constant> = Vec::new();
            for el in &s.elts {
                if matches!(el, Expr::Starred(_)) {
                    return None;
                }
                let c = const_value(el)?;
                if !items.iter().any(|x| const_eq(x, &c)) {
                    items.push(c);
                }
            }
            Some(Constant::FrozenSet(items))
        }
        _ => None,
    }
}

/// Python `==` between constants used as set/dict keys (1 == 1.0 == True).
pub fn const_eq(a: &Constant, b: &Constant) -> bool {
    match (num_value(a), num_value(b)) {
        (Some(x), Some(y)) => return x == y,
        (Some(_), Option::None) | (Option::None, Some(_)) => return false,
        _ => {}
    }
    use Constant as K;
    match (a, b) {
        (K::Str(x), K::Str(y)) => x == y,
        (K::Bytes(x), K::Bytes(y)) => x == y,
        (K::None, K::None) | (K::Ellipsis, K::Ellipsis) => true,
        (K::Tuple(x), K::Tuple(y)) => x.len() == y.len() && x.iter().zip(y).all(|(p, q)| const_eq(p, q)),
        _ => false,
    }
}

#[derive(PartialEq)]
enum Num {
    Int(BigInt),
    Float(f64),
    Complex(f64, f64),
}

fn num_value(c: &Constant) -> Option<Num> {
    Some(match c {
        Constant::Bool(b) => Num::Int(BigInt::from(*b as i32)),
        Constant::Int(i) => Num::Int(i.clone()),
        Constant::Float(f) => {
            if f.fract() == 0.0 && f.is_finite() {
                Num::Int(BigInt::from(*f as i128))
            } else {
                Num::Float(*f)
            }
        }
        Constant::Complex { real, imag } => {
            if *imag == 0.0 {
                return num_value(&Constant::Float(*real));
            }
            Num::Complex(*real, *imag)
        }
        _ => return None,
    })
}

fn is_true(c: &Constant) -> Option<bool> {
    Some(match c {
        Constant::None => false,
        Constant::Ellipsis => true,
        Constant::Bool(b) => *b,
        Constant::Int(i) => !i.is_zero(),
        Constant::Float(f) => *f != 0.0,
        Constant::Complex { real, imag } => *real != 0.0 || *imag != 0.0,
        Constant::Str(s) => !s.is_empty(),
        Constant::SurrogateStr(_) => true,
        Constant::Bytes(b) => !b.is_empty(),
        Constant::Tuple(t) | Constant::FrozenSet(t) => !t.is_empty(),
        Constant::Code(_) => true,
    })
}

/// Truth value of a constant, for the flow graph's constant-condition folding.
pub fn truthiness(c: &Constant) -> Option<bool> {
    is_true(c)
}

fn as_int(c: &Constant) -> Option<BigInt> {
    match c {
        Constant::Bool(b) => Some(BigInt::from(*b as i32)),
        Constant::Int(i) => Some(i.clone()),
        _ => None,
    }
}

fn as_float(c: &Constant) -> Option<f64> {
    match c {
        Constant::Float(f) => Some(*f),
        _ => as_int(c).and_then(|i| i.to_f64()),
    }
}

fn fold_unary(op: UnaryOp, v: &Constant) -> Option<Constant> {
    match op {
        UnaryOp::Not => Some(Constant::Bool(!is_true(v)?)),
        UnaryOp::USub => match v {
            Constant::Float(f) => Some(Constant::Float(-f)),
            Constant::Complex { real, imag } => Some(Constant::Complex { real: -real, imag: -imag }),
            _ => Some(Constant::Int(-as_int(v)?)),
        },
        UnaryOp::UAdd => match v {
            Constant::Float(_) | Constant::Complex { .. } => Some(v.clone()),
            _ => Some(Constant::Int(as_int(v)?)),
        },
        UnaryOp::Invert => match v {
            Constant::Bool(_) => None, // DeprecationWarning in 3.12; CPython still folds, but rarely matters
            _ => Some(Constant::Int(!as_int(v)?)),
        },
    }
}

fn bits(i: &BigInt) -> u64 {
    i.bits()
}

fn seq_len(c: &Constant) -> Option<usize> {
    match c {
        Constant::Str(s) => Some(s.chars().count()),
        Constant::Bytes(b) => Some(b.len()),
        Constant::Tuple(t) => Some(t.len()),
        _ => None,
    }
}

fn repeat(c: &Constant, n: &BigInt) -> Option<Constant> {
    let len = seq_len(c)?;
    let n = if n.is_negative() { 0 } else { n.to_usize()? };
    if len > 0 {
        let limit = match c {
            Constant::Tuple(_) => MAX_COLLECTION_SIZE,
            _ => MAX_STR_SIZE,
        };
        if n > limit / len {
            return None;
        }
    }
    Some(match c {
        Constant::Str(s) => Constant::Str(s.repeat(n)),
        Constant::Bytes(b) => Constant::Bytes(b.repeat(n)),
        Constant::Tuple(t) => {
            if t.len() * n > MAX_TOTAL_ITEMS {
                return None;
            }
            let mut out = Vec::new();
            for _ in 0..n {
                out.extend(t.iter().cloned());
            }
            Constant::Tuple(out)
        }
        _ => return None,
    })
}

fn floor_div(a: &BigInt, b: &BigInt) -> BigInt {
    let q = a / b;
    let r = a % b;
    if !r.is_zero() && (r.is_negative() != b.is_negative()) {
        q - 1
    } else {
        q
    }
}

fn py_mod(a: &BigInt, b: &BigInt) -> BigInt {
    let r = a % b;
    if !r.is_zero() && (r.is_negative() != b.is_negative()) {
        r + b
    } else {
        r
    }
}

/// A key that distinguishes constants the way CPython's `_PyCode_ConstantKey` does
/// (1, 1.0, True and -0.0 are all different constants).
pub fn const_key(c: &Constant) -> String {
    match c {
        Constant::None => "N".into(),
        Constant::Ellipsis => "E".into(),
        Constant::Bool(b) => format!("b{b}"),
        Constant::Int(i) => format!("i{i}"),
        Constant::Float(f) => format!("f{}", f.to_bits()),
        Constant::Complex { real, imag } => format!("c{}/{}", real.to_bits(), imag.to_bits()),
        Constant::Str(s) => format!("s{}:{s}", s.len()),
        Constant::SurrogateStr(b) => format!("u{b:?}"),
        Constant::Bytes(b) => format!("y{b:?}"),
        Constant::Tuple(t) => {
            let parts: Vec<String> = t.iter().map(const_key).collect();
            format!("t({})", parts.join(","))
        }
        Constant::FrozenSet(t) => {
            let parts: Vec<String> = t.iter().map(const_key).collect();
            format!("z({})", parts.join(","))
        }
        Constant::Code(c) => format!("o{:p}", std::rc::Rc::as_ptr(c)),
    }
}

fn fold_binop(l: &Constant, op: Operator, r: &Constant) -> Option<Constant> {
    use Constant::{Bytes, Complex, Float, Str, Tuple};
    // Sequences.
    match (l, op, r) {
        (Str(a), Operator::Add, Str(b)) => return Some(Str(format!("{a}{b}"))),
        (Bytes(a), Operator::Add, Bytes(b)) => return Some(Bytes([a.as_slice(), b.as_slice()].concat())),
        (Tuple(a), Operator::Add, Tuple(b)) => return Some(Tuple([a.as_slice(), b.as_slice()].concat())),
        (Str(_) | Bytes(_) | Tuple(_), Operator::Mult, _) => return repeat(l, &as_int(r)?),
        (_, Operator::Mult, Str(_) | Bytes(_) | Tuple(_)) => return repeat(r, &as_int(l)?),
        (Str(_) | Bytes(_), Operator::Mod, _) => return None,
        // bool & | ^ bool stays a bool.
        (Constant::Bool(a), Operator::BitAnd, Constant::Bool(b)) => return Some(Constant::Bool(*a & *b)),
        (Constant::Bool(a), Operator::BitOr, Constant::Bool(b)) => return Some(Constant::Bool(*a | *b)),
        (Constant::Bool(a), Operator::BitXor, Constant::Bool(b)) => return Some(Constant::Bool(*a ^ *b)),
        _ => {}
    }
    if let (Some(a), Some(b)) = (as_int(l), as_int(r)) {
        return fold_int(&a, op, &b);
    }
    if matches!(l, Complex { .. }) || matches!(r, Complex { .. }) {
        let (ar, ai) = as_complex(l)?;
        let (br, bi) = as_complex(r)?;
        return match op {
            Operator::Add => Some(Complex { real: ar + br, imag: ai + bi }),
            Operator::Sub => Some(Complex { real: ar - br, imag: ai - bi }),
            Operator::Mult => Some(Complex { real: ar * br - ai * bi, imag: ar * bi + ai * br }),
            _ => None,
        };
    }
    let a = as_float(l)?;
    let b = as_float(r)?;
    let v = match op {
        Operator::Add => a + b,
        Operator::Sub => a - b,
        Operator::Mult => a * b,
        Operator::Div => {
            if b == 0.0 {
                return None;
            }
            a / b
        }
        Operator::FloorDiv => {
            if b == 0.0 {
                return None;
            }
            let m = py_fmod(a, b);
            let d = ((a - m) / b).round();
            if d == 0.0 { 0.0f64.copysign(a / b) } else { d }
        }
        Operator::Mod => {
            if b == 0.0 {
                return None;
            }
            py_fmod(a, b)
        }
        Operator::Pow => {
            if a == 0.0 && b < 0.0 {
                return None;
            }
            if a < 0.0 && b.fract() != 0.0 {
                return None; // complex result
            }
            a.powf(b)
        }
        _ => return None,
    };
    if !v.is_finite() && a.is_finite() && b.is_finite() {
        return None; // OverflowError at run time
    }
    Some(Float(v))
}

fn as_complex(c: &Constant) -> Option<(f64, f64)> {
    match c {
        Constant::Complex { real, imag } => Some((*real, *imag)),
        _ => Some((as_float(c)?, 0.0)),
    }
}

fn py_fmod(a: f64, b: f64) -> f64 {
    let m = a % b;
    if m != 0.0 && ((b < 0.0) != (m < 0.0)) {
        m + b
    } else if m == 0.0 {
        0.0f64.copysign(b)
    } else {
        m
    }
}

fn fold_int(a: &BigInt, op: Operator, b: &BigInt) -> Option<Constant> {
    let v = match op {
        Operator::Add => a + b,
        Operator::Sub => a - b,
        Operator::Mult => {
            if !a.is_zero() && !b.is_zero() && bits(a) + bits(b) > MAX_INT_SIZE {
                return None;
            }
            a * b
        }
        Operator::Div => {
            if b.is_zero() {
                return None;
            }
            let (x, y) = (a.to_f64()?, b.to_f64()?);
            // Only fold when both convert exactly; true division of big ints is rare.
            if bits(a) > 53 || bits(b) > 53 {
                return None;
            }
            return Some(Constant::Float(x / y));
        }
        Operator::FloorDiv => {
            if b.is_zero() {
                return None;
            }
            floor_div(a, b)
        }
        Operator::Mod => {
            if b.is_zero() {
                return None;
            }
            py_mod(a, b)
        }
        Operator::Pow => {
            if b.is_negative() {
                if a.is_zero() {
                    return None;
                }
                let (x, y) = (a.to_f64()?, b.to_f64()?);
                let v = x.powf(y);
                return Some(Constant::Float(v));
            }
            if !a.is_zero() && !b.is_zero() {
                let wbits = b.to_u64()?;
                if bits(a) > MAX_INT_SIZE / wbits {
                    return None;
                }
            }
            let e = b.to_u32()?;
            num_traits::pow(a.clone(), e as usize)
        }
        Operator::LShift => {
            if b.is_negative() {
                return None;
            }
            let w = b.to_u64()?;
            if !a.is_zero() && (w > MAX_INT_SIZE || bits(a) > MAX_INT_SIZE - w) {
                return None;
            }
            a << (w as usize)
        }
        Operator::RShift => {
            if b.is_negative() {
                return None;
            }
            let w = b.to_u64().unwrap_or(u64::MAX);
            if w >= bits(a) + 1 {
                if a.is_negative() { -BigInt::one() } else { BigInt::zero() }
            } else {
                a >> (w as usize)
            }
        }
        Operator::BitOr => a | b,
        Operator::BitXor => a ^ b,
        Operator::BitAnd => a & b,
        Operator::MatMult => return None,
    };
    Some(Constant::Int(v))
}

fn fold_subscript(v: &Constant, idx: &Constant) -> Option<Constant> {
    let i = as_int(idx)?;
    let len = seq_len(v)? as i64;
    let mut i = i.to_i64()?;
    if i < 0 {
        i += len;
    }
    if i < 0 || i >= len {
        return None;
    }
    let i = i as usize;
    Some(match v {
        Constant::Str(s) => Constant::Str(s.chars().nth(i)?.to_string()),
        Constant::Bytes(b) => Constant::Int(BigInt::from(b[i])),
        Constant::Tuple(t) => t[i].clone(),
        _ => return None,
    })
}
