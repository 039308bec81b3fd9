"""Indexing, slicing, find and iteration over strs of each PEP 393 kind.

Run it through any Python: `pyrite benches/str_kinds.py` and `python3 benches/str_kinds.py`
print one line per (operation, kind) with the time in nanoseconds per operation, then the
ratio of each non-ASCII kind to ASCII. `benches/compare.sh` runs both and prints the table.
"""
import time

N = 200_000
KINDS = {
    "ascii": "abcdefghij",
    "latin1": "abcdéfghij",
    "bmp": "abcd€fghij",
    "astral": "abcd😀fghij",
}


def timed(fn, arg, ops):
    best = None
    for _ in range(3):
        t0 = time.perf_counter()
        fn(arg)
        t = time.perf_counter() - t0
        best = t if best is None or t < best else best
    return best * 1e9 / ops


def index_all(s):
    n = len(s)
    i = 0
    while i < n:
        s[i]
        i += 1


def index_stride(s):
    # Jumps around the whole text: no position is near the last one.
    n = len(s)
    i = 0
    for _ in range(n):
        s[i]
        i = (i + 7919) % n


def slice_pieces(s):
    n = len(s)
    for i in range(0, n - 10, 3):
        s[i:i + 10]


def find_end(s):
    # Absent: every search scans the whole text.
    needle = "xy" + s[4]
    for _ in range(200):
        s.find(needle)


def iterate(s):
    for c in s:
        pass


OPS = [
    ("index", index_all, lambda s: len(s)),
    ("index-stride", index_stride, lambda s: len(s)),
    ("slice", slice_pieces, lambda s: len(range(0, len(s) - 10, 3))),
    ("find", find_end, lambda s: 200),
    ("iterate", iterate, lambda s: len(s)),
]


def main():
    import sys
    if len(sys.argv) == 4:
        # One operation on one kind, once, for instruction counting:
        # `str_kinds.py OP KIND N` (OP "none" builds the string only).
        name, kind, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
        s = KINDS[kind] * (n // len(KINDS[kind]))
        for op, fn, _ in OPS:
            if op == name:
                fn(s)
        return
    results = {}
    for kind, unit in KINDS.items():
        s = unit * (N // len(unit))
        for name, fn, ops in OPS:
            results[name, kind] = timed(fn, s, ops(s))
    for name, _, _ in OPS:
        row = "  ".join(f"{kind}={results[name, kind]:8.2f}" for kind in KINDS)
        worst = max(results[name, k] / results[name, "ascii"] for k in KINDS)
        print(f"{name:13s} ns/op  {row}  worst/ascii={worst:.2f}")


main()
