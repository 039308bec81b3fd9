# Checks for-loop target unpacking, nested unpacking and starred targets.
for a, (b, c) in [(1, (2, 3)), (4, (5, 6))]:
    print(a, b, c)
for first, *rest in ["abc", "de"]:
    print(first, rest)
for i, in [(1,), (2,)]:
    print(i)
