# `container[key] op= value`: COPY 2, COPY 2, BINARY_SUBSCR ... SWAP 3, SWAP 2,
# STORE_SUBSCR. Pyrite runs each triple in one dispatch when the specialised
# subscript follows; every guard miss and error must look exactly like CPython.


def floats(rows, n):
    for _ in range(n):
        for r in rows:
            r[0] += r[1] * 0.5
            r[1] -= r[0] * 0.25
            r[2] *= 1.0001
    return rows


print(floats([[1.0, 2.0, 3.0], [0.5, -1.0, 2.0]], 40))


def counts(words):
    d = {}
    for w in words:
        d[w] = d.get(w, 0)
        d[w] += 1
    return d


print(counts("a b a c b a d".split()))


def ints(xs, n):
    for i in range(n):
        xs[i % len(xs)] += i
        xs[-1] -= 1
    return xs


print(ints([0, 0, 0], 30))


# Guards that fail after warm-up: a tuple, a list subclass, a dict subclass, a
# big index, a user container.
class Loud(list):
    def __setitem__(self, i, v):
        print("set", i, v)
        super().__setitem__(i, v)


class DefaultZero(dict):
    def __missing__(self, k):
        return 0


class Box:
    def __init__(self):
        self.d = {}

    def __getitem__(self, k):
        return self.d.get(k, 10)

    def __setitem__(self, k, v):
        print("box", k, v)
        self.d[k] = v


def bump(c, k):
    c[k] += 1
    return c


for c, k in [([1, 2], 0), ([1, 2], 1), ([5], -1), (Loud([7, 8]), 1),
             (DefaultZero(), "x"), ({"x": 1}, "x"), (Box(), "y"), ([3.5], 0)]:
    r = bump(c, k)
    print(type(r).__name__, r if not isinstance(r, Box) else r.d)


def errors():
    cases = [([1], 3), ([1], "a"), ({}, "missing"), ((1, 2), 0), ({}, []), ("ab", 0), (None, 0)]
    for c, k in cases:
        try:
            bump(c, k)
        except Exception as e:
            print(type(e).__name__, e)


for _ in range(3):
    errors()


# The item's operation raises: the container is unchanged.
def add_to(c, k, v):
    c[k] += v
    return c


for _ in range(3):
    print(add_to([1, 2], 0, 5), add_to({"a": "x"}, "a", "y"))
try:
    add_to([1, 2], 0, "s")
except TypeError as e:
    print("TypeError", e)
try:
    add_to({"a": 1}, "a", None)
except TypeError as e:
    print("TypeError", e)


# Hash and eq of user keys run during the fused subscript and store.
class Key:
    def __init__(self, n):
        self.n = n

    def __hash__(self):
        print("hash", self.n)
        return hash(self.n)

    def __eq__(self, other):
        return isinstance(other, Key) and other.n == self.n


d = {Key(1): 0}
for _ in range(3):
    bump(d, Key(1))
print([(k.n, v) for k, v in d.items()])


class BadHash:
    def __hash__(self):
        raise ValueError("no hash")


for _ in range(3):
    try:
        bump({}, BadHash())
    except ValueError as e:
        print("ValueError", e)


# Swaps and copies that are not part of the pattern.
def swaps(a, i, j):
    a[i], a[j] = a[j], a[i]
    return a


for _ in range(3):
    print(swaps([1, 2, 3], 0, 2))


def chained(x):
    return 0 < x < 10


print([chained(v) for v in (-1, 5, 11, 5)])


# The traceback points at the subscript that failed.
def fails(d):
    d["nope"] += 1


for _ in range(2):
    try:
        fails({})
    except KeyError as e:
        print("KeyError", e)
fails({"k": 1})
