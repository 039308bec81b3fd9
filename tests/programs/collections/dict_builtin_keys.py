# Dict lookups compare keys of the built-in ordered types (ints, strs, floats and tuples of
# them) without Python-level __eq__; everything else still goes through __eq__, and keys that
# are equal across types find each other.

d = {}
words = ["ka", "lo", "mi", "kalo", "lomi"]
for i in range(200):
    a, b = words[i % 5], words[(i * 3) % 5]
    key = ("%s" % a, "".join([b]))          # fresh, equal str objects each time
    d[key] = d.get(key, 0) + 1
print(sorted(d.items())[:6], len(d))

nan = float("nan")
m = {0.0: "zero", (1, (2.5, "x")): "nested", nan: "nan", -7: "neg", "s": "str"}
print(m[-0.0], m[(1, (2.5, "x"))], m.get(float("nan")), m.get(nan), m[-7.0], m[True - 8], m["s"])
print((1, 2) in {(1.0, 2.0): 1}, (1, "a") in {(True, "a"): 1}, ("a",) in {("a",): 0})

class Loud(str):
    def __eq__(self, other):
        print("Loud.__eq__", str.__eq__(self, other))
        return str.__eq__(self, other)
    __hash__ = str.__hash__

class Any:
    def __init__(self, h):
        self.h = h
    def __hash__(self):
        return self.h
    def __eq__(self, other):
        print("Any.__eq__")
        return True

s = {"abc": 1, ("t", 1): 2}
print(s[Loud("abc")], s.get(("t", Loud("zzz"))), Loud("abc") in s)
print(s.get(Any(hash("abc"))), s.get(("t", Any(hash(1)))), s.get(Any(hash(("t", 1)))))

# A key whose __eq__ mutates the dict forces a fresh lookup (no stale entry is returned).
class Mutator:
    def __init__(self, target):
        self.target = target
        self.calls = 0
    def __hash__(self):
        return hash("k")
    def __eq__(self, other):
        self.calls += 1
        if self.calls == 1:
            self.target.clear()
            self.target["k"] = "after"
        return False

t = {"k": "before"}
mu = Mutator(t)
print(t.get(mu), t, mu.calls >= 1)
