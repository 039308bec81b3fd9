# Checks weakref: shared plain refs, callbacks, equality and hashing, WeakValueDictionary, WeakKeyDictionary, WeakSet, finalize.
import weakref, gc
class T:
    def __init__(self, n):
        self.n = n
    def __repr__(self):
        return f"T({self.n})"
a = T(1)
r1 = weakref.ref(a); r2 = weakref.ref(a)
print(r1 is r2, r1() is a, weakref.getweakrefcount(a), r1 == weakref.ref(a), hash(r1) == hash(a))
r3 = weakref.ref(a, lambda r: print("callback, r3 dead:", r() is None))
print(weakref.getweakrefcount(a), r3 is r1, r3 == r1, r3.__callback__ is not None, len(weakref.getweakrefs(a)))
del a
print("deleted a")
print("after del", r1(), r3(), r1 == r3)
for obj in [1, "s", [], {}, (1,), None]:
    try:
        weakref.ref(obj)
    except TypeError as e:
        print("TypeError", e)
d = weakref.WeakValueDictionary()
x = T(2); y = T(3)
d["x"] = x; d["y"] = y
print(len(d), sorted(d.keys()), d["x"], "x" in d)
del x
print("deleted x")
print(len(d), list(d.keys()), d.get("x"), "x" in d)
ws = weakref.WeakSet([y])
print(len(ws), y in ws, list(ws))
del y
print(len(ws), list(ws))
def f():
    pass
print(weakref.ref(f)() is f, weakref.ref(T)() is T, weakref.ref({1}.__class__)() is set)
class C:
    pass
c = C(); c.self = c
rc = weakref.ref(c, lambda r: print("cycle callback"))
del c
print("before collect", rc() is not None)
gc.collect()
print("collected", rc())
k = weakref.WeakKeyDictionary()
z = T(9); k[z] = "nine"
print(len(k), k[z], z in k)
del z
print(len(k))
fin = T(5)
fz = weakref.finalize(fin, print, "finalized", 5)
print(fz.alive)
del fin
print("deleted")
print("after finalize", fz.alive)
class M:
    def meth(self):
        return "meth"
m = M()
wm = weakref.WeakMethod(m.meth)
print(wm()(), wm() == m.meth)
del m
print(wm())
