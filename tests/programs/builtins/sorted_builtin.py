# Checks sorted() on different iterables, with key and reverse, leaving the input unchanged.
data = (3, 1, 2)
print(sorted(data), data, sorted({"b": 1, "a": 2}), sorted("bca", reverse=True))
print(sorted([-3, 1, -2], key=abs), sorted([[2, 1], [1, 2], [1]]))
