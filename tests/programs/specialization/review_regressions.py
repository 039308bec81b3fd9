# Regression cases found in review of the specialised forms.
class A:
    __slots__ = tuple('s%d' % i for i in range(40))
class B:
    pass
B.x = A.s39
b = B()
def f(o):
    try:
        o.x = 1
    except TypeError as e:
        return str(e)
def g(o):
    try:
        return o.x
    except TypeError as e:
        return str(e)
print([f(b) for _ in range(5)], [g(b) for _ in range(5)])

class C:
    @property
    def x(self):
        return 1
c = C()
def h(o):
    return o.x
print([h(c) for _ in range(5)])
vars(C)['x'].__init__(lambda s: 2)
print(h(c), h(c))

class M:
    def m(self):
        return "method"
a = M(); vars(a)
bb = M(); bb.m = lambda: "attr"
def call(o):
    return o.m()
print([call(a) for _ in range(5)], call(bb), call(a), call(bb))

def gen():
    yield 1
def loop(it):
    n = 0
    for x in it:
        n += 1
    return n
print([loop(gen()) for _ in range(5)])
it = gen(); list(it); print(loop(it), loop(it))
def selfish():
    for x in me:
        yield x
me = selfish()
try:
    loop(me)
except ValueError as e:
    print("ValueError", e)

class D:
    def __init__(self, x, y=5):
        self.t = (x, y)
def mk(i):
    return D(i, i).t
print([mk(i) for i in range(5)])

class S:
    pass
s = S(); s.a = 1
class Q:
    def __del__(self):
        s.late = "set during __dict__ swap"
s.q = Q()
s.__dict__ = {"new": 1}
print(sorted(vars(s)))
