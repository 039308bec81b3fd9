# Tuple comparison and sorting by tuple keys: the fast total-order path for built-in items
# must agree with the full protocol, including NaN, signed zeros, mixed types, nesting,
# subclasses and items with their own comparison methods.
nan = float("nan")
pairs = [
    ((1, "a"), (1, "b")), ((1, "b"), (1, "a")), ((1, "a"), (1, "a")),
    ((1, ("x", 2)), (1, ("x", 3))), ((), ()), ((1,), (1, 2)), ((1, 2), (1,)),
    ((0.0,), (-0.0,)), ((1.5, "z"), (1.5, "y")), ((nan,), (nan,)), ((1, nan), (1, nan)),
    ((2 ** 70, 1), (2 ** 70, 2)), ((1, 2.5), (1, 2)), ((True, 1), (1, True)),
]
for a, b in pairs:
    print(a, b, a < b, a <= b, a == b, a != b, a > b, a >= b)
t = (nan,)
print(t == t, t < t, [nan] == [nan], (nan, 1) < (nan, 2))

class Rev:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        print("Rev.__lt__")
        return self.v > other.v
    def __eq__(self, other):
        print("Rev.__eq__")
        return self.v == other.v
    def __repr__(self):
        return f"Rev({self.v})"

print((1, Rev(1)) < (1, Rev(2)))
print(sorted([(1, Rev(3)), (1, Rev(5)), (0, Rev(1))]))

class T(tuple):
    def __lt__(self, other):
        return "custom"
print(T((1, 2)) < T((1, 3)), (1, 2) < T((1, 3)))

try:
    (1, "a") < (1, 2)
except TypeError as e:
    print("TypeError:", e)
try:
    sorted([(1, (2, "a")), (1, (2, 3))])
except TypeError as e:
    print("TypeError:", e)

deep_a = deep_b = 1
for i in range(40):
    deep_a = (deep_a, i)
    deep_b = (deep_b, i)
print(deep_a == deep_b, deep_a < deep_b)
print((deep_a,) < (deep_b,), (deep_a, 1) > (deep_b, 0))

words = ["ka", "lo", "mi", "ka", "ne", "lo"]
counts = {}
for w1, w2 in zip(words, words[1:] + words[:1]):
    counts[(w1, w2)] = counts.get((w1, w2), 0) + len(w1 + w2)
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
print(sorted([(-1, ("b", "a")), (-1, ("a", "z")), (-2, ("c", "c")), (-1, ("a", "y"))]))
print(sorted([(1.0, "b"), (1, "a"), (0.5, "c"), (True, "d")]))
