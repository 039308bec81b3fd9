# Checks set() and frozenset() constructors from iterables of ints.
print(set(), set([3, 1, 3, 2]), set(range(5)), frozenset([1, 1]), set({4: 0, 5: 0}), set((9,)))
