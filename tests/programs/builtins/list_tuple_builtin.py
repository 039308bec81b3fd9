# Checks list() and tuple() constructors from various iterables.
print(list(), list("abc"), list((1, 2)), list({1: "a", 2: "b"}), list(range(3)), list(x * 2 for x in [1, 2]))
print(tuple(), tuple([1, 2]), tuple("ab"), tuple({3: 0}), tuple(iter([9])))
