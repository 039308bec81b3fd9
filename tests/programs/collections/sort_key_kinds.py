# Sorting picks a typed comparison when all keys share one exact type; results, stability and
# errors must be those of the generic `<`.
import math
print(sorted([5, -3, 2**70, 0, -2**65, 7]), sorted([3, 1, 2], reverse=True))
print(sorted(["pear", "Apple", "éclair", "apple", "", "zebra", "ápple"]))
print(sorted([2.5, -0.0, 0.0, 1e300, -math.inf, 3]), sorted([1.0, math.nan, 0.5]))
words = ["bb", "a", "ccc", "dd", "e"]
print(sorted(words, key=len), sorted(words, key=len, reverse=True))
pairs = [(2, "b"), (1, "z"), (2, "a"), (1, "a"), (3,), (1, "a", 0)]
print(sorted(pairs))
print(sorted([("x", 2), ("x", 1), ("a", 9), ("x",)]))
print(sorted([(1.5, "b"), (0.5, "c"), (1.5, "a")]), sorted([((1, 2), 1), ((1, 1), 2)]))
print(sorted([(-c, w) for w, c in {"the": 5, "a": 5, "zoo": 1, "by": 2}.items()]))
class K:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        return self.v < other.v
    def __repr__(self):
        return f"K({self.v})"
print(sorted([K(3), K(1), K(2)]), sorted([(1, K(2)), (1, K(1))]))
for bad in ([1, "a"], [(1, 2), ("a", 1)], [(1, 2), (1, "a")], [1.5, "x"]):
    try:
        print(sorted(bad))
    except TypeError as e:
        print("TypeError", e)
print(sorted([True, 2, 1, False]), sorted([1, 2.5, 0]), sorted([(1, 2), [1, 3]] if False else [[1, 3], [1, 2]]))
stable = sorted([(1, "b"), (0, "x"), (1, "a")], key=lambda p: p[0])
print(stable, min(["b", "a"]), max([(1, 2), (1, 3)]))
