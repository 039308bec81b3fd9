# Checks iteration order of small-int sets (CPython hashes ints to themselves).
print({3, 1, 2}, {10, 0, 5, 100, 33}, set(range(10, 0, -1)))
print(sorted({-1, -5, 3}), list({8, 16, 24, 32, 1}))
s = set()
for n in [40, 8, 7, 1, 64]:
    s.add(n)
print(s)
