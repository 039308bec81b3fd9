"""Regenerate the dis snapshots with CPython 3.12 (the oracle).

Run: $(/work/shared/bench/cpython oracle) crates/pyrite-compiler/tests/regen_dis.py
Each dis_snapshots/NAME.py gets NAME.dis = dis.dis(compile(src, "<snapshot>", "exec")), with
code-object addresses replaced by a fixed token (the Rust test does the same on its side).
Also regenerates syntax_errors.txt from syntax_errors.py-style cases in syntax_cases/.
"""
import dis, io, os, re, sys, json

assert sys.version_info[:2] == (3, 12), sys.version
here = os.path.dirname(os.path.abspath(__file__))
snap = os.path.join(here, "dis_snapshots")
for name in sorted(os.listdir(snap)):
    if not name.endswith(".py"):
        continue
    with open(os.path.join(snap, name), encoding="utf-8") as f:
        src = f.read()
    out = io.StringIO()
    dis.dis(compile(src, "<snapshot>", "exec"), file=out)
    text = re.sub(r"0x[0-9a-f]+", "0xADDR", out.getvalue())
    with open(os.path.join(snap, name[:-3] + ".dis"), "w", encoding="utf-8") as f:
        f.write(text)

cases_dir = os.path.join(here, "syntax_cases")
if os.path.isdir(cases_dir):
    results = []
    for name in sorted(os.listdir(cases_dir)):
        if not name.endswith(".py"):
            continue
        with open(os.path.join(cases_dir, name), encoding="utf-8") as f:
            src = f.read()
        try:
            compile(src, "x.py", "exec")
            results.append({"name": name, "ok": True})
        except SyntaxError as e:
            results.append({"name": name, "ok": False, "type": type(e).__name__, "msg": e.msg,
                            "lineno": e.lineno, "offset": e.offset})
    with open(os.path.join(here, "syntax_errors.json"), "w", encoding="utf-8") as f:
        json.dump(results, f, indent=1)
