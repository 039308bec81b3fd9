# Checks bools behave as ints in arithmetic: True + True, sum of bools, indexing.
print(True + True, True * 10, False - 1, True / 2, True // 1)
print(sum([True, False, True, True]), ["no", "yes"][True])
print(isinstance(True, int), True == 1, hash(True) == hash(1), {1: "a", True: "b"})
print(True & 1, type(True & True).__name__, type(True + 0).__name__)
