# Checks None and bool singletons, identity and truthiness of common values.
print(None is None, type(None).__name__)
for v in [0, 1, -1, 0.0, 0.5, "", "x", [], [0], (), {}, {0: 0}, set(), None]:
    print(repr(v), bool(v))
