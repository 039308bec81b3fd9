# Specialised instructions must fall back correctly when their guards fail: each loop warms a
# site up with one kind of operand, then changes it.
import math

def add(a, b):
    return a + b

print([add(i, 1) for i in range(5)])
print(add(2**62, 2**62), add(-2**62, -2**62 - 5))          # small-int add overflows to big
print(add(1.5, 2), add("ab", "cd"), add([1], [2]), add(2**100, 1))

def mul(a, b):
    return a * b
print([mul(i, 3) for i in range(4)], mul(2**40, 2**40), mul(3, "ab"), mul(2.0, 4.0))

def sub(a, b):
    return a - b
print([sub(i, 1) for i in range(4)], sub(-2**62, 2**62), sub(1.0, 0.25), sub({1, 2}, {1}))

def cmp(a, b):
    return a < b, a == b
print([cmp(i, 2) for i in range(3)], cmp(2.0, 1), cmp("a", "b"), cmp((1,), (2,)))
def eq(a, b):
    return a == b, a != b
print([eq("x", s) for s in ("x", "y")], eq(1, 1.0), eq("a", 1))

def get(c, k):
    return c[k]
print([get([10, 20, 30], i) for i in range(3)], get((1, 2), -1), get({"a": 1}, "a"), get("xyz", 1))
try:
    get([1, 2], 5)
except IndexError as e:
    print("IndexError", e)
class D(dict):
    def __missing__(self, k):
        return "missing " + str(k)
print(get({1: 2}, 1), get(D(), 3))
try:
    get({}, "nope")
except KeyError as e:
    print("KeyError", e)

def put(c, k, v):
    c[k] = v
    return c
print([put([0, 0, 0], i, i) for i in range(3)], put({}, "k", 1), put([1, 2], -1, 9))
try:
    put([1], 3, 0)
except IndexError as e:
    print("IndexError", e)

def contains(x, c):
    return x in c, x not in c
print([contains(i, {1: 2}) for i in range(3)], contains(1, {1, 2}), contains(1, [1]), contains("a", "abc"), contains(3, frozenset({3})))

def loop(it):
    total = 0
    for x in it:
        total += x
    return total
def gen(n):
    yield from range(n)
    return "done"
print(loop(range(5)), loop([1, 2, 3]), loop((4, 5)), loop(gen(4)), loop({7: 0}), loop(range(3)))
lst = [1, 2, 3]
def grow():
    out = []
    for x in lst:
        out.append(x)
        if len(lst) < 6:
            lst.append(x * 10)
    return out
print(grow())

def unpack(s):
    a, b = s
    return a, b
print([unpack((i, i)) for i in range(3)], unpack([1, 2]), unpack("xy"), unpack({1: 0, 2: 0}))
try:
    unpack((1, 2, 3))
except ValueError as e:
    print("ValueError", e)

# Globals: module and builtin forms, then rebinding and shadowing.
G = 1
def read_g():
    return G, len("abc")
print([read_g() for _ in range(3)])
G = 2
len = lambda s: "shadowed"
print(read_g())
del len
print(read_g())
del G
try:
    read_g()
except NameError as e:
    print("NameError", e)
G = 3
print(read_g())

# Attributes: instance values, class attributes, methods, properties, slots, modules.
class P:
    kind = "point"
    def __init__(self, x):
        self.x = x
    def norm(self):
        return abs(self.x)
    @property
    def double(self):
        return self.x * 2

def attrs(p):
    return p.x, p.kind, p.norm(), p.double
ps = [P(i) for i in range(-2, 2)]
print([attrs(p) for p in ps])
P.kind = "changed"
P.norm = lambda self: "patched"
print(attrs(ps[0]))
ps[1].norm = lambda: "instance attribute"
print(attrs(ps[1]))
P.double = property(lambda self: "new property")
print(attrs(ps[2]))

class Q:
    kind = "q"
    def __init__(self):
        self.x = "qx"
    def norm(self):
        return "q norm"
    double = "q double"
p = P(5)
print(attrs(p))
p.__class__ = Q
print(attrs(p))

class S:
    __slots__ = ("x", "y")
    def __init__(self, x):
        self.x = x
def slot_x(s):
    return s.x
ss = [S(i) for i in range(3)]
print([slot_x(s) for s in ss])
del ss[0].x
try:
    slot_x(ss[0])
except AttributeError as e:
    print("AttributeError", e)
def set_x(o, v):
    o.x = v
    return o.x
print([set_x(s, i * 10) for i, s in enumerate(ss)], set_x(P(1), "p"), set_x(Q(), "q"))

def mod_attr():
    return math.pi > 3, math.floor(2.5)
print([mod_attr() for _ in range(3)])
math.pi = 0
print(mod_attr())

def class_attr(c):
    return c.kind
print([class_attr(P) for _ in range(3)], class_attr(Q), class_attr(type("T", (), {"kind": "dyn"})))

# Calls: exact arguments, defaults, bound methods, builtins, classes.
def f2(a, b=10):
    return a + b
print([f2(i) for i in range(3)], [f2(i, 1) for i in range(3)])
f2.__defaults__ = (100,)
print(f2(1))
f2.__defaults__ = None
try:
    f2(1)
except TypeError as e:
    print("TypeError", e)

class C:
    def __init__(self, a):
        self.a = a
    def m(self, x):
        return self.a + x
cs = [C(i) for i in range(3)]
print([c.m(1) for c in cs], [C(i).a for i in range(3)])
bound = cs[2].m
print([bound(i) for i in range(3)])
C.__init__ = lambda self, a: setattr(self, "a", -a)
print([C(i).a for i in range(3)])
class Bad:
    def __init__(self):
        return 5
for _ in range(3):
    try:
        Bad()
    except TypeError as e:
        print("TypeError", e)
def nargs_mismatch(cls):
    return cls(1)
try:
    print([nargs_mismatch(C).a for _ in range(3)], nargs_mismatch(Bad))
except TypeError as e:
    print("TypeError", e)

def builtin_calls(x):
    return len(x), isinstance(x, list), type(x).__name__, str(x), tuple(x), abs(-3), max(1, 2)
print([builtin_calls([i]) for i in range(2)], builtin_calls("ab"), builtin_calls((1,)))
def method_calls(l):
    l.append(1)
    return l.count(1), l.index(1), "-".join(["a", "b"]), l.copy()
print([method_calls([]) for _ in range(3)])
class MyList(list):
    def append(self, x):
        super().append(x * 100)
def append_to(l):
    l.append(1)
    return l
print([append_to([]) for _ in range(3)], append_to(MyList()))

def deep(n):
    return n if n == 0 else deep(n - 1)
print(deep(100))
import sys
try:
    deep(10**6)
except RecursionError as e:
    print("RecursionError", e)

def char_at(s, i):
    return s[i]
print([char_at("hello", i) for i in range(5)], char_at("hello", -1), char_at("héllo", 1), char_at("abc", 2))
try:
    char_at("abc", 3)
except IndexError as e:
    print("IndexError", e)
print(char_at([1, 2], 0), char_at({"k": "v"}, "k"))
class A:
    def __str__(self):
        return 5
class B(str):
    pass
for _ in range(3):
    print(str(1), str("x"), str(2.5), str([1]), str(B("b")), type(str(B("b"))).__name__)
    try:
        str(A())
    except TypeError as e:
        print(e)
class Meta(type):
    kind = "meta"
    def __call__(cls, *args):
        return ("made by Meta", args)
class Base:
    pass
class C(Base):
    kind = "c"
    def __init__(self, x):
        self.x = x
def make(c, x):
    return c(x)
def kind(c):
    return c.kind
for _ in range(3):
    print(make(C, 1).x, kind(C))
class C2(Base, metaclass=Meta):
    kind = "c2"
    def __init__(self, x):
        self.x = x
for _ in range(3):
    print(make(C2, 2), kind(C2))
print([char_at("abc", -i) for i in range(1, 4)])
try:
    char_at("abc", -4)
except IndexError as e:
    print("IndexError", e)
