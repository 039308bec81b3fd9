//! The format-spec mini-language, printf-style `%` formatting and `str.format` (CPython: `Python/formatter_unicode.c`, `Objects/stringlib/unicode_format.h`, `PyUnicode_Format` in `Objects/unicodeobject.c`).

use num_bigint::BigInt;
use num_traits::Signed;

use crate::object::Value;
use crate::objects::float::{self, double_to_string, DTSF_ADD_DOT_0, DTSF_ALT};
use crate::objects::int::{self, IntRef};
use crate::objects::{str as pystr, tuple};
use crate::vm::{PyErr, PyResult, Vm};

// ---------------------------------------------------------------------------------------
// The format spec

/// Thousands separator requested by a format spec.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Grouping {
    None,
    Comma,
    Underscore,
    /// `_` with `b o x X`: every four digits.
    UnderscoreFour,
}

/// A parsed `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`.
#[derive(Clone, Debug, PartialEq)]
pub struct FormatSpec {
    pub fill: char,
    pub fill_specified: bool,
    pub align: char,
    pub align_specified: bool,
    pub sign: Option<char>,
    pub no_neg_0: bool,
    pub alternate: bool,
    pub width: Option<usize>,
    pub grouping: Grouping,
    pub precision: Option<usize>,
    pub ty: Option<char>,
}

/// Spec parsing errors that do not need the VM (turned into ValueError by the caller).
#[derive(Debug, PartialEq, Eq)]
pub enum SpecError {
    Msg(String),
}

fn read_integer(chars: &[char], pos: &mut usize) -> Result<Option<usize>, SpecError> {
    let start = *pos;
    let mut acc: usize = 0;
    while *pos < chars.len() {
        let Some(d) = decimal_value(chars[*pos]) else { break };
        if acc > (isize::MAX as usize - d as usize) / 10 {
            return Err(SpecError::Msg("Too many decimal digits in format string".into()));
        }
        acc = acc * 10 + d as usize;
        *pos += 1;
    }
    Ok(if *pos == start { None } else { Some(acc) })
}

fn decimal_value(c: char) -> Option<u32> {
    if c.is_ascii_digit() {
        return c.to_digit(10);
    }
    if c.is_ascii() {
        return None;
    }
    float::unicode_decimal(c).and_then(|d| d.to_digit(10))
}

fn is_align(c: char) -> bool {
    matches!(c, '<' | '>' | '=' | '^')
}

/// Describe a presentation type in error messages (`'x'` or `'\x1'`).
fn type_char_text(c: char) -> String {
    let n = c as u32;
    if n > 32 && n < 128 {
        c.to_string()
    } else {
        format!("\\x{n:x}")
    }
}

/// Parse a format spec (`default_align` is `<` for strings, `>` for numbers).
pub fn parse_spec(spec: &str, default_align: char, type_name: &str) -> Result<FormatSpec, SpecError> {
    let chars: Vec<char> = spec.chars().collect();
    let end = chars.len();
    let mut f = FormatSpec {
        fill: ' ',
        fill_specified: false,
        align: default_align,
        align_specified: false,
        sign: None,
        no_neg_0: false,
        alternate: false,
        width: None,
        grouping: Grouping::None,
        precision: None,
        ty: None,
    };
    let mut pos = 0;
    if end >= 2 && is_align(chars[1]) {
        f.align = chars[1];
        f.fill = chars[0];
        f.fill_specified = true;
        f.align_specified = true;
        pos = 2;
    } else if end >= 1 && is_align(chars[0]) {
        f.align = chars[0];
        f.align_specified = true;
        pos = 1;
    }
    if pos < end && matches!(chars[pos], '+' | '-' | ' ') {
        f.sign = Some(chars[pos]);
        pos += 1;
    }
    if pos < end && chars[pos] == 'z' {
        f.no_neg_0 = true;
        pos += 1;
    }
    if pos < end && chars[pos] == '#' {
        f.alternate = true;
        pos += 1;
    }
    if !f.fill_specified && pos < end && chars[pos] == '0' {
        f.fill = '0';
        if !f.align_specified && default_align == '>' {
            f.align = '=';
        }
        pos += 1;
    }
    f.width = read_integer(&chars, &mut pos)?;
    if pos < end && chars[pos] == ',' {
        f.grouping = Grouping::Comma;
        pos += 1;
    }
    if pos < end && chars[pos] == '_' {
        if f.grouping != Grouping::None {
            return Err(SpecError::Msg("Cannot specify both ',' and '_'.".into()));
        }
        f.grouping = Grouping::Underscore;
        pos += 1;
    }
    if pos < end && chars[pos] == ',' && f.grouping == Grouping::Underscore {
        return Err(SpecError::Msg("Cannot specify both ',' and '_'.".into()));
    }
    if pos < end && chars[pos] == '.' {
        pos += 1;
        f.precision = read_integer(&chars, &mut pos)?;
        if f.precision.is_none() {
            return Err(SpecError::Msg("Format specifier missing precision".into()));
        }
    }
    if end - pos > 1 {
        return Err(SpecError::Msg(format!("Invalid format specifier '{spec}' for object of type '{type_name}'")));
    }
    if end - pos == 1 {
        f.ty = Some(chars[pos]);
    }
    if f.grouping != Grouping::None {
        match f.ty {
            None | Some('d' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F') => {}
            Some('b' | 'o' | 'x' | 'X') if f.grouping == Grouping::Underscore => f.grouping = Grouping::UnderscoreFour,
            Some(t) => {
                let sep = if f.grouping == Grouping::Comma { ',' } else { '_' };
                return Err(SpecError::Msg(format!("Cannot specify '{sep}' with '{}'.", type_char_text(t))));
            }
        }
    }
    Ok(f)
}

fn spec_err(vm: &mut Vm, e: SpecError) -> PyErr {
    match e {
        SpecError::Msg(m) => vm.value_error(m),
    }
}

fn unknown_code(t: char, type_name: &str) -> SpecError {
    SpecError::Msg(format!("Unknown format code '{}' for object of type '{type_name}'", type_char_text(t)))
}

// ---------------------------------------------------------------------------------------
// Layout helpers

/// Pad `body` (already `len` code points) to the spec's width with its fill and alignment;
/// `split` is where `=` alignment inserts padding.
fn pad(spec: &FormatSpec, body: &str, split: usize, align: char) -> String {
    let len = body.chars().count();
    let width = spec.width.unwrap_or(0);
    if len >= width {
        return body.to_string();
    }
    let n = width - len;
    let fill: String = std::iter::repeat(spec.fill).take(n).collect();
    match align {
        '<' => format!("{body}{fill}"),
        '^' => {
            let left = n / 2;
            let l: String = std::iter::repeat(spec.fill).take(left).collect();
            let r: String = std::iter::repeat(spec.fill).take(n - left).collect();
            format!("{l}{body}{r}")
        }
        '=' => {
            let (a, b) = body.split_at(split.min(body.len()));
            format!("{a}{fill}{b}")
        }
        _ => format!("{fill}{body}"),
    }
}

/// Insert separators every `group` digits from the right, padding with zeros up to
/// `min_width` characters as CPython's `_PyUnicode_InsertThousandsGrouping` does.
pub fn group_digits(digits: &str, sep: char, group: usize, min_width: i64) -> String {
    let d: Vec<char> = digits.chars().collect();
    let mut remaining = d.len() as i64;
    let mut min_width = min_width;
    let mut pieces: Vec<String> = Vec::new();
    let g = group as i64;
    loop {
        let l = g.min(remaining.max(min_width).max(1));
        let n_zeros = (l - remaining).max(0);
        let n_chars = remaining.min(l).max(0);
        let start = (remaining - n_chars) as usize;
        let mut piece: String = std::iter::repeat('0').take(n_zeros as usize).collect();
        piece.extend(&d[start..remaining as usize]);
        pieces.push(piece);
        remaining -= n_chars;
        min_width -= l;
        if remaining <= 0 && min_width <= 0 {
            break;
        }
        min_width -= 1;
    }
    pieces.reverse();
    pieces.join(&sep.to_string())
}

/// Lay out a number: `sign` and `prefix` precede the digit run, `rest` follows it.
fn layout_number(spec: &FormatSpec, sign: &str, prefix: &str, digits: &str, rest: &str) -> String {
    let lead = sign.chars().count() + prefix.chars().count();
    let zero_fill = spec.fill == '0' && spec.align == '=';
    let grouped = match spec.grouping {
        Grouping::None => digits.to_string(),
        g => {
            let (sep, n) = match g {
                Grouping::Comma => (',', 3),
                Grouping::Underscore => ('_', 3),
                _ => ('_', 4),
            };
            let min_width = if zero_fill {
                spec.width.unwrap_or(0) as i64 - lead as i64 - rest.chars().count() as i64
            } else {
                0
            };
            if digits.is_empty() {
                // Only `c` and non-finite floats: nothing to group; `=` padding fills.
                String::new()
            } else {
                group_digits(digits, sep, n, min_width)
            }
        }
    };
    let body = format!("{sign}{prefix}{grouped}{rest}");
    let split = sign.len() + prefix.len();
    pad(spec, &body, split, spec.align)
}

fn sign_text(spec: &FormatSpec, negative: bool) -> &'static str {
    if negative {
        "-"
    } else {
        match spec.sign {
            Some('+') => "+",
            Some(' ') => " ",
            _ => "",
        }
    }
}

// ---------------------------------------------------------------------------------------
// Per-type formatting

/// `format(int, spec)` for a parsed spec (CPython's `format_long_internal`).
/// A field width's padding must be allocatable: beyond 1 MiB the allocation is tried first, so
/// that an impossible width is a MemoryError (as in CPython) rather than an allocator abort.
fn check_width(vm: &mut Vm, width: Option<usize>) -> PyResult<()> {
    let width = width.unwrap_or(0);
    if width > 1 << 20 {
        let mut probe: Vec<u8> = Vec::new();
        // Up to four UTF-8 bytes per fill character.
        if probe.try_reserve_exact(width.saturating_mul(4)).is_err() {
            return Err(vm.memory_error());
        }
    }
    Ok(())
}

pub fn format_int_spec(vm: &mut Vm, r: &IntRef<'_>, spec: &FormatSpec, type_name: &str) -> PyResult<String> {
    check_width(vm, spec.width)?;
    let ty = spec.ty.unwrap_or('d');
    match ty {
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => {
            let f = int::int_ref_to_f64(vm, r)?;
            return format_float_spec(vm, f, spec);
        }
        'b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n' => {}
        t => return Err(spec_err(vm, unknown_code(t, type_name))),
    }
    if spec.precision.is_some() {
        return Err(vm.value_error("Precision not allowed in integer format specifier"));
    }
    if spec.no_neg_0 {
        return Err(vm.value_error("Negative zero coercion (z) not allowed in integer format specifier"));
    }
    if ty == 'c' {
        if spec.sign.is_some() {
            return Err(vm.value_error("Sign not allowed with integer format specifier 'c'"));
        }
        if spec.alternate {
            return Err(vm.value_error("Alternate form (#) not allowed with integer format specifier 'c'"));
        }
        let c = match r.to_i64() {
            Some(n) if (0..0x110000).contains(&n) => char::from_u32(n as u32).unwrap_or('\u{fffd}'),
            _ => return Err(vm.overflow_error("%c arg not in range(0x110000)")),
        };
        return Ok(layout_number(spec, "", "", "", &c.to_string()));
    }
    let b = r.to_bigint();
    let mag = b.magnitude();
    let (digits, prefix) = match ty {
        'b' => (mag.to_str_radix(2), "0b"),
        'o' => (mag.to_str_radix(8), "0o"),
        'x' => (mag.to_str_radix(16), "0x"),
        'X' => (mag.to_str_radix(16).to_ascii_uppercase(), "0X"),
        _ => {
            let s = int::int_to_decimal(vm, &IntRef::Big(&b.abs()))?;
            (s, "")
        }
    };
    let prefix = if spec.alternate { prefix } else { "" };
    let sign = sign_text(spec, b.is_negative());
    Ok(layout_number(spec, sign, prefix, &digits, ""))
}

/// `format(float, spec)` for a parsed spec (CPython's `format_float_internal`).
pub fn format_float_spec(vm: &mut Vm, value: f64, spec: &FormatSpec) -> PyResult<String> {
    let mut flags = 0;
    if spec.alternate {
        flags |= DTSF_ALT;
    }
    let mut code = spec.ty.unwrap_or('\0');
    let mut default_precision = 6;
    if code == '\0' {
        flags |= DTSF_ADD_DOT_0;
        code = 'r';
        default_precision = 0;
    }
    if code == 'n' {
        code = 'g';
    }
    let mut val = value;
    let mut pct = false;
    if code == '%' {
        code = 'f';
        val *= 100.0;
        pct = true;
    }
    let precision = match spec.precision {
        Some(p) => {
            if p > i32::MAX as usize {
                return Err(vm.value_error("precision too big"));
            }
            if code == 'r' {
                code = 'g';
            }
            p
        }
        None => default_precision,
    };
    let mut s = double_to_string(val, code, precision, flags);
    if spec.no_neg_0 {
        s = drop_negative_zero(s);
    }
    if pct {
        s.push('%');
    }
    let (negative, body) = match s.strip_prefix('-') {
        Some(b) => (true, b.to_string()),
        None => (false, s),
    };
    let ndig = body.bytes().take_while(|b| b.is_ascii_digit()).count();
    let (digits, rest) = body.split_at(ndig);
    Ok(layout_number(spec, sign_text(spec, negative), "", digits, rest))
}

/// `z` option: a result that rounded to zero loses its minus sign.
fn drop_negative_zero(s: String) -> String {
    if let Some(rest) = s.strip_prefix('-') {
        let mant = rest.split(['e', 'E']).next().unwrap_or("");
        if mant.chars().all(|c| c == '0' || c == '.') {
            return rest.to_string();
        }
    }
    s
}

/// `format(str, spec)` for a parsed spec.
pub fn format_str_spec(vm: &mut Vm, s: &str, spec: &FormatSpec, type_name: &str) -> PyResult<String> {
    check_width(vm, spec.width)?;
    match spec.ty {
        None | Some('s') => {}
        Some(t) => return Err(spec_err(vm, unknown_code(t, type_name))),
    }
    if let Some(sign) = spec.sign {
        return Err(vm.value_error(if sign == ' ' {
            "Space not allowed in string format specifier"
        } else {
            "Sign not allowed in string format specifier"
        }));
    }
    if spec.no_neg_0 {
        return Err(vm.value_error("Negative zero coercion (z) not allowed in string format specifier"));
    }
    if spec.alternate {
        return Err(vm.value_error("Alternate form (#) not allowed in string format specifier"));
    }
    if spec.align == '=' {
        return Err(vm.value_error("'=' alignment not allowed in string format specifier"));
    }
    let text: String = match spec.precision {
        Some(p) => s.chars().take(p).collect(),
        None => s.to_string(),
    };
    Ok(pad(spec, &text, 0, spec.align))
}

/// `format(complex, spec)` (CPython's `format_complex_internal`).
pub fn format_complex_spec(vm: &mut Vm, re: f64, im: f64, spec: &FormatSpec, type_name: &str) -> PyResult<String> {
    check_width(vm, spec.width)?;
    match spec.ty {
        None | Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n') => {}
        Some(t) => return Err(spec_err(vm, unknown_code(t, type_name))),
    }
    if spec.precision.is_some_and(|p| p > i32::MAX as usize) {
        return Err(vm.value_error("precision too big"));
    }
    if spec.fill == '0' {
        return Err(vm.value_error("Zero padding is not allowed in complex format specifier"));
    }
    if spec.align == '=' {
        return Err(vm.value_error("'=' alignment flag is not allowed in complex format specifier"));
    }
    let mut flags = 0;
    if spec.alternate {
        flags |= DTSF_ALT;
    }
    let mut code = spec.ty.unwrap_or('\0');
    let mut default_precision = 6;
    let mut skip_re = false;
    let mut parens = false;
    if code == '\0' {
        code = 'r';
        default_precision = 0;
        if re == 0.0 && re.is_sign_positive() {
            skip_re = true;
        } else {
            parens = true;
        }
    }
    if code == 'n' {
        code = 'g';
    }
    let precision = match spec.precision {
        Some(p) => {
            if code == 'r' {
                code = 'g';
            }
            p
        }
        None => default_precision,
    };
    let mut re_s = double_to_string(re, code, precision, flags);
    let mut im_s = double_to_string(im, code, precision, flags);
    if spec.no_neg_0 {
        re_s = drop_negative_zero(re_s);
        im_s = drop_negative_zero(im_s);
    }
    let part = |s: &str, sp: &FormatSpec| -> String {
        let (negative, body) = match s.strip_prefix('-') {
            Some(b) => (true, b),
            None => (false, s),
        };
        let ndig = body.bytes().take_while(|b| b.is_ascii_digit()).count();
        let (digits, rest) = body.split_at(ndig);
        let mut inner = sp.clone();
        inner.width = None;
        layout_number(&inner, sign_text(sp, negative), "", digits, rest)
    };
    let mut body = String::new();
    if parens {
        body.push('(');
    }
    if !skip_re {
        body.push_str(&part(&re_s, spec));
        let mut im_spec = spec.clone();
        im_spec.sign = Some('+');
        body.push_str(&part(&im_s, &im_spec));
    } else {
        body.push_str(&part(&im_s, spec));
    }
    body.push('j');
    if parens {
        body.push(')');
    }
    Ok(pad(spec, &body, 0, spec.align))
}

// ---------------------------------------------------------------------------------------
// format() entry points

fn is_exact(v: &Value, ty: &crate::typeobj::PyType) -> bool {
    !v.is_small_int() && std::ptr::eq(v.ty(), ty)
}

/// What `format(v, spec)` does: the built-in formatters for exact int/bool/float/str/complex,
/// otherwise `type(v).__format__(v, spec)`.
pub fn format_value(vm: &mut Vm, v: &Value, spec: &str) -> PyResult<Value> {
    let is_int = v.is_small_int() || is_exact(v, int::int_type());
    let is_bool = is_exact(v, &crate::objects::none::BOOL_TYPE);
    if spec.is_empty() && (is_int || is_bool || is_exact(v, float::float_type())) {
        return crate::protocols::object::str(vm, v);
    }
    if is_int || is_bool {
        let name = v.ty().name().to_owned();
        let parsed = parse_spec(spec, '>', &name).map_err(|e| spec_err(vm, e))?;
        let r = int::as_int(v).map(|r| r.to_bigint()).unwrap_or_default();
        return format_int_spec(vm, &IntRef::Big(&r), &parsed, &name).map(pystr::from_string);
    }
    if let Some(f) = v.downcast_exact::<float::FloatData>().map(|d| d.0) {
        let parsed = parse_spec(spec, '>', "float").map_err(|e| spec_err(vm, e))?;
        return float_spec_checked(vm, f, &parsed, "float").map(pystr::from_string);
    }
    if is_exact(v, &pystr::STR_TYPE) {
        if spec.is_empty() {
            return Ok(v.clone());
        }
        if surrogate_bytes(v).is_some() {
            // Padded and cut with its lone surrogates kept (through `str.__format__`).
            let spec = pystr::new_str(spec);
            return crate::objects::str_methods::str_dunder_format(vm, &[v.clone(), spec], None);
        }
        let parsed = parse_spec(spec, '<', "str").map_err(|e| spec_err(vm, e))?;
        let text = pystr::as_str(v).to_owned();
        return format_str_spec(vm, &text, &parsed, "str").map(pystr::from_string);
    }
    if let Some(c) = v.downcast_exact::<crate::objects::complex::ComplexData>() {
        let (re, im) = (c.re, c.im);
        if spec.is_empty() {
            return crate::protocols::object::str(vm, v);
        }
        let parsed = parse_spec(spec, '>', "complex").map_err(|e| spec_err(vm, e))?;
        return format_complex_spec(vm, re, im, &parsed, "complex").map(pystr::from_string);
    }
    let spec_value = pystr::new_str(spec);
    let result = match crate::protocols::call::call_special(vm, v, "__format__", &[spec_value])? {
        Some(r) => r,
        None => {
            if spec.is_empty() {
                return crate::protocols::object::str(vm, v);
            }
            return Err(vm.type_error(format!("unsupported format string passed to {}.__format__", v.ty().name())));
        }
    };
    if !pystr::is_str(&result) {
        return Err(vm.type_error(format!("__format__ must return a str, not {}", result.ty().name())));
    }
    Ok(result)
}

/// Float presentation types only (the float formatter rejects `d`, `c`, ...).
fn float_spec_checked(vm: &mut Vm, f: f64, spec: &FormatSpec, type_name: &str) -> PyResult<String> {
    check_width(vm, spec.width)?;
    match spec.ty {
        None | Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%') => format_float_spec(vm, f, spec),
        Some(t) => Err(spec_err(vm, unknown_code(t, type_name))),
    }
}

/// The spec argument of `owner.__format__` (METH_O).
fn spec_arg(vm: &mut Vm, owner: &str, args: &[Value], kw: Option<&Value>) -> PyResult<String> {
    let spec = crate::protocols::args::Spec::one("__format__").arg_in(vm, owner, &args[1..], kw)?;
    match pystr::try_str(spec) {
        Some(s) => Ok(s.to_owned()),
        None => Err(vm.type_error(format!("__format__() argument must be str, not {}", spec.ty().name()))),
    }
}

/// `int.__format__(self, spec)`.
pub fn int_format_method(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    let spec = spec_arg(vm, "int", args, kw)?;
    let v = &args[0];
    if spec.is_empty() {
        return crate::protocols::object::str(vm, v);
    }
    let name = v.ty().name().to_owned();
    let parsed = parse_spec(&spec, '>', &name).map_err(|e| spec_err(vm, e))?;
    let r = int::as_int(v).map(|r| r.to_bigint()).unwrap_or_default();
    format_int_spec(vm, &IntRef::Big(&r), &parsed, &name).map(pystr::from_string)
}

/// `float.__format__(self, spec)`.
pub fn float_format_method(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    let spec = spec_arg(vm, "float", args, kw)?;
    let v = &args[0];
    if spec.is_empty() {
        return crate::protocols::object::str(vm, v);
    }
    let name = v.ty().name().to_owned();
    let parsed = parse_spec(&spec, '>', &name).map_err(|e| spec_err(vm, e))?;
    let f = float::as_float(v).unwrap_or(0.0);
    float_spec_checked(vm, f, &parsed, &name).map(pystr::from_string)
}

/// `str.__format__(self, spec)`.
pub fn str_format_method(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    let spec = spec_arg(vm, "str", args, kw)?;
    let v = &args[0];
    if spec.is_empty() {
        return crate::protocols::object::str(vm, v);
    }
    let name = v.ty().name().to_owned();
    let parsed = parse_spec(&spec, '<', &name).map_err(|e| spec_err(vm, e))?;
    let text = pystr::try_str(v).unwrap_or("").to_owned();
    format_str_spec(vm, &text, &parsed, &name).map(pystr::from_string)
}

/// `complex.__format__(self, spec)`.
pub fn complex_format_method(vm: &mut Vm, args: &[Value], kw: Option<&Value>) -> PyResult<Value> {
    let spec = spec_arg(vm, "complex", args, kw)?;
    let v = &args[0];
    if spec.is_empty() {
        return crate::protocols::object::str(vm, v);
    }
    let name = v.ty().name().to_owned();
    let parsed = parse_spec(&spec, '>', &name).map_err(|e| spec_err(vm, e))?;
    let (re, im) = v.downcast::<crate::objects::complex::ComplexData>().map(|c| (c.re, c.im)).unwrap_or((0.0, 0.0));
    format_complex_spec(vm, re, im, &parsed, &name).map(pystr::from_string)
}

// ---------------------------------------------------------------------------------------
// printf-style formatting: str % args

pub(crate) const F_LJUST: u8 = 1;
pub(crate) const F_SIGN: u8 = 2;
pub(crate) const F_BLANK: u8 = 4;
pub(crate) const F_ALT: u8 = 8;
pub(crate) const F_ZERO: u8 = 16;

/// `ascii(obj)`: the repr with non-ASCII characters escaped.
pub fn ascii_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let n = c as u32;
        if n < 0x80 {
            out.push(c);
        } else if n < 0x100 {
            out.push_str(&format!("\\x{n:02x}"));
        } else if n < 0x10000 {
            out.push_str(&format!("\\u{n:04x}"));
        } else {
            out.push_str(&format!("\\U{n:08x}"));
        }
    }
    out
}

/// The argument cursor of `PyUnicode_Format` (`arglen < 0` means a single non-tuple value).
pub(crate) struct ArgCursor {
    pub(crate) args: Value,
    pub(crate) arglen: isize,
    pub(crate) argidx: isize,
}

impl ArgCursor {
    pub(crate) fn next(&mut self, vm: &mut Vm) -> PyResult<Value> {
        if self.argidx < self.arglen {
            let i = self.argidx;
            self.argidx += 1;
            if self.arglen < 0 {
                return Ok(self.args.clone());
            }
            return Ok(tuple::items(&self.args)[i as usize].clone());
        }
        Err(vm.type_error("not enough arguments for format string"))
    }
}

fn is_number(v: &Value) -> bool {
    let s = &v.ty().slots;
    int::is_int(v)
        || s.nb_index.get().is_some()
        || s.nb_int.get().is_some()
        || s.nb_float.get().is_some()
        || v.downcast::<crate::objects::complex::ComplexData>().is_some()
}

/// Read a `*` width/precision argument.
pub(crate) fn star_arg(vm: &mut Vm, cur: &mut ArgCursor) -> PyResult<i64> {
    let v = cur.next(vm)?;
    match int::as_int(&v) {
        Some(r) => match r.to_i64() {
            Some(n) if n.unsigned_abs() <= isize::MAX as u64 => Ok(n),
            _ => Err(vm.overflow_error("Python int too large to convert to C ssize_t")),
        },
        None => Err(vm.type_error("* wants int")),
    }
}

/// Pad a converted numeric or text value for `%`: `sign` and `prefix` stay left of zeros.
/// Append one converted field to `out`, padded to `width` as the flags say.
fn percent_pad(out: &mut String, flags: u8, width: usize, sign: &str, prefix: &str, body: &str, numeric: bool) -> usize {
    if width == 0 {
        // The common case: no field width, nothing to pad.
        out.push_str(sign);
        out.push_str(prefix);
        out.push_str(body);
        return out.len() - body.len();
    }
    let len = if width == 0 { 0 } else { sign.chars().count() + prefix.chars().count() + body.chars().count() };
    let n = width.saturating_sub(len);
    let pad = |out: &mut String, c: char| out.extend(std::iter::repeat_n(c, n));
    if n == 0 || flags & F_LJUST != 0 {
        out.push_str(sign);
        out.push_str(prefix);
        out.push_str(body);
        pad(out, ' ');
    } else if numeric && flags & F_ZERO != 0 {
        out.push_str(sign);
        out.push_str(prefix);
        pad(out, '0');
        out.push_str(body);
    } else {
        pad(out, ' ');
        out.push_str(sign);
        out.push_str(prefix);
        out.push_str(body);
    }
    // The body's offset: the end, before the `n` one-byte spaces that follow a left-justified
    // body.
    if flags & F_LJUST != 0 { out.len() - body.len() - n } else { out.len() - body.len() }
}

/// Text a %-format copies whose lone surrogates its `String` cannot hold: the output keeps the
/// lossy rendering (U+FFFD, the same length in bytes), and these patches write the original
/// bytes over it at the end.
#[derive(Default)]
struct Patches(Vec<(usize, Vec<u8>)>);

impl Patches {
    /// Record that `raw` (generalized UTF-8 with surrogates) was pushed lossily at `at`.
    fn note(&mut self, at: usize, raw: &[u8]) {
        self.0.push((at, raw.to_vec()));
    }
    /// The str of `out` with the patches applied.
    fn finish(self, out: String) -> Value {
        if self.0.is_empty() {
            return pystr::from_string(out);
        }
        let mut bytes = out.into_bytes();
        for (at, raw) in self.0 {
            bytes[at..at + raw.len()].copy_from_slice(&raw);
        }
        pystr::new_str_wtf8(&bytes)
    }
}

/// The raw bytes of `v`'s text if it is a str with lone surrogates.
fn surrogate_bytes(v: &Value) -> Option<&[u8]> {
    pystr::str_data(v).filter(|d| d.has_surrogates()).map(|d| d.as_bytes())
}

fn specialize_exact_str(v: &Value) -> bool {
    !v.is_small_int() && std::ptr::eq(v.ty(), &pystr::STR_TYPE.0)
}

/// `fmt % args` for str (CPython's `PyUnicode_Format`).
pub fn percent_format(vm: &mut Vm, fmt: &str, args: &Value) -> PyResult<Value> {
    percent_format_raw(vm, fmt, None, args)
}

/// `fmt % args` for the str `fmt` (lone surrogates included).
pub fn percent_format_str(vm: &mut Vm, fmt: &Value, args: &Value) -> PyResult<Value> {
    let d = pystr::str_data(fmt).expect("str");
    percent_format_raw(vm, d.text(), surrogate_bytes(fmt), args)
}

/// `fmt_raw` is the format's generalized UTF-8 when it holds lone surrogates (`fmt` is then
/// its lossy rendering).
fn percent_format_raw(vm: &mut Vm, fmt: &str, fmt_raw: Option<&[u8]>, args: &Value) -> PyResult<Value> {
    // An ASCII format (the usual case) is scanned as bytes; others as chars, so that the
    // indexes in error messages count code points as CPython's do.
    if fmt.is_ascii() {
        percent_format_units(vm, fmt.as_bytes(), fmt.len(), None, args)
    } else {
        let chars: Vec<char> = fmt.chars().collect();
        percent_format_units(vm, &chars, fmt.len(), fmt_raw, args)
    }
}

/// A code unit of a %-format: a byte of an ASCII format, or a char.
trait FormatUnit: Copy + Into<char> {
    /// Append a run of literal units.
    fn push_run(out: &mut String, run: &[Self]);
}

impl FormatUnit for u8 {
    #[inline]
    fn push_run(out: &mut String, run: &[u8]) {
        debug_assert!(run.is_ascii());
        // SAFETY: only ASCII formats are scanned as bytes, so any run of them is UTF-8.
        out.push_str(unsafe { std::str::from_utf8_unchecked(run) });
    }
}

impl FormatUnit for char {
    #[inline]
    fn push_run(out: &mut String, run: &[char]) {
        out.extend(run.iter());
    }
}

/// The sign a numeric conversion shows: `-`, or for non-negative values `+` / a blank as the
/// `+` and space flags ask.
fn percent_sign(negative: bool, flags: u8) -> &'static str {
    if negative {
        "-"
    } else if flags & F_SIGN != 0 {
        "+"
    } else if flags & F_BLANK != 0 {
        " "
    } else {
        ""
    }
}

/// The decimal digits of `n` in `buf` (no allocation).
fn decimal_digits(mut n: u64, buf: &mut [u8; 20]) -> &str {
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    // SAFETY: ASCII digits.
    unsafe { std::str::from_utf8_unchecked(&buf[i..]) }
}

/// `percent_format` over the format's code units (bytes of an ASCII format, or chars).
fn percent_format_units<U: FormatUnit>(vm: &mut Vm, chars: &[U], fmt_len: usize, fmt_raw: Option<&[u8]>, args: &Value) -> PyResult<Value> {
    let mut patches = Patches::default();
    // Byte offset in the format of each of its code units (only needed to patch its literal
    // runs back when it holds surrogates).
    let unit_bytes: Vec<usize> = match fmt_raw {
        Some(_) => chars
            .iter()
            .scan(0, |b, &c| {
                let at = *b;
                *b += Into::<char>::into(c).len_utf8();
                Some(at)
            })
            .chain(std::iter::once(fmt_len))
            .collect(),
        None => Vec::new(),
    };
    let at = |k: usize| -> char { chars[k].into() };
    let is_tuple = tuple::try_items(args).is_some();
    let mut cur = if is_tuple {
        ArgCursor { args: args.clone(), arglen: tuple::items(args).len() as isize, argidx: 0 }
    } else {
        ArgCursor { args: args.clone(), arglen: -1, argidx: -2 }
    };
    let dict = if !is_tuple && !pystr::is_str(args) && args.ty().slots.getitem.get().is_some() {
        Some(args.clone())
    } else {
        None
    };
    let mut out = String::with_capacity(fmt_len + 16);
    let mut i = 0;
    while i < chars.len() {
        if at(i) != '%' {
            let start = i;
            while i < chars.len() && at(i) != '%' {
                i += 1;
            }
            if let Some(raw) = fmt_raw {
                patches.note(out.len(), &raw[unit_bytes[start]..unit_bytes[i]]);
            }
            U::push_run(&mut out, &chars[start..i]);
            continue;
        }
        i += 1;
        if i < chars.len() && at(i) == '%' {
            out.push('%');
            i += 1;
            continue;
        }
        // Mapping key.
        if i < chars.len() && at(i) == '(' {
            let Some(d) = dict.clone() else {
                return Err(vm.type_error("format requires a mapping"));
            };
            let mut depth = 1;
            let start = i + 1;
            let mut j = start;
            while j < chars.len() && depth > 0 {
                if at(j) == '(' {
                    depth += 1;
                } else if at(j) == ')' {
                    depth -= 1;
                }
                j += 1;
            }
            if depth > 0 {
                return Err(vm.value_error("incomplete format key"));
            }
            let key: String = chars[start..j - 1].iter().map(|&c| c.into()).collect();
            let value = crate::protocols::object::getitem(vm, &d, &pystr::from_string(key))?;
            cur = ArgCursor { args: value, arglen: -1, argidx: -2 };
            i = j;
        }
        // Flags.
        let mut flags = 0u8;
        while i < chars.len() {
            match at(i) {
                '-' => flags |= F_LJUST,
                '+' => flags |= F_SIGN,
                ' ' => flags |= F_BLANK,
                '#' => flags |= F_ALT,
                '0' => flags |= F_ZERO,
                _ => break,
            }
            i += 1;
        }
        // Width.
        let mut width: usize = 0;
        if i < chars.len() && at(i) == '*' {
            let w = star_arg(vm, &mut cur)?;
            if w < 0 {
                flags |= F_LJUST;
            }
            width = w.unsigned_abs() as usize;
            i += 1;
        } else {
            while i < chars.len() && at(i).is_ascii_digit() {
                let d = at(i) as usize - '0' as usize;
                if width > (isize::MAX as usize - d) / 10 {
                    return Err(vm.value_error("width too big"));
                }
                width = width * 10 + d;
                i += 1;
            }
        }
        check_width(vm, Some(width))?;
        // Precision.
        let mut prec: Option<usize> = None;
        if i < chars.len() && at(i) == '.' {
            i += 1;
            if i < chars.len() && at(i) == '*' {
                let p = star_arg(vm, &mut cur)?;
                prec = Some(p.max(0) as usize);
                i += 1;
            } else {
                let mut p: usize = 0;
                while i < chars.len() && at(i).is_ascii_digit() {
                    let d = at(i) as usize - '0' as usize;
                    if p > (isize::MAX as usize - d) / 10 {
                        return Err(vm.value_error("precision too big"));
                    }
                    p = p * 10 + d;
                    i += 1;
                }
                prec = Some(p);
            }
        }
        // Length modifiers are accepted and ignored.
        while i < chars.len() && matches!(at(i), 'h' | 'l' | 'L') {
            i += 1;
        }
        if i >= chars.len() {
            return Err(vm.value_error("incomplete format"));
        }
        let conv = at(i);
        let conv_index = i;
        i += 1;
        let v = cur.next(vm)?;
        match conv {
            's' if prec.is_none() && specialize_exact_str(&v) => {
                // An exact str formats as itself: no copy.
                let at = percent_pad(&mut out, flags, width, "", "", pystr::as_str(&v), false);
                if let Some(raw) = surrogate_bytes(&v) {
                    patches.note(at, raw);
                }
            }
            's' | 'r' | 'a' => {
                let shown = match conv {
                    's' => crate::protocols::object::str(vm, &v)?,
                    'r' => crate::protocols::object::repr(vm, &v)?,
                    _ => pystr::from_string(ascii_escape(&crate::protocols::object::repr_string(vm, &v)?)),
                };
                let mut text = pystr::as_str(&shown);
                if let Some(p) = prec {
                    if let Some((cut, _)) = text.char_indices().nth(p) {
                        text = &text[..cut];
                    }
                }
                let at = percent_pad(&mut out, flags, width, "", "", text, false);
                if let Some(raw) = surrogate_bytes(&shown) {
                    patches.note(at, &raw[..text.len()]);
                }
            }
            'd' | 'i' | 'u' if prec.is_none() && v.is_small_int() => {
                // The common `%d` of a small int: digits straight from a stack buffer.
                let i = v.small_int_unchecked();
                let sign = percent_sign(i < 0, flags);
                let mut buf = [0u8; 20];
                percent_pad(&mut out, flags, width, sign, "", decimal_digits(i.unsigned_abs(), &mut buf), true);
            }
            'd' | 'i' | 'u' | 'o' | 'x' | 'X' => {
                let iv = percent_int_arg(vm, &v, conv)?;
                let (negative, mut digits) = match iv.as_small_int() {
                    // Small ints: format the magnitude directly (no big-int conversion).
                    Some(i) => (i < 0, match conv {
                        'o' => format!("{:o}", i.unsigned_abs()),
                        'x' => format!("{:x}", i.unsigned_abs()),
                        'X' => format!("{:X}", i.unsigned_abs()),
                        _ => i.unsigned_abs().to_string(),
                    }),
                    None => {
                        let b = int::as_int(&iv).map(|r| r.to_bigint()).unwrap_or_default();
                        let mag = b.magnitude();
                        (b.is_negative(), match conv {
                            'o' => mag.to_str_radix(8),
                            'x' => mag.to_str_radix(16),
                            'X' => mag.to_str_radix(16).to_ascii_uppercase(),
                            _ => int::int_to_decimal(vm, &IntRef::Big(&BigInt::from(mag.clone())))?,
                        })
                    }
                };
                if let Some(p) = prec {
                    if digits.len() < p {
                        digits = format!("{}{digits}", "0".repeat(p - digits.len()));
                    }
                }
                let sign = percent_sign(negative, flags);
                let prefix = if flags & F_ALT != 0 {
                    match conv {
                        'o' => "0o",
                        'x' => "0x",
                        'X' => "0X",
                        _ => "",
                    }
                } else {
                    ""
                };
                percent_pad(&mut out, flags, width, sign, prefix, &digits, true);
            }
            'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
                let f = crate::protocols::number::to_f64(vm, &v)?;
                let mut dflags = 0;
                if flags & F_ALT != 0 {
                    dflags |= DTSF_ALT;
                }
                let s = double_to_string(f, conv, prec.unwrap_or(6), dflags);
                let (sign, body) = match s.strip_prefix('-') {
                    Some(b) => (percent_sign(true, flags), b.to_string()),
                    None => (percent_sign(false, flags), s),
                };
                percent_pad(&mut out, flags, width, sign, "", &body, true);
            }
            'c' => {
                let cp = percent_char_arg(vm, &v)?;
                let ch = char::from_u32(cp).unwrap_or('\u{fffd}');
                let at = percent_pad(&mut out, flags, width, "", "", ch.encode_utf8(&mut [0; 4]), false);
                if ch as u32 != cp {
                    let mut raw = Vec::new();
                    crate::objects::str_wtf8::push_code_point(&mut raw, cp);
                    patches.note(at, &raw);
                }
            }
            _ => {
                let n = conv as u32;
                let shown = if (32..127).contains(&n) { conv.to_string() } else { "?".to_string() };
                return Err(vm.value_error(format!(
                    "unsupported format character '{shown}' (0x{n:x}) at index {conv_index}"
                )));
            }
        }
    }
    if cur.argidx < cur.arglen && dict.is_none() {
        return Err(vm.type_error("not all arguments converted during string formatting"));
    }
    Ok(patches.finish(out))
}

/// The int for `%d %i %u %o %x %X`.
pub(crate) fn percent_int_arg(vm: &mut Vm, v: &Value, conv: char) -> PyResult<Value> {
    let wrong = |vm: &mut Vm| {
        if matches!(conv, 'o' | 'x' | 'X') {
            vm.type_error(format!("%{conv} format: an integer is required, not {}", v.ty().name()))
        } else {
            vm.type_error(format!("%{conv} format: a real number is required, not {}", v.ty().name()))
        }
    };
    if int::is_int(v) {
        return Ok(v.clone());
    }
    if !is_number(v) {
        return Err(wrong(vm));
    }
    let r = if matches!(conv, 'o' | 'x' | 'X') {
        crate::protocols::number::index(vm, v)
    } else {
        crate::objects::int_convert::int_from_object(vm, v)
    };
    match r {
        Ok(x) => Ok(x),
        Err(e) if e.matches(crate::objects::exceptions::type_error()) => Err(wrong(vm)),
        Err(e) => Err(e),
    }
}

/// The character for `%c`: a one-character str or an int code point.
fn percent_char_arg(vm: &mut Vm, v: &Value) -> PyResult<u32> {
    if let Some(s) = pystr::str_data(v) {
        if s.len == 1 {
            return Ok(s.char_at(0));
        }
        return Err(vm.type_error("%c requires int or char"));
    }
    if !crate::protocols::number::has_index(v) {
        return Err(vm.type_error("%c requires int or char"));
    }
    let i = crate::protocols::number::index(vm, v)?;
    match int::as_int(&i).and_then(|r| r.to_i64()) {
        Some(n) if (0..0x110000).contains(&n) => Ok(n as u32),
        _ => Err(vm.overflow_error("%c arg not in range(0x110000)")),
    }
}

// ---------------------------------------------------------------------------------------
// str.format

#[derive(Copy, Clone, PartialEq, Eq)]
enum AutoState {
    Init,
    Auto,
    Manual,
}

struct AutoNumber {
    state: AutoState,
    next: usize,
}

/// `get_integer` of unicode_format.h: `Ok(None)` if the text is empty or not all digits.
fn field_integer(vm: &mut Vm, s: &[char]) -> PyResult<Option<usize>> {
    if s.is_empty() {
        return Ok(None);
    }
    let mut acc: usize = 0;
    for &c in s {
        let Some(d) = decimal_value(c) else { return Ok(None) };
        if acc > (isize::MAX as usize - d as usize) / 10 {
            return Err(vm.value_error("Too many decimal digits in format string"));
        }
        acc = acc * 10 + d as usize;
    }
    Ok(Some(acc))
}

/// `fmt.format(*args, **kwargs)`; `kwargs` is a dict (or any mapping) or `None`.
/// `fmt.format(*args, **kwargs)` for the str `fmt` (lone surrogates included).
pub fn str_format(vm: &mut Vm, fmt: &Value, args: &[Value], kwargs: Option<&Value>) -> PyResult<Value> {
    let d = pystr::str_data(fmt).expect("str");
    // Copied out: the fields' formatting runs Python code.
    let chars: Vec<char> = d.text().chars().collect();
    let raw = surrogate_bytes(fmt).map(|r| r.to_vec());
    let mut auto = AutoNumber { state: AutoState::Init, next: 0 };
    let mut patches = Patches::default();
    let mut literal = FormatLiteral { raw: raw.as_deref(), offsets: Vec::new(), patches: &mut patches };
    if let Some(r) = literal.raw {
        // The byte offset of each char: the lossy text and the raw one share them.
        let mut at = 0;
        for c in &chars {
            literal.offsets.push(at);
            at += c.len_utf8();
        }
        literal.offsets.push(r.len());
    }
    let s = build_string(vm, &chars, args, kwargs, 2, &mut auto, &mut literal)?;
    Ok(patches.finish(s))
}

/// Where `build_string` records the lone surrogates of the format's literal text and of the
/// fields' values (see [`Patches`]).
struct FormatLiteral<'a> {
    /// The format's generalized UTF-8 when it holds surrogates, with each char's byte offset.
    raw: Option<&'a [u8]>,
    offsets: Vec<usize>,
    patches: &'a mut Patches,
}

fn build_string(
    vm: &mut Vm,
    input: &[char],
    args: &[Value],
    kwargs: Option<&Value>,
    depth: i32,
    auto: &mut AutoNumber,
    lit: &mut FormatLiteral,
) -> PyResult<String> {
    if depth <= 0 {
        return Err(vm.value_error("Max string recursion exceeded"));
    }
    let mut out = String::with_capacity(input.len() + 16);
    let mut pos = 0;
    let end = input.len();
    while pos < end {
        // Literal text up to a brace.
        let mut c = '\0';
        let mut markup = false;
        while pos < end {
            c = input[pos];
            pos += 1;
            if c == '{' || c == '}' {
                markup = true;
                break;
            }
            if c == '\u{FFFD}' && depth == 2 {
                if let Some(raw) = lit.raw {
                    lit.patches.note(out.len(), &raw[lit.offsets[pos - 1]..lit.offsets[pos]]);
                }
            }
            out.push(c);
        }
        if !markup {
            break;
        }
        let at_end = pos >= end;
        if c == '}' && (at_end || input[pos] != '}') {
            return Err(vm.value_error("Single '}' encountered in format string"));
        }
        if at_end && c == '{' {
            return Err(vm.value_error("Single '{' encountered in format string"));
        }
        if input[pos] == c {
            out.push(c);
            pos += 1;
            continue;
        }
        // A replacement field: parse_field.
        let name_start = pos;
        let mut term = '\0';
        while pos < end {
            let ch = input[pos];
            pos += 1;
            match ch {
                '{' => return Err(vm.value_error("unexpected '{' in field name")),
                '[' => {
                    while pos < end && input[pos] != ']' {
                        pos += 1;
                    }
                    continue;
                }
                '}' | ':' | '!' => {
                    term = ch;
                    break;
                }
                _ => continue,
            }
        }
        if !matches!(term, '}' | ':' | '!') {
            return Err(vm.value_error("expected '}' before end of string"));
        }
        let name: Vec<char> = input[name_start..pos - 1].to_vec();
        let mut conversion: Option<char> = None;
        let mut spec: Vec<char> = Vec::new();
        let mut needs_expanding = false;
        if term == '!' || term == ':' {
            let mut done = false;
            if term == '!' {
                if pos >= end {
                    return Err(vm.value_error("end of string while looking for conversion specifier"));
                }
                conversion = Some(input[pos]);
                pos += 1;
                if pos < end {
                    let ch = input[pos];
                    pos += 1;
                    if ch == '}' {
                        done = true;
                    } else if ch != ':' {
                        return Err(vm.value_error("expected ':' after conversion specifier"));
                    }
                }
            }
            if !done {
                let spec_start = pos;
                let mut count = 1;
                let mut closed = false;
                while pos < end {
                    let ch = input[pos];
                    pos += 1;
                    if ch == '{' {
                        needs_expanding = true;
                        count += 1;
                    } else if ch == '}' {
                        count -= 1;
                        if count == 0 {
                            spec = input[spec_start..pos - 1].to_vec();
                            closed = true;
                            break;
                        }
                    }
                }
                if !closed {
                    return Err(vm.value_error("unmatched '{' in format spec"));
                }
            }
        }
        // Resolve the field object.
        let mut obj = get_field_object(vm, &name, args, kwargs, auto)?;
        if let Some(conv) = conversion {
            obj = match conv {
                'r' => crate::protocols::object::repr(vm, &obj)?,
                's' => crate::protocols::object::str(vm, &obj)?,
                'a' => {
                    let r = crate::protocols::object::repr_string(vm, &obj)?;
                    pystr::from_string(ascii_escape(&r))
                }
                other => {
                    let n = other as u32;
                    return Err(vm.value_error(if n > 32 && n < 127 {
                        format!("Unknown conversion specifier {other}")
                    } else {
                        format!("Unknown conversion specifier \\x{n:x}")
                    }));
                }
            };
        }
        let spec_text: String = if needs_expanding {
            let mut nested = Patches::default();
            let mut spec_lit = FormatLiteral { raw: None, offsets: Vec::new(), patches: &mut nested };
            build_string(vm, &spec, args, kwargs, depth - 1, auto, &mut spec_lit)?
        } else {
            spec.iter().collect()
        };
        let r = format_value(vm, &obj, &spec_text)?;
        if depth == 2 {
            if let Some(raw) = surrogate_bytes(&r) {
                lit.patches.note(out.len(), raw);
            }
        }
        out.push_str(pystr::try_str(&r).unwrap_or(""));
    }
    Ok(out)
}

fn get_field_object(
    vm: &mut Vm,
    name: &[char],
    args: &[Value],
    kwargs: Option<&Value>,
    auto: &mut AutoNumber,
) -> PyResult<Value> {
    let first_end = name.iter().position(|&c| c == '.' || c == '[').unwrap_or(name.len());
    let first = &name[..first_end];
    let mut index = field_integer(vm, first)?;
    let empty = first.is_empty();
    if empty || index.is_some() {
        if auto.state == AutoState::Init {
            auto.state = if empty { AutoState::Auto } else { AutoState::Manual };
        }
        if auto.state == AutoState::Manual && empty {
            return Err(vm.value_error("cannot switch from manual field specification to automatic field numbering"));
        }
        if auto.state == AutoState::Auto && !empty {
            return Err(vm.value_error("cannot switch from automatic field numbering to manual field specification"));
        }
        if empty {
            index = Some(auto.next);
            auto.next += 1;
        }
    }
    let mut obj = match index {
        None => {
            let key = pystr::from_string(first.iter().collect());
            match kwargs {
                Some(kw) => crate::protocols::object::getitem(vm, kw, &key)?,
                None => return Err(vm.key_error(key)),
            }
        }
        Some(i) => match args.get(i) {
            Some(v) => v.clone(),
            None => return Err(vm.index_error(format!("Replacement index {i} out of range for positional args tuple"))),
        },
    };
    // The rest: `.attr` and `[key]` parts.
    let mut pos = first_end;
    while pos < name.len() {
        let c = name[pos];
        pos += 1;
        match c {
            '.' => {
                let start = pos;
                while pos < name.len() && name[pos] != '.' && name[pos] != '[' {
                    pos += 1;
                }
                if start == pos {
                    return Err(vm.value_error("Empty attribute in format string"));
                }
                let attr: String = name[start..pos].iter().collect();
                let attr = pystr::from_string(attr);
                obj = crate::protocols::object::getattr(vm, &obj, &attr)?;
            }
            '[' => {
                let start = pos;
                while pos < name.len() && name[pos] != ']' {
                    pos += 1;
                }
                if pos >= name.len() {
                    return Err(vm.value_error("Missing ']' in format string"));
                }
                let key = &name[start..pos];
                pos += 1;
                if key.is_empty() {
                    return Err(vm.value_error("Empty attribute in format string"));
                }
                let keyv = match field_integer(vm, key)? {
                    Some(i) => int::from_usize(i),
                    None => pystr::from_string(key.iter().collect()),
                };
                obj = crate::protocols::object::getitem(vm, &obj, &keyv)?;
            }
            _ => return Err(vm.value_error("Only '.' or '[' may follow ']' in format field specifier")),
        }
    }
    Ok(obj)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(s: &str) -> FormatSpec {
        match parse_spec(s, '>', "int") {
            Ok(f) => f,
            Err(e) => panic!("bad spec {s}: {e:?}"),
        }
    }

    #[test]
    fn parses_specs() {
        let f = spec("*^+#012,.3f");
        assert_eq!((f.fill, f.align, f.sign, f.alternate, f.width, f.grouping, f.precision, f.ty),
            ('*', '^', Some('+'), true, Some(12), Grouping::Comma, Some(3), Some('f')));
        let z = spec("010");
        assert_eq!((z.fill, z.align, z.width), ('0', '=', Some(10)));
        let e = |s: &str| match parse_spec(s, '>', "int") {
            Err(SpecError::Msg(m)) => m,
            Ok(_) => String::new(),
        };
        // Messages printed by CPython 3.12.
        assert_eq!(e(",_"), "Cannot specify both ',' and '_'.");
        assert_eq!(e("_,"), "Cannot specify both ',' and '_'.");
        assert_eq!(e("."), "Format specifier missing precision");
        assert_eq!(e("xx"), "Invalid format specifier 'xx' for object of type 'int'");
        assert_eq!(e("5.5.5"), "Invalid format specifier '5.5.5' for object of type 'int'");
        assert_eq!(e(",x"), "Cannot specify ',' with 'x'.");
        assert_eq!(e(",c"), "Cannot specify ',' with 'c'.");
        assert_eq!(e(",\x01"), "Cannot specify ',' with '\\x1'.");
        assert_eq!(e("9999999999999999999"), "Too many decimal digits in format string");
        assert_eq!(spec("_x").grouping, Grouping::UnderscoreFour);
    }

    #[test]
    fn groups_digits_like_cpython() {
        // format(1234, '09,'), '08,', '010,', and plain ',' / '_x' from CPython 3.12.
        assert_eq!(group_digits("1234", ',', 3, 9), "0,001,234");
        assert_eq!(group_digits("1234", ',', 3, 8), "0,001,234");
        assert_eq!(group_digits("1234", ',', 3, 10), "00,001,234");
        assert_eq!(group_digits("1234567", ',', 3, 0), "1,234,567");
        assert_eq!(group_digits("123", ',', 3, 0), "123");
        assert_eq!(group_digits("12d687", '_', 4, 0), "12_d687");
        assert_eq!(group_digits("0", ',', 3, 0), "0");
    }

    #[test]
    fn lays_out_numbers() {
        // format(-1234, '0=+12,') == '-000,001,234'; format(1234, '*^+12,') == '***+1,234***'.
        assert_eq!(layout_number(&spec("0=+12,"), "-", "", "1234", ""), "-000,001,234");
        assert_eq!(layout_number(&spec("*^+12,"), "+", "", "1234", ""), "***+1,234***");
        assert_eq!(layout_number(&spec("#010x"), "", "0x", "ff", ""), "0x000000ff");
        assert_eq!(layout_number(&spec("012,.2f"), "", "", "1234", ".50"), "0,001,234.50");
        assert_eq!(layout_number(&spec("010"), "", "", "", "inf"), "0000000inf");
        assert_eq!(layout_number(&spec("010,"), "", "", "", "inf"), "0000000inf");
        assert_eq!(layout_number(&spec("x<010"), "", "", "1234", ""), "1234xxxxxx");
        assert_eq!(layout_number(&spec("^5"), "", "", "1", ""), "  1  ");
    }

    #[test]
    fn pads_text() {
        let s = match parse_spec("x^10.2", '<', "str") {
            Ok(s) => s,
            Err(_) => return,
        };
        let text: String = "abc".chars().take(2).collect();
        assert_eq!(pad(&s, &text, 0, s.align), "xxxxabxxxx");
    }

    #[test]
    fn ascii_escapes() {
        assert_eq!(ascii_escape("'é😀ā'"), "'\\xe9\\U0001f600\\u0101'");
    }

    #[test]
    fn drops_negative_zero() {
        assert_eq!(drop_negative_zero("-0.00".into()), "0.00");
        assert_eq!(drop_negative_zero("-0.000000e+00".into()), "0.000000e+00");
        assert_eq!(drop_negative_zero("-0.01".into()), "-0.01");
    }

    #[test]
    fn double_to_string_with_sign_flag() {
        assert_eq!(double_to_string(f64::NAN, 'r', 0, float::DTSF_SIGN), "+nan");
    }
}
