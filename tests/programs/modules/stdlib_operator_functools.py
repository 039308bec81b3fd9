# Checks operator function forms, itemgetter/attrgetter/methodcaller, and functools tools.
import operator as op
import functools
print(op.add(2, 3), op.mul("ab", 2), op.truediv(7, 2), op.floordiv(7, 2), op.neg(4), op.not_(0), op.truth([]), op.is_(None, None))
print(op.lt(1, 2), op.ge(1, 2), op.contains([1, 2], 2), op.countOf([1, 2, 1], 1), op.indexOf("abc", "c"), op.concat([1], [2]), op.index(5))
print(op.itemgetter(1)("abc"), op.itemgetter(0, 2)("abc"), op.attrgetter("real")(3), op.attrgetter("real", "imag")(1 + 2j))
print(op.methodcaller("split", ",")("a,b"), op.methodcaller("replace", "a", "o", 1)("aaa"), repr(op.itemgetter(1, "k")), repr(op.attrgetter("a.b")), repr(op.methodcaller("f", 1, x=2)))
class N:
    pass
n = N(); n.child = N(); n.child.v = 42
print(op.attrgetter("child.v")(n), sorted([(1, "b"), (0, "z"), (1, "a")], key=op.itemgetter(1)), op.length_hint(iter([1, 2, 3])), op.length_hint(object(), 7))
x = [1]; print(op.iadd(x, [2]), x, op.ipow(2, 5), op.call(len, "abc"))
d = {}; op.setitem(d, "k", 1); print(d, op.getitem(d, "k")); op.delitem(d, "k"); print(d)
print(functools.reduce(op.add, [1, 2, 3]), functools.reduce(op.add, [], 10), functools.reduce(lambda a, b: a * b, range(1, 6), 1))
try:
    functools.reduce(op.add, [])
except TypeError as e:
    print("TypeError", e)
p = functools.partial(int, base=2)
print(p("101"), p.func is int, p.args, p.keywords, functools.partial(functools.partial(max, 1), 5)(3))
@functools.lru_cache(maxsize=None)
def fib(k):
    return k if k < 2 else fib(k - 1) + fib(k - 2)
print(fib(60), fib.cache_info())
@functools.lru_cache(maxsize=2)
def sq(k):
    print("compute", k)
    return k * k
sq(1); sq(2); sq(1); sq(3); sq(2)
print(sq.cache_info())
sq.cache_clear(); print(sq.cache_info())
@functools.cache
def twice(s):
    return s * 2
print(twice("ab"), twice("ab"), twice.cache_info().hits)
def cmp(a, b):
    return (a > b) - (a < b)
print(sorted([3, 1, 2], key=functools.cmp_to_key(cmp)), sorted(["bb", "a", "ccc"], key=functools.cmp_to_key(lambda a, b: len(b) - len(a))))
class C:
    def __init__(self):
        self.calls = 0
    @functools.cached_property
    def val(self):
        self.calls += 1
        return 99
c = C(); print(c.val, c.val, c.calls, "val" in c.__dict__)
def deco(f):
    @functools.wraps(f)
    def w(*a, **k):
        return f(*a, **k)
    return w
@deco
def documented(a, b=1):
    "Doc string."
    return a + b
print(documented.__name__, documented.__doc__, documented.__wrapped__.__name__, documented(1))
@functools.total_ordering
class V:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return self.v == o.v
    def __gt__(self, o):
        return self.v > o.v
print(V(1) < V(2), V(1) <= V(1), V(3) >= V(2), V(1) >= V(2))
@functools.singledispatch
def kind(x):
    return "object"
@kind.register(int)
def _(x):
    return "int"
@kind.register(str)
def _(x):
    return "str"
print(kind(1), kind("a"), kind(1.5), kind(True))
