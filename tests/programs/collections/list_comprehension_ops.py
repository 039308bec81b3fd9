# Checks list building idioms: comprehension filters, zip transpose, enumerate, nested flattening.
m = [[1, 2, 3], [4, 5, 6]]
print([list(r) for r in zip(*m)])
print([x for row in m for x in row if x % 2])
print({i: c for i, c in enumerate("ab")}, {len(w) for w in ["a", "bb", "cc"]})
