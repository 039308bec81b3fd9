# Checks type() and __name__ for built-in values, and type repr.
for v in [1, 1.0, 1j, "s", b"b", [], (), {}, set(), frozenset(), None, True, range(1), len]:
    print(type(v).__name__, type(v))
