//! Golden-program runner: runs every `tests/programs/**/<name>.py` under the
//! `pyrite` binary and compares stdout, stderr and exit status with the
//! `<name>.out` / `<name>.err` / `<name>.status` files that CPython 3.12
//! produced (see `tests/regen.py` and `tests/README.md`).
//!
//! Counterpart: MicroPython's `tests/run-tests.py` (CPython as the oracle).
//! `GOLDEN_FILTER=substring` restricts the run to programs whose path
//! (relative to `tests/programs`) contains the substring.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{mpsc, Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

const TIMEOUT: Duration = Duration::from_secs(30);
const THREADS: usize = 2;

fn programs_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/programs")
}

/// Every `*.py` under `dir`, skipping `helper_*` modules, sorted.
fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, out);
        } else if path.extension().is_some_and(|e| e == "py") {
            let name = path.file_name().unwrap().to_string_lossy();
            if !name.starts_with("helper_") {
                out.push(path);
            }
        }
    }
}

struct Outcome {
    stdout: Vec<u8>,
    stderr: Vec<u8>,
    status: Option<i32>,
    timed_out: bool,
}

fn run(script: &Path, specialize: bool) -> Result<Outcome, String> {
    let dir = script.parent().unwrap();
    let name = script.file_name().unwrap();
    let mut command = Command::new(env!("CARGO_BIN_EXE_pyrite"));
    // Specialisation must be invisible: the suite runs once with it and once without.
    if specialize {
        command.env_remove("PYRITE_NOSPECIALIZE");
    } else {
        command.env("PYRITE_NOSPECIALIZE", "1");
    }
    // Every object must be freed at teardown: the interpreter reports any it still tracks.
    let mut child = command
        .args(["-X", "checkteardown"])
        .arg(name)
        .current_dir(dir)
        .env("PYTHONHASHSEED", "0")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start pyrite: {e}"))?;
    // Drain the pipes on their own threads so a chatty program cannot block.
    // They report through channels: after a timeout kill, a grandchild may
    // still hold a pipe open, and the runner must not wait for it.
    let drain = |mut pipe: Box<dyn Read + Send>| {
        let (tx, rx) = mpsc::channel();
        thread::spawn(move || {
            let mut buf = Vec::new();
            let _ = pipe.read_to_end(&mut buf);
            let _ = tx.send(buf);
        });
        rx
    };
    let out_rx = drain(Box::new(child.stdout.take().unwrap()));
    let err_rx = drain(Box::new(child.stderr.take().unwrap()));
    let start = Instant::now();
    let mut timed_out = false;
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if start.elapsed() > TIMEOUT => {
                let _ = child.kill();
                timed_out = true;
                break child.wait().map_err(|e| e.to_string())?;
            }
            Ok(None) => thread::sleep(Duration::from_millis(5)),
            Err(e) => return Err(format!("wait failed: {e}")),
        }
    };
    let grace = if timed_out { Duration::from_secs(1) } else { TIMEOUT };
    let collect = |rx: mpsc::Receiver<Vec<u8>>| rx.recv_timeout(grace).unwrap_or_default();
    let (stdout, stderr) = (collect(out_rx), collect(err_rx));
    // CPython prints the script's absolute path in tracebacks; the expected
    // files have the directory stripped (tests/regen.py), so strip it here too.
    // Either an absolute or a bare `File "name.py"` then matches.
    let mut prefixes = vec![format!("{}/", dir.display())];
    if let Ok(canon) = dir.canonicalize() {
        prefixes.insert(0, format!("{}/", canon.display()));
    }
    let strip = |bytes: Vec<u8>| {
        let mut text = String::from_utf8_lossy(&bytes).into_owned();
        if !prefixes.iter().any(|p| text.contains(p.as_str())) {
            return bytes;
        }
        for p in &prefixes {
            text = text.replace(p.as_str(), "");
        }
        text.into_bytes()
    };
    Ok(Outcome {
        stdout: strip(stdout),
        stderr: strip(stderr),
        status: status.code(),
        timed_out,
    })
}

/// A compact description of the first difference between two texts.
fn diff(what: &str, expected: &[u8], got: &[u8]) -> Option<String> {
    if expected == got {
        return None;
    }
    let expected = String::from_utf8_lossy(expected);
    let got = String::from_utf8_lossy(got);
    // Lines keep their '\n' so a missing final newline shows up too.
    let (e_lines, g_lines): (Vec<&str>, Vec<&str>) = (
        expected.split_inclusive('\n').collect(),
        got.split_inclusive('\n').collect(),
    );
    let n = e_lines.len().max(g_lines.len());
    for i in 0..n {
        let (e, g) = (e_lines.get(i), g_lines.get(i));
        if e != g {
            let show = |l: Option<&&str>| match l {
                Some(s) => format!("{s:?}"),
                None => "<end of output>".to_string(),
            };
            return Some(format!(
                "  {what} differs at line {}:\n    expected: {}\n    got:      {}",
                i + 1,
                show(e),
                show(g)
            ));
        }
    }
    Some(format!("  {what} differs"))
}

fn check(root: &Path, script: &Path, specialize: bool) -> Result<(), String> {
    let read = |ext: &str| fs::read(script.with_extension(ext)).ok();
    let expected_out = read("out").unwrap_or_default();
    let expected_err = read("err").unwrap_or_default();
    let expected_status: i32 = match read("status") {
        Some(s) => String::from_utf8_lossy(&s)
            .trim()
            .parse()
            .map_err(|_| "bad .status file".to_string())?,
        None => 0,
    };
    let outcome = run(script, specialize)?;
    let mut problems = Vec::new();
    if outcome.timed_out {
        problems.push(format!("  timed out after {}s", TIMEOUT.as_secs()));
    }
    problems.extend(diff("stdout", &expected_out, &outcome.stdout));
    problems.extend(diff("stderr", &expected_err, &outcome.stderr));
    if !outcome.timed_out && outcome.status != Some(expected_status) {
        let got = match outcome.status {
            Some(c) => c.to_string(),
            None => "killed by signal".to_string(),
        };
        problems.push(format!("  exit status: expected {expected_status}, got {got}"));
    }
    if problems.is_empty() {
        Ok(())
    } else {
        let rel = script.strip_prefix(root).unwrap_or(script);
        Err(format!("FAIL {}\n{}", rel.display(), problems.join("\n")))
    }
}

/// Marker comment of programs that only make sense with specialisation on.
const NEEDS_SPECIALIZATION: &str = "golden: needs-specialization";

#[test]
fn golden() {
    run_suite(true);
}

/// The same programs with the adaptive specialiser switched off (`PYRITE_NOSPECIALIZE`).
#[test]
fn golden_without_specialization() {
    run_suite(false);
}

fn run_suite(specialize: bool) {
    let root = programs_root();
    let mut scripts = Vec::new();
    collect(&root, &mut scripts);
    scripts.sort();
    if let Ok(filter) = std::env::var("GOLDEN_FILTER") {
        scripts.retain(|p| {
            p.strip_prefix(&root)
                .unwrap_or(p)
                .to_string_lossy()
                .contains(filter.as_str())
        });
    }
    assert!(!scripts.is_empty(), "no golden programs found under {}", root.display());
    if !specialize {
        // Programs that print the specialiser's own work (dis with adaptive=True) say so.
        scripts.retain(|p| !fs::read_to_string(p).map(|t| t.contains(NEEDS_SPECIALIZATION)).unwrap_or(false));
    }

    let queue = Arc::new(Mutex::new(scripts.clone()));
    let failures = Arc::new(Mutex::new(Vec::new()));
    let workers: Vec<_> = (0..THREADS)
        .map(|_| {
            let (queue, failures, root) = (queue.clone(), failures.clone(), root.clone());
            thread::spawn(move || loop {
                let Some(script) = queue.lock().unwrap().pop() else { break };
                if let Err(msg) = check(&root, &script, specialize) {
                    failures.lock().unwrap().push(msg);
                }
            })
        })
        .collect();
    for w in workers {
        w.join().unwrap();
    }

    let mut failures = failures.lock().unwrap().clone();
    failures.sort();
    for f in &failures {
        eprintln!("{f}");
    }
    let total = scripts.len();
    eprintln!("golden (specialize={specialize}): {} passed, {} failed", total - failures.len(), failures.len());
    assert!(failures.is_empty(), "{} golden program(s) failed", failures.len());
}
