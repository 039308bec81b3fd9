# isinstance through its specialised call, __slots__ reads through the borrowed
# local, keyword binding (identity and text matches, errors), and builtins that
# parse their arguments into fixed arrays.


class Meta(type):
    def __instancecheck__(cls, obj):
        return obj == "magic"


class Magic(metaclass=Meta):
    pass


class A:
    pass


class B(A):
    __slots__ = ("x", "y")

    def __init__(self, x):
        self.x = x


def check(obj, cls):
    return isinstance(obj, cls)


for _ in range(3):
    print(check(B(1), A), check(A(), B), check(1, int), check(True, int), check("s", (int, str)))
print(check("magic", Magic), check("other", Magic), check(1, int | str), check(1.5, int | str))
try:
    check(1, 5)
except TypeError as e:
    print("TypeError", e)


def xy(p):
    return p.x


b = B(3)
for _ in range(3):
    print(xy(b))
try:
    xy(B.__new__(B))
except AttributeError as e:
    print("AttributeError", e)


def f(a, b=2, *, c=3, **kw):
    return (a, b, c, sorted(kw.items()))


for _ in range(3):
    print(f(1, c=4), f(a=1, b=5), f(1, 2, c=3, z=9))
name = "".join(["c"])
print(f(1, **{name: 7}), f(1, **{"b": 8}))
for call in (lambda: f(1, a=2), lambda: f(), lambda: f(1, 2, 3)):
    try:
        call()
    except TypeError as e:
        print("TypeError", e)


def posonly(a, /, b):
    return a, b


try:
    posonly(a=1, b=2)
except TypeError as e:
    print("TypeError", e)
print(posonly(1, b=2))

print(sum([1, 2, 3], 10), sum(range(5), start=1), round(2.675, 2), round(7), format(3.5, ".1f"), pow(2, 10, 7))
for bad in (lambda: sum([1], 2, 3), lambda: round()):
    try:
        bad()
    except TypeError as e:
        print("TypeError", e)
