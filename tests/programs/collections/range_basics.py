# Checks range: len, indexing, slicing, negative steps, containment, repr and equality.
r = range(2, 20, 3)
print(r, list(r), len(r), r[0], r[-1], r[1:3], r[::-1])
print(list(range(5, 0, -2)), list(range(0)), len(range(10, 0)), 11 in r, 8 in r)
print(range(0, 3) == range(3), range(0) == range(5, 5), r.index(8), r.count(5))
print(range(10 ** 20)[-1], 10 ** 19 in range(10 ** 20))
