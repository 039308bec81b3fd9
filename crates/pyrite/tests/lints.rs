//! The workspace's lints hold: every `unsafe` block carries a `// SAFETY:` note
//! (`clippy::undocumented_unsafe_blocks`) and no unsafe operation hides in an `unsafe fn`
//! without its own block (`unsafe_op_in_unsafe_fn`). Both are denied in the workspace
//! `Cargo.toml`; the rustc lint is checked by every build, the clippy one here.

use std::path::Path;
use std::process::Command;

#[test]
fn clippy_finds_no_denied_lint() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    // Its own target directory: the test run holds the lock on the main one.
    let out = Command::new(cargo)
        .args(["clippy", "--workspace", "--all-targets", "--quiet"])
        .env("CARGO_TARGET_DIR", root.join("target/clippy"))
        .current_dir(&root)
        .output()
        .expect("cargo clippy runs (install it with `rustup component add clippy`)");
    assert!(
        out.status.success(),
        "cargo clippy failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
