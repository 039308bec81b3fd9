"""Regenerate golden expectations with CPython 3.12 (the oracle).

Usage: <cpython3.12> tests/regen.py [paths...]

Each path may be a program (.py) or a directory; with no paths, every program
under tests/programs is regenerated. A program is run the way the golden
runner (crates/pyrite/tests/golden.rs) runs pyrite: cwd = the program's
directory, argv[1] = its bare file name, PYTHONHASHSEED=0, stdin = /dev/null.
Writes <name>.out always, <name>.err only if stderr is non-empty and
<name>.status only if the exit status is non-zero (stale ones are removed).
The program's absolute directory (plus the separator) is removed from stdout
and stderr, since CPython prints the absolute script path in tracebacks.
Files named helper_*.py are modules imported by programs and are skipped.
"""
import os
import subprocess
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "programs")
TIMEOUT = 60


def programs(paths):
    found = []
    for p in paths or [ROOT]:
        p = os.path.abspath(p)
        if os.path.isdir(p):
            for d, _, files in os.walk(p):
                found += [os.path.join(d, f) for f in files if f.endswith(".py")]
        elif p.endswith(".py"):
            found.append(p)
        else:
            sys.exit(f"regen: not a program or directory: {p}")
    return sorted(f for f in found if not os.path.basename(f).startswith("helper_"))


def regen(path):
    if sys.version_info[:2] != (3, 12):
        sys.exit("regen: run me with CPython 3.12, the oracle")
    env = dict(os.environ, PYTHONHASHSEED="0")
    for var in ("PYTHONPATH", "PYTHONSTARTUP", "PYTHONWARNINGS", "PYTHONDONTWRITEBYTECODE"):
        env.pop(var, None)
    env["PYTHONDONTWRITEBYTECODE"] = "1"  # keep __pycache__ out of the corpus
    proc = subprocess.run(
        [sys.executable, os.path.basename(path)],
        cwd=os.path.dirname(path),
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        timeout=TIMEOUT,
    )
    # CPython 3.12 makes the script path absolute (__file__, tracebacks,
    # SyntaxError locations). Strip the program's directory so expectations
    # say `File "name.py"` wherever the checkout lives; the runner strips it
    # from pyrite's output the same way.
    stdout, stderr = proc.stdout, proc.stderr
    for d in {os.path.realpath(os.path.dirname(path)), os.path.dirname(path)}:
        prefix = (d + os.sep).encode()
        stdout = stdout.replace(prefix, b"")
        stderr = stderr.replace(prefix, b"")
    base = path[:-3]
    with open(base + ".out", "wb") as f:
        f.write(stdout)
    for ext, data, keep in (
        (".err", stderr, bool(stderr)),
        (".status", f"{proc.returncode}\n".encode(), proc.returncode != 0),
    ):
        if keep:
            with open(base + ext, "wb") as f:
                f.write(data)
        elif os.path.exists(base + ext):
            os.remove(base + ext)
    return proc.returncode


def main():
    progs = programs(sys.argv[1:])
    for p in progs:
        code = regen(p)
        rel = os.path.relpath(p, ROOT)
        print(f"{rel}: status {code}" if code else rel)
    print(f"regen: {len(progs)} program(s)")


if __name__ == "__main__":
    main()
