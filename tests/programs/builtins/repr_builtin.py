# Checks repr() of built-in values including nested quotes, floats and special values.
for v in [1, -1.0, 1e100, "q'uote", 'd"q', None, True, [1, "a"], (1,), {"k": [None]}, {1}, frozenset({2}), b"x", range(3), 2j, ..., NotImplemented]:
    print(repr(v))
