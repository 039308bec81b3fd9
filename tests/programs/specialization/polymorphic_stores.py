# One attribute-store site seeing instances of many classes: stores to other ordinary classes
# go to their inline attributes, and data descriptors, __setattr__ overrides, __slots__,
# materialised dicts and full inline blocks still take the full protocol.
class Base:
    def __init__(self):
        self.count = 0

class A(Base):
    pass

class B(Base):
    def __init__(self):
        super().__init__()
        self.other = "b"

class P(Base):
    @property
    def count(self):
        return self._count * 100
    @count.setter
    def count(self, v):
        self._count = v

class S(Base):
    def __setattr__(self, name, value):
        object.__setattr__(self, name, ("S", value))

class Slots:
    __slots__ = ("count",)
    def __init__(self):
        self.count = 0

class M(Base):
    pass

def bump(objs, k):
    for o in objs:
        o.count = k

objs = [A(), B(), A(), P(), B(), S(), Slots(), M()]
m = objs[-1]
vars(m)
for k in range(40):
    bump(objs, k)
print([o.count for o in objs])
print(vars(objs[1]), vars(objs[3]), vars(m))

src = "class Full(Base):\n    def __init__(self):\n" + "".join(f"        self.f{i} = {i}\n" for i in range(16))
exec(src)
full = Full()
bump([A(), full, B()], "late")
print(full.count, len(vars(full)), list(vars(full))[-2:])

class Frozen(Base):
    def __setattr__(self, name, value):
        raise AttributeError(f"frozen: {name}")
fz = Frozen.__new__(Frozen)
try:
    bump([A(), fz], 1)
except AttributeError as e:
    print("AttributeError:", e)
