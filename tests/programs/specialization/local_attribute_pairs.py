# `local.attr`, `local.attr = v`, `local.attr op= v` and `local.method()`:
# Pyrite runs the specialised attribute instruction together with the load of
# the local. Guards that fail after warm-up must behave exactly as CPython.


class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def total(self):
        return self.x + self.y

    def bump(self, n):
        self.x += n
        self.y -= n
        return self


class Q(P):
    def total(self):
        return self.x * self.y


class Slotted:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


class Prop:
    def __init__(self):
        self._x = 5

    @property
    def x(self):
        return self._x * 2

    @x.setter
    def x(self, v):
        print("setter", v)
        self._x = v

    y = 7


def read(o):
    return o.x, o.y


def write(o, v):
    o.x = v
    o.y = v + 1
    return o


def aug(o):
    o.x += 1
    o.y *= 2
    return o


def call(o):
    return o.total()


objs = [P(1, 2), P(3, 4), Q(2, 5), Slotted(7, 8), Prop()]
for _ in range(3):
    for o in objs:
        print(type(o).__name__, read(o))
for o in objs:
    write(o, 10)
    print(type(o).__name__, read(o))
for o in objs:
    aug(o)
    print(type(o).__name__, read(o))
for _ in range(3):
    print([call(o) for o in objs[:3]])


# Monkey-patching a method and the class attribute behind an instance value.
p = P(1, 1)
for _ in range(4):
    print(call(p))
P.total = lambda self: "patched"
print(call(p), call(Q(1, 1)))
del P.total
try:
    call(p)
except AttributeError as e:
    print("AttributeError", e)


# An instance that grows a __dict__ (materialised) or swaps its class.
p = P(2, 3)
for _ in range(4):
    read(p)
p.__dict__["x"] = 99
print(read(p))
p.z = 5
print(read(p), vars(p))
p.__class__ = Q
print(read(p), call(p))


# Attributes deleted or missing after warm-up.
p = P(4, 5)
for _ in range(4):
    read(p)
del p.x
try:
    read(p)
except AttributeError as e:
    print("AttributeError", e)
try:
    aug(p)
except AttributeError as e:
    print("AttributeError", e)


# Non-instances at the same sites.
import math
class NS:
    x = 1
    y = 2
print(read(NS), read(math) if hasattr(math, "x") else "no math.x")
try:
    read(5)
except AttributeError as e:
    print("AttributeError", e)
try:
    write(None, 1)
except AttributeError as e:
    print("AttributeError", e)


# The local is unbound when the pair runs.
def unbound(flag):
    if flag:
        o = P(1, 2)
    return o.x


print(unbound(True), unbound(True))
try:
    unbound(False)
except UnboundLocalError as e:
    print("UnboundLocalError", e)


def deleted():
    o = P(1, 2)
    print(o.x)
    del o
    return o.x


try:
    deleted()
except UnboundLocalError as e:
    print("UnboundLocalError", e)


# A store whose old value's finaliser sees the object.
class Noisy:
    def __del__(self):
        print("del Noisy")


h = P(Noisy(), 0)
for _ in range(3):
    write(P(0, 0), 1)
h.x = 1
print("after store", h.x)


# Chains and loads of the same local in one expression.
class Node:
    def __init__(self, v, nxt):
        self.v = v
        self.nxt = nxt


def walk(n):
    s = 0
    while n is not None:
        s += n.v
        n = n.nxt
    return s


chain = None
for i in range(10):
    chain = Node(i, chain)
for _ in range(3):
    print(walk(chain))


def both(a, b):
    return a.x + b.x, a.x - a.y, (a.x, b.y)


for _ in range(3):
    print(both(P(1, 2), Q(3, 4)))
