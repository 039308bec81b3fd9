# Instance attributes stored inline with class-shared keys: __dict__ materialised on demand
# (vars, __dict__ assignment, __class__ assignment, more names than fit), insertion order kept.
class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y
p = P(1, 2)
print(p.x, p.y, vars(p))
q = P(3, 4); q.z = 5; del q.x
print(vars(q), q.__dict__)
r = P(5, 6)
r.__dict__["w"] = 7
print(r.w, vars(r))
class Many:
    pass
m = Many()
for i in range(12):
    setattr(m, "a%d" % i, i)
print(vars(m))
m2 = Many(); m2.a5 = 1; m2.a0 = 0
print(vars(m2))
try:
    del p.nope
except AttributeError as e:
    print(e)
print(p.__reduce_ex__(2)[2] if False else "ok")
import copy
c = copy.copy(q); print(vars(c))
class Q(P): pass
o = P(1, 2); o.__class__ = Q; print(type(o).__name__, vars(o))
# Specialised loads/stores keep working across materialisation and class changes.
def bump(o):
    o.x = o.x + 1
    return o.x
objs = [P(i, 0) for i in range(4)]
print([bump(o) for o in objs])
vars(objs[1])["x"] = 100
objs[2].__class__ = Q
print([bump(o) for o in objs], [sorted(vars(o)) for o in objs])
class WithSlots:
    __slots__ = ("a", "__dict__")
ws = WithSlots(); ws.a = 1; ws.b = 2
print(ws.a, ws.b, vars(ws))
class Sub(P):
    def __init__(self):
        super().__init__(7, 8)
        self.extra = 9
s = Sub(); print(vars(s), s.x + s.extra)
import gc
class Cyc:
    pass
a = Cyc(); b = Cyc(); a.other = b; b.other = a
del a, b
print(gc.collect() >= 2)
