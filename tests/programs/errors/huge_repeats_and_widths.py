# Repetitions and field widths too large to allocate are MemoryError (or OverflowError when
# the count does not fit an index), never a crash; ordinary sizes still work.
cases = [
    "'x' * 2**61",
    "'ab' * 2**62",
    "'x' * 2**63",
    "[0] * 2**63",
    "(1,) * 2**63",
    "b'x' * 2**63",
    "'x'.rjust(2**61)",
    "'{:>{}}'.format('x', 2**61)",
    "f'{1:{2**61}}'",
    "f'{1.5:{2**61}}'",
    "f'{1j:{2**61}}'",
    "'%2305843009213693952s' % 'x'",
    "'ab' * 3",
    "'é' * 4",
    "'-' * 0",
    "'x' * -5",
    "3 * 'yz'",
    "'{:>6}|{:<4}|{:^7}'.format('a', 'b', 'c')",
    "'%6s|%-4d|' % ('q', 7)",
    "len('xyz' * 100000)",
]
for src in cases:
    try:
        r = eval(src)
        print(src, "->", repr(r)[:60])
    except Exception as e:
        print(src, "->", type(e).__name__, e)
