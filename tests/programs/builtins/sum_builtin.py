# Checks sum with start values, floats, and lists concatenation; sum of strings error.
print(sum([1, 2, 3]), sum([1, 2], 10), sum([0.5, 0.25]), sum([], 7), sum([[1], [2]], []))
print(sum((x for x in range(5)), start=100), sum([True, True]))
try:
    sum(["a", "b"], "")
except TypeError as e:
    print(e)
