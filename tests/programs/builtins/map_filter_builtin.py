# Checks map with one/several iterables and filter with a function or None.
print(list(map(str, [1, 2])), list(map(lambda a, b: a * b, [1, 2, 3], [4, 5])), list(map(abs, ())))
print(list(filter(lambda x: x % 2, range(6))), list(filter(None, [0, 1, "", "a", None, [1]])))
m = map(int, "12")
print(next(m), list(m), list(m))
