//! Compiles every `.py` under `$PYRITE_STDLIB_DIR` (e.g. CPython's `Lib/`) and reports internal
//! errors and panics. Ignored by default: `PYRITE_STDLIB_DIR=... cargo test -- --ignored`;
//! run without the variable it fails, rather than passing having compiled nothing.

#[test]
#[ignore]
fn compile_stdlib() {
    let dir = std::env::var("PYRITE_STDLIB_DIR").expect("PYRITE_STDLIB_DIR names a Lib directory to compile");
    let mut stack = vec![std::path::PathBuf::from(dir)];
    let (mut ok, mut syntax, mut internal, mut panics) = (0, 0, 0, 0);
    while let Some(d) = stack.pop() {
        let Ok(rd) = std::fs::read_dir(&d) else { continue };
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().map(|x| x == "py").unwrap_or(false) {
                let Ok(bytes) = std::fs::read(&p) else { continue };
                let name = p.display().to_string();
                let r = std::panic::catch_unwind(|| pyrite_compiler::compile_bytes(&bytes, &name, pyrite_compiler::Mode::Exec));
                match r {
                    Ok(Ok(_)) => ok += 1,
                    Ok(Err(e)) if e.msg.starts_with("internal") => {
                        internal += 1;
                        eprintln!("INTERNAL {name}: {}", e.msg);
                    }
                    Ok(Err(e)) => {
                        syntax += 1;
                        eprintln!("ERROR {name}:{}: {}", e.lineno, e.msg);
                    }
                    Err(_) => {
                        panics += 1;
                        eprintln!("PANIC {name}");
                    }
                }
            }
        }
    }
    eprintln!("stdlib: {ok} ok, {syntax} compile errors, {internal} internal errors, {panics} panics");
    assert!(ok > 0, "no .py file found under the directory");
    assert_eq!(panics + internal, 0);
}
