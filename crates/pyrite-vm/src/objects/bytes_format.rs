//! `bytes % args` and `bytearray % args`, PEP 461 (CPython: `_PyBytes_FormatEx` in `Objects/bytesobject.c`).

use num_traits::Signed;

use crate::object::Value;
use crate::objects::float::{double_to_string, DTSF_ALT};
use crate::objects::{int, str as pystr, tuple};
use crate::protocols::buffer;
use crate::vm::{PyResult, Vm};

use crate::objects::format::{star_arg, ArgCursor as Cursor, F_ALT, F_BLANK, F_LJUST, F_SIGN, F_ZERO};

/// `format_obj`: the bytes of `%s`/`%b` (a buffer's contents or `__bytes__`).
fn format_obj(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    if let Some(b) = buffer::try_bytes_of(vm, v)? {
        return Ok(b);
    }
    if let Some(m) = v.ty().lookup_str(vm, "__bytes__") {
        let r = crate::protocols::call::call_method_value(vm, &m, v, &[])?;
        return match crate::objects::bytes::as_bytes(&r) {
            Some(b) => Ok(b.to_vec()),
            None => Err(vm.type_error(format!("__bytes__ returned non-bytes (type {})", r.ty().name()))),
        };
    }
    Err(vm.type_error(format!(
        "%b requires a bytes-like object, or an object that implements __bytes__, not '{}'",
        v.ty().name()
    )))
}

/// The byte of `%c`.
fn format_char(vm: &mut Vm, v: &Value) -> PyResult<u8> {
    if crate::objects::bytes::is_bytes_like(v) {
        let b = crate::objects::bytes::content(v);
        if b.len() == 1 {
            return Ok(b[0]);
        }
    } else if int::is_int(v) {
        return match int::as_int(v).and_then(|r| r.to_i64()) {
            Some(n) if (0..256).contains(&n) => Ok(n as u8),
            _ => Err(vm.overflow_error("%c arg not in range(256)")),
        };
    }
    Err(vm.type_error("%c requires an integer in range(256) or a single byte"))
}

fn pad(out: &mut Vec<u8>, flags: u8, width: usize, sign: &[u8], prefix: &[u8], body: &[u8], numeric: bool) {
    let len = sign.len() + prefix.len() + body.len();
    let n = width.saturating_sub(len);
    if n == 0 || flags & F_LJUST != 0 {
        out.extend_from_slice(sign);
        out.extend_from_slice(prefix);
        out.extend_from_slice(body);
        out.resize(out.len() + n, b' ');
    } else if numeric && flags & F_ZERO != 0 {
        out.extend_from_slice(sign);
        out.extend_from_slice(prefix);
        out.resize(out.len() + n, b'0');
        out.extend_from_slice(body);
    } else {
        out.resize(out.len() + n, b' ');
        out.extend_from_slice(sign);
        out.extend_from_slice(prefix);
        out.extend_from_slice(body);
    }
}

fn sign_of(negative: bool, flags: u8) -> &'static [u8] {
    if negative {
        b"-"
    } else if flags & F_SIGN != 0 {
        b"+"
    } else if flags & F_BLANK != 0 {
        b" "
    } else {
        b""
    }
}

/// `fmt % args` for bytes-like `fmt`.
pub fn format(vm: &mut Vm, fmt: &[u8], args: &Value) -> PyResult<Vec<u8>> {
    let is_tuple = tuple::try_items(args).is_some();
    let mut cur = if is_tuple {
        Cursor { args: args.clone(), arglen: tuple::items(args).len() as isize, argidx: 0 }
    } else {
        Cursor { args: args.clone(), arglen: -1, argidx: -2 }
    };
    let dict = if !is_tuple && !crate::objects::bytes::is_bytes_like(args) && !pystr::is_str(args) && args.ty().slots.getitem.get().is_some() {
        Some(args.clone())
    } else {
        None
    };
    let mut out = Vec::with_capacity(fmt.len() + 16);
    let n = fmt.len();
    let mut i = 0;
    while i < n {
        if fmt[i] != b'%' {
            let start = i;
            while i < n && fmt[i] != b'%' {
                i += 1;
            }
            out.extend_from_slice(&fmt[start..i]);
            continue;
        }
        i += 1;
        if i < n && fmt[i] == b'%' {
            out.push(b'%');
            i += 1;
            continue;
        }
        if i < n && fmt[i] == b'(' {
            let Some(d) = dict.clone() else {
                return Err(vm.type_error("format requires a mapping"));
            };
            let mut depth = 1;
            let start = i + 1;
            let mut j = start;
            while j < n && depth > 0 {
                if fmt[j] == b'(' {
                    depth += 1;
                } else if fmt[j] == b')' {
                    depth -= 1;
                }
                j += 1;
            }
            if depth > 0 {
                return Err(vm.value_error("incomplete format key"));
            }
            let key = crate::objects::bytes::new_bytes(fmt[start..j - 1].to_vec());
            let value = crate::protocols::object::getitem(vm, &d, &key)?;
            cur = Cursor { args: value, arglen: -1, argidx: -2 };
            i = j;
        }
        let mut flags = 0u8;
        while i < n {
            match fmt[i] {
                b'-' => flags |= F_LJUST,
                b'+' => flags |= F_SIGN,
                b' ' => flags |= F_BLANK,
                b'#' => flags |= F_ALT,
                b'0' => flags |= F_ZERO,
                _ => break,
            }
            i += 1;
        }
        let mut width: usize = 0;
        if i < n && fmt[i] == b'*' {
            let w = star_arg(vm, &mut cur)?;
            if w < 0 {
                flags |= F_LJUST;
            }
            width = w.unsigned_abs() as usize;
            i += 1;
        } else {
            while i < n && fmt[i].is_ascii_digit() {
                let d = (fmt[i] - b'0') as usize;
                if width > (isize::MAX as usize - d) / 10 {
                    return Err(vm.value_error("width too big"));
                }
                width = width * 10 + d;
                i += 1;
            }
        }
        let mut prec: Option<usize> = None;
        if i < n && fmt[i] == b'.' {
            i += 1;
            if i < n && fmt[i] == b'*' {
                prec = Some(star_arg(vm, &mut cur)?.max(0) as usize);
                i += 1;
            } else {
                let mut p: usize = 0;
                while i < n && fmt[i].is_ascii_digit() {
                    let d = (fmt[i] - b'0') as usize;
                    if p > (isize::MAX as usize - d) / 10 {
                        return Err(vm.value_error("precision too big"));
                    }
                    p = p * 10 + d;
                    i += 1;
                }
                prec = Some(p);
            }
        }
        while i < n && matches!(fmt[i], b'h' | b'l' | b'L') {
            i += 1;
        }
        if i >= n {
            return Err(vm.value_error("incomplete format"));
        }
        let conv = fmt[i];
        let conv_index = i;
        i += 1;
        let v = cur.next(vm)?;
        match conv {
            b's' | b'b' => {
                let mut body = format_obj(vm, &v)?;
                if let Some(p) = prec {
                    body.truncate(p);
                }
                pad(&mut out, flags, width, b"", b"", &body, false);
            }
            b'r' | b'a' => {
                let r = crate::protocols::object::repr_string(vm, &v)?;
                let mut body = crate::objects::format::ascii_escape(&r).into_bytes();
                if let Some(p) = prec {
                    body.truncate(p);
                }
                pad(&mut out, flags, width, b"", b"", &body, false);
            }
            b'd' | b'i' | b'u' | b'o' | b'x' | b'X' => {
                let iv = crate::objects::format::percent_int_arg(vm, &v, conv as char)?;
                let b = int::as_int(&iv).map(|r| r.to_bigint()).unwrap_or_default();
                let mag = b.magnitude();
                let mut digits = match conv {
                    b'o' => mag.to_str_radix(8),
                    b'x' => mag.to_str_radix(16),
                    b'X' => mag.to_str_radix(16).to_ascii_uppercase(),
                    _ => mag.to_str_radix(10),
                };
                if let Some(p) = prec {
                    if digits.len() < p {
                        digits = format!("{}{digits}", "0".repeat(p - digits.len()));
                    }
                }
                let prefix: &[u8] = if flags & F_ALT != 0 {
                    match conv {
                        b'o' => b"0o",
                        b'x' => b"0x",
                        b'X' => b"0X",
                        _ => b"",
                    }
                } else {
                    b""
                };
                pad(&mut out, flags, width, sign_of(b.is_negative(), flags), prefix, digits.as_bytes(), true);
            }
            b'e' | b'E' | b'f' | b'F' | b'g' | b'G' => {
                let s = &v.ty().slots;
                if v.downcast::<crate::objects::float::FloatData>().is_none() && !v.is_small_int() && s.nb_float.get().is_none() && s.nb_index.get().is_none() {
                    return Err(vm.type_error(format!("float argument required, not {}", v.ty().name())));
                }
                let f = crate::protocols::number::to_f64(vm, &v)?;
                let s = double_to_string(f, conv as char, prec.unwrap_or(6), if flags & F_ALT != 0 { DTSF_ALT } else { 0 });
                let (neg, body) = match s.strip_prefix('-') {
                    Some(b) => (true, b.to_string()),
                    None => (false, s),
                };
                pad(&mut out, flags, width, sign_of(neg, flags), b"", body.as_bytes(), true);
            }
            b'c' => {
                let c = format_char(vm, &v)?;
                pad(&mut out, flags, width, b"", b"", &[c], false);
            }
            _ if conv >= 0x80 => {
                // CPython formats the (signed, negative) char with %c, which overflows.
                return Err(vm.overflow_error("character argument not in range(0x110000)"));
            }
            _ => {
                let shown = if (32..127).contains(&conv) { (conv as char).to_string() } else { "?".to_string() };
                return Err(vm.value_error(format!("unsupported format character '{shown}' (0x{conv:x}) at index {conv_index}")));
            }
        }
    }
    if cur.argidx < cur.arglen && dict.is_none() {
        return Err(vm.type_error("not all arguments converted during bytes formatting"));
    }
    Ok(out)
}
