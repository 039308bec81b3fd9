//! Compares our bytecode, as `dis` prints it, with CPython 3.12's for each snapshot program.
//! Regenerate expectations with `regen_dis.py` under the oracle.

use pyrite_bytecode::dis::{default_const_repr, disassemble, DisOptions};
use pyrite_compiler::{compile, Mode};

/// Snapshots that do not match yet, with the reason. The test still runs them and fails if one
/// of them starts matching (so the list shrinks), or if any other snapshot differs.
const KNOWN_DIFFERENCES: &[(&str, &str)] = &[
    ("nested_try", "CPython keeps a line-numbered NOP after an inner try body inside try/finally; we drop it"),
];

fn normalize(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find("0x") {
        out.push_str(&rest[..i]);
        out.push_str("0xADDR");
        let tail = &rest[i + 2..];
        let n = tail.chars().take_while(|c| c.is_ascii_hexdigit()).count();
        rest = &tail[n..];
    }
    out.push_str(rest);
    out
}

pub fn render(src: &str) -> String {
    match compile(src, "<snapshot>", Mode::Exec) {
        Ok(code) => normalize(&disassemble(&code, &default_const_repr, &DisOptions::default())),
        Err(e) => format!("COMPILE ERROR: {e}"),
    }
}

#[test]
fn dis_snapshots() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/dis_snapshots");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().to_string())
        .filter(|n| n.ends_with(".py"))
        .map(|n| n.trim_end_matches(".py").to_string())
        .collect();
    names.sort();
    let mut failed = Vec::new();
    let mut missing = Vec::new();
    let mut unexpected_pass = Vec::new();
    let mut passed = 0;
    for name in &names {
        let src = std::fs::read_to_string(dir.join(format!("{name}.py"))).unwrap();
        let Ok(want) = std::fs::read_to_string(dir.join(format!("{name}.dis"))) else {
            missing.push(name.clone());
            continue;
        };
        let got = render(&src);
        let known = KNOWN_DIFFERENCES.iter().any(|(n, _)| n == name);
        if got == want {
            passed += 1;
            if known {
                unexpected_pass.push(name.clone());
            }
        } else if !known {
            if std::env::var("DIS_VERBOSE").is_ok() {
                eprintln!("=== {name}: want\n{want}\n=== got\n{got}");
            }
            failed.push(name.clone());
        }
    }
    eprintln!("dis snapshots: {passed}/{} match", names.len());
    assert!(missing.is_empty(), "snapshot programs without a .dis expectation (run regen_dis.py under the oracle): {missing:?}");
    assert!(unexpected_pass.is_empty(), "now matching, remove from KNOWN_DIFFERENCES: {unexpected_pass:?}");
    assert!(failed.is_empty(), "mismatched snapshots (DIS_VERBOSE=1 for diffs): {failed:?}");
}
