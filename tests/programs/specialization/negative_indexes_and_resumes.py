# Negative indexes in the specialised list/tuple subscripts, unary minus and
# `not` on their fast paths, and generators resumed with None (Pyrite skips
# the RESUME/POP_TOP that would discard it) or with other values.


def get(seq, i):
    return seq[i]


def put(lst, i, v):
    lst[i] = v
    return lst


def bump(lst, i):
    lst[i] += 10
    return lst


xs = [1, 2, 3, 4]
t = (5, 6, 7)
for i in (0, 1, -1, -2, -4, 3):
    print(i, get(xs, i), put(list(xs), i, "v"), bump(list(xs), i))
for i in (0, -1, -3, 2):
    print(i, get(t, i))
for seq, i in ((xs, -5), (xs, 4), (t, -4), (t, 3), ([], -1)):
    try:
        get(seq, i)
    except IndexError as e:
        print("IndexError", e)
for i in (-5, 4):
    try:
        put(list(xs), i, 0)
    except IndexError as e:
        print("IndexError", e)
    try:
        bump(list(xs), i)
    except IndexError as e:
        print("IndexError", e)


def swap_ends(a):
    a[0], a[-1] = a[-1], a[0]
    return a


for _ in range(3):
    print(swap_ends([1, 2, 3]), swap_ends(["x"]))


# Unary minus and not, warmed up on small ints and bools, then other types.
def neg(x):
    return -x


def inv(x):
    return not x


for v in (0, 1, -7, 2**62 - 1, -(2**62), 2**62, 1.5, True, -0.0):
    print(repr(v), repr(neg(v)))
for v in (True, False, True, 0, 1, "", "a", None, [], [0]):
    print(repr(v), inv(v))


class Weird:
    def __neg__(self):
        return "negated"

    def __bool__(self):
        raise ValueError("no truth")


print(neg(Weird()))
try:
    inv(Weird())
except ValueError as e:
    print("ValueError", e)
try:
    neg("s")
except TypeError as e:
    print("TypeError", e)


# Generators resumed with None and with values.
def echo():
    got = []
    while True:
        v = yield len(got)
        if v == "stop":
            return got
        got.append(v)


g = echo()
print(next(g), next(g), g.send(5), g.send(None), next(g))
try:
    g.send("stop")
except StopIteration as e:
    print("StopIteration", e.value)


def counter(n):
    for i in range(n):
        yield i


print(list(counter(5)), sum(counter(10)), max(counter(3)), tuple(x * 2 for x in counter(4)))
print(sorted({-x for x in counter(5)}), [y for y in counter(3) if not y])


def guarded():
    try:
        yield 1
        yield 2
    finally:
        print("finally")


g = guarded()
print(next(g))
try:
    g.throw(KeyError("k"))
except KeyError as e:
    print("KeyError", e)
g = guarded()
print(next(g), next(g))
g.close()


def first_value():
    x = yield
    print("got", x)
    yield x


g = first_value()
print(next(g), g.send(42))
g = first_value()
try:
    g.send(1)
except TypeError as e:
    print("TypeError", e)


def delegate():
    r = yield from echo()
    yield ("done", r)


d = delegate()
print(next(d), d.send("a"), d.send(None), d.send("stop"))
