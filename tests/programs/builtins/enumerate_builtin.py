# Checks enumerate with default and custom start, and as an iterator.
print(list(enumerate("abc")), list(enumerate(["x", "y"], start=5)), list(enumerate([], 1)))
e = enumerate("hi")
print(next(e), next(e), next(e, None))
