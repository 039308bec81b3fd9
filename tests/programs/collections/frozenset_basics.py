# Checks frozenset immutability, hashability, equality with set and operations.
f = frozenset([1, 2, 3])
print(f, f == {1, 2, 3}, f | {4}, type(f | {4}).__name__, type({4} | f).__name__)
print({f: "key"}[frozenset({3, 2, 1})], frozenset(), hash(frozenset()) == hash(frozenset()))
print(hasattr(f, "add"))
