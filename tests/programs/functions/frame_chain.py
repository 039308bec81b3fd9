# sys._getframe walks the executing frames through Python calls, generator resumptions,
# native re-entries (map, repr) and class instantiation; the callers' lines are the calls.
import sys


def names():
    out = []
    f = sys._getframe(1)
    while f is not None:
        out.append((f.f_code.co_name, f.f_lineno))
        f = f.f_back
    return out


def a():
    return b()


def b():
    return names()


print(a())


def gen():
    yield names()
    yield [sys._getframe(1).f_code.co_name]


g = gen()
print(next(g))
print(next(g))
print([x for x in map(lambda _: names(), [1])])


class K:
    def __init__(self):
        self.at_init = names()

    def __repr__(self):
        return str(names())


print(K().at_init)
print(repr(K()))


def recurse(n):
    if n == 0:
        return [name for name, _ in names()]
    return recurse(n - 1)


print(recurse(5))
try:
    sys._getframe(50)
except ValueError as e:
    print("ValueError:", e)
print(sys._getframe(0).f_code.co_name)


def failing():
    raise KeyError("k")


def after_unwind():
    try:
        failing()
    except KeyError:
        pass
    return names()


print(after_unwind())
