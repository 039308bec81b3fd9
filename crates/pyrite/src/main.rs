//! The `pyrite` command: a thin client of the `pyrite-vm` embedding API, with `python`'s
//! command-line interface (CPython: `Modules/main.c`).

use std::io::Read;
use std::process::ExitCode;

use pyrite_vm::{Config, Interpreter};

mod alloc;

/// mimalloc, unless built with `--features system-alloc` (for valgrind and sanitizers, which
/// only see blocks that come from the C library's malloc).
#[cfg(not(feature = "system-alloc"))]
#[global_allocator]
static GLOBAL: alloc::MiMalloc = alloc::MiMalloc;

const USAGE: &str = "usage: pyrite [option] ... [-c cmd | -m mod | file | -] [arg] ...";
const VERSION: &str = "Python 3.12.0 (Pyrite 0.1.0)";
const HELP: &str = "usage: pyrite [option] ... [-c cmd | -m mod | file | -] [arg] ...
Options:
-c cmd : program passed in as string (terminates option list)
-m mod : run library module as a script (terminates option list); `-m dis FILE` disassembles
-h     : print this help message and exit (also -? or --help)
-V     : print the Python version number and exit (also --version)
-X opt : implementation-specific option; -X nospecialize turns the adaptive specialiser off
         (as does PYRITE_NOSPECIALIZE=1 in the environment); -X checkteardown reports on
         stderr any object left alive when the interpreter is torn down; others are ignored
-B -E -I -O -q -s -S -u : accepted for compatibility, no effect
file   : program read from script file
-      : program read from stdin (default; there is no interactive REPL yet)
arg ...: arguments passed to program in sys.argv[1:]";

enum Source {
    File(String),
    Command(String),
    Module(String),
    Stdin,
}

fn parse_args(args: &[String]) -> Result<(Source, Vec<String>, Vec<String>), String> {
    let mut i = 0;
    let mut xopts = Vec::new();
    while i < args.len() {
        let a = &args[i];
        match a.as_str() {
            "-c" => {
                let cmd = args.get(i + 1).ok_or("Argument expected for the -c option")?;
                let mut argv = vec!["-c".to_owned()];
                argv.extend_from_slice(&args[i + 2..]);
                return Ok((Source::Command(cmd.clone()), argv, xopts));
            }
            "-m" => {
                let m = args.get(i + 1).ok_or("Argument expected for the -m option")?;
                let mut argv = vec![m.clone()];
                argv.extend_from_slice(&args[i + 2..]);
                return Ok((Source::Module(m.clone()), argv, xopts));
            }
            "-" => {
                let mut argv = vec!["-".to_owned()];
                argv.extend_from_slice(&args[i + 1..]);
                return Ok((Source::Stdin, argv, xopts));
            }
            "-X" => {
                xopts.push(args.get(i + 1).ok_or("Argument expected for the -X option")?.clone());
                i += 2;
                continue;
            }
            "-h" | "-?" | "--help" => return Err(String::from(HELP)),
            "-V" | "--version" => return Err(String::from(VERSION)),
            "-S" | "-E" | "-s" | "-B" | "-u" | "-I" | "-O" | "-OO" | "-q" => {}
            s if s.starts_with('-') && s.len() > 1 => return Err(format!("Unknown option: {s}")),
            _ => return Ok((Source::File(a.clone()), args[i..].to_vec(), xopts)),
        }
        i += 1;
    }
    Ok((Source::Stdin, vec![String::new()], xopts))
}

fn run(args: Vec<String>) -> i32 {
    let (source, argv, xopts) = match parse_args(&args) {
        Ok(x) => x,
        Err(msg) if msg == HELP || msg == VERSION => {
            println!("{msg}");
            return 0;
        }
        Err(msg) => {
            eprintln!("{msg}\n{USAGE}\nTry `pyrite -h' for more information.");
            return 2;
        }
    };
    let mut config = Config { argv, ..Config::default() };
    if xopts.iter().any(|x| x == "nospecialize") || std::env::var_os("PYRITE_NOSPECIALIZE").is_some() {
        config.specialize = false;
    }
    config.check_teardown = xopts.iter().any(|x| x == "checkteardown");
    let (bytes, filename, script_dir) = match &source {
        Source::File(path) => match std::fs::read(path) {
            Ok(b) => {
                let dir = std::path::Path::new(path).parent().map(|p| p.display().to_string()).unwrap_or_default();
                (b, path.clone(), dir)
            }
            Err(e) => {
                let code = e.raw_os_error().unwrap_or(2);
                eprintln!("pyrite: can't open file '{path}': [Errno {code}] {}", strip_os_suffix(&e.to_string()));
                return 2;
            }
        },
        Source::Command(c) => (c.clone().into_bytes(), "<string>".to_owned(), String::new()),
        Source::Stdin => {
            let mut b = Vec::new();
            let _ = std::io::stdin().read_to_end(&mut b);
            (b, "<stdin>".to_owned(), String::new())
        }
        Source::Module(m) => (format!("import runpy_stub\n{m}").into_bytes(), "<module>".to_owned(), String::new()),
    };
    config.path = vec![if script_dir.is_empty() { ".".to_owned() } else { script_dir }];
    let mut interp = Interpreter::new(config);
    match &source {
        Source::Module(m) => interp.run_module(m),
        _ => interp.run_main(&bytes, &filename),
    }
}

fn strip_os_suffix(s: &str) -> String {
    match s.find(" (os error") {
        Some(i) => s[..i].to_owned(),
        None => s.to_owned(),
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    // Run on a thread with a large stack: native code re-entering the eval loop (e.g. deep
    // `__repr__` recursion) uses Rust stack up to the recursion limit.
    let child = std::thread::Builder::new().stack_size(512 << 20).spawn(move || run(args));
    let status = match child {
        Ok(h) => h.join().unwrap_or(70),
        Err(_) => 70,
    };
    ExitCode::from(status as u8)
}
