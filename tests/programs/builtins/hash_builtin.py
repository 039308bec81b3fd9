# Checks hash() of ints, floats, bools, None-free tuples (deterministic in CPython).
print(hash(0), hash(42), hash(-1), hash(2 ** 64), hash(3.0), hash(0.1), hash(-2.5), hash(True), hash(False))
print(hash(()), hash((1, 2)), hash((1, (2, 3))), hash((True, 0.0)), hash(frozenset()))
