//! SyntaxError messages and positions against CPython 3.12 (`syntax_errors.json` is produced
//! by `regen_dis.py` under the oracle from the programs in `syntax_cases/`).

use pyrite_compiler::{compile, Mode, SyntaxErrorKind};

/// Cases whose message or position does not match CPython yet, with the reason.
const KNOWN_DIFFERENCES: &[(&str, &str)] = &[
    ("case_32.py", "CPython points one column later for a positional argument after a keyword"),
    ("case_128.py", "Ruff reports the argument order before the unparenthesized generator expression"),
];

fn field<'a>(obj: &'a str, key: &str) -> Option<&'a str> {
    let pat = format!("\"{key}\": ");
    let i = obj.find(&pat)? + pat.len();
    let rest = &obj[i..];
    if let Some(r) = rest.strip_prefix('"') {
        let mut end = 0;
        let b = r.as_bytes();
        while end < b.len() && !(b[end] == b'"' && (end == 0 || b[end - 1] != b'\\')) {
            end += 1;
        }
        Some(&r[..end])
    } else {
        let end = rest.find([',', '\n', '}']).unwrap_or(rest.len());
        Some(rest[..end].trim())
    }
}

#[test]
fn syntax_errors_match_cpython() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let json = std::fs::read_to_string(dir.join("syntax_errors.json")).unwrap();
    let mut failed = Vec::new();
    let mut unexpected_pass = Vec::new();
    let mut passed = 0;
    let mut total = 0;
    for obj in json.split("},").filter(|o| o.contains("\"name\"")) {
        let name = field(obj, "name").unwrap().to_string();
        let src = std::fs::read_to_string(dir.join("syntax_cases").join(&name)).unwrap();
        total += 1;
        let want_ok = field(obj, "ok") == Some("true");
        let got = compile(&src, "x.py", Mode::Exec);
        let matches = match (&got, want_ok) {
            (Ok(_), true) => true,
            (Err(e), false) => {
                let kind = match e.kind {
                    SyntaxErrorKind::SyntaxError => "SyntaxError",
                    SyntaxErrorKind::IndentationError => "IndentationError",
                    SyntaxErrorKind::TabError => "TabError",
                };
                let want_msg = field(obj, "msg").unwrap_or("").replace("\\\"", "\"");
                let ok = field(obj, "type") == Some(kind)
                    && want_msg == e.msg
                    && field(obj, "lineno") == Some(e.lineno.to_string().as_str())
                    && field(obj, "offset") == Some(e.offset.to_string().as_str());
                if !ok && std::env::var("DIS_VERBOSE").is_ok() {
                    eprintln!("{name}: want {} {:?} {:?}:{:?}; got {kind} {:?} {}:{}", field(obj, "type").unwrap_or(""), want_msg, field(obj, "lineno"), field(obj, "offset"), e.msg, e.lineno, e.offset);
                }
                ok
            }
            _ => {
                if std::env::var("DIS_VERBOSE").is_ok() {
                    eprintln!("{name}: want ok={want_ok}, got {:?}", got.as_ref().err());
                }
                false
            }
        };
        let known = KNOWN_DIFFERENCES.iter().any(|(n, _)| *n == name);
        if matches {
            passed += 1;
            if known {
                unexpected_pass.push(name);
            }
        } else if !known {
            failed.push(name);
        }
    }
    eprintln!("syntax errors: {passed}/{total} match CPython");
    assert!(unexpected_pass.is_empty(), "now matching, remove from KNOWN_DIFFERENCES: {unexpected_pass:?}");
    assert!(failed.is_empty(), "mismatched: {failed:?}");
}

/// `offset`/`end_offset` as CPython 3.12 reports them (from the oracle): parser errors count
/// characters for str input and UTF-8 bytes for bytes input without a declared encoding; the
/// compiler's own errors always count bytes.
#[test]
fn offsets_in_bytes_or_characters() {
    // (source, str input (lineno, offset, end_offset), bytes input (lineno, offset, end_offset))
    type Pos = Option<(u32, u32, u32)>;
    let cases: &[(&str, Pos, Pos)] = &[
        ("x = 'é' é\n", Some((1, 9, 10)), Some((1, 10, 12))),
        ("'é'; return 1\n", Some((1, 7, 15)), Some((1, 7, 15))),
        ("s = 'é'; 1 = x\n", Some((1, 10, 11)), Some((1, 11, 12))),
        ("é = (1,\n", Some((1, 5, 0)), Some((1, 6, 0))),
        ("x = 'é' + (1 2)\n", Some((1, 12, 15)), Some((1, 13, 16))),
        ("def f(é, é): pass\n", Some((1, 11, 13)), Some((1, 11, 13))),
        ("# coding: utf-8\nx = 'é' é\n", Some((2, 9, 10)), Some((2, 9, 10))),
        ("\u{feff}x = 'é' é\n", None, Some((1, 9, 10))),
        ("s='é'\nmatch x:\n    case 'é' | y: pass\n", Some((3, 10, 18)), Some((3, 10, 18))),
        ("x = 'é\n", Some((1, 5, 5)), Some((1, 5, 5))),
    ];
    let mut failed = Vec::new();
    for (src, want_str, want_bytes) in cases {
        let pos = |r: Result<pyrite_compiler::CodeObject, pyrite_compiler::CompileError>| {
            r.err().map(|e| (e.lineno, e.offset, e.end_offset))
        };
        if let Some(w) = want_str {
            let got = pos(compile(src, "x.py", Mode::Exec));
            if got != Some(*w) {
                failed.push(format!("str {src:?}: want {w:?}, got {got:?}"));
            }
        }
        if let Some(w) = want_bytes {
            let got = pos(pyrite_compiler::compile_bytes(src.as_bytes(), "x.py", Mode::Exec));
            if got != Some(*w) {
                failed.push(format!("bytes {src:?}: want {w:?}, got {got:?}"));
            }
        }
    }
    assert!(failed.is_empty(), "{failed:#?}");
}
