# Checks that inline caches (LOAD_GLOBAL, LOAD_ATTR instance/method) and the type method cache
# stay correct when their guards fail: rebinding, class changes, __class__ assignment, patching.
x = 1
def read_x():
    return x
results = []
for i in range(4):
    results.append(read_x())
    if i == 1:
        x = 100          # rebind the global
print(results)

def read_len():
    return len("abc")
print([read_len() for _ in range(3)])
len = lambda s: -1       # a global now shadows the builtin
print([read_len() for _ in range(3)])
del len
print(read_len())

class P:
    scale = 2
    def __init__(self, v):
        self.v = v
    def get(self):
        return self.v * self.scale

p = P(3)
def use(o):
    return o.v, o.get()
out = [use(p) for _ in range(3)]
P.scale = 10                                 # class attribute changed
out.append(use(p))
P.get = lambda self: "patched"               # method monkey-patched
out.append(use(p))
p.get = lambda: "instance"                   # instance attribute shadows the method
out.append(use(p))
del p.get
out.append(use(p))
print(out)

class Q(P):
    def get(self):
        return "Q"
p.__class__ = Q                              # __class__ assigned
print(use(p))

def read_v(o):
    return o.v
print([read_v(p) for _ in range(3)])
P.v = property(lambda self: "descriptor")   # a data descriptor now shadows the instance dict
print(read_v(p))
del P.v
print(read_v(p))

class R:
    pass
r = R()
r.a = 1
def read_a(o):
    return o.a
print([read_a(r) for _ in range(3)])
del r.a
R.a = "class level"
print(read_a(r))
r.__dict__ = {"a": "new dict"}
print(read_a(r))

big = 2 ** 62 - 1
acc = []
for k in range(3):
    acc.append(big + k)                      # small-int fast path overflowing into big ints
print(acc, type(acc[-1]))
