# Checks min/max with iterables, multiple args, key=, default= and errors on empty.
print(min([3, 1, 2]), max(3, 1, 2), min("hello"), max([1.5, 2, -1]))
words = ["pear", "fig", "banana"]
print(min(words, key=len), max(words, key=len), max([], default="none"), min((), default=0))
print(max([(1, "b"), (1, "a")]), max([2, 2.0]), min([2.0, 2]), max("a", "b", key=ord))
try:
    max([])
except ValueError as e:
    print(e)
