# Attribute sites that see many classes (4+ subclasses sharing a method or an
# attribute name). Pyrite serves them from a per-(class, name) cache; every
# change to a class must be seen at once.


class Base:
    kind = "base"

    def __init__(self, n):
        self.n = n
        self.held = False

    def describe(self):
        return f"{type(self).__name__}:{self.n}:{self.kind}"

    def ready(self):
        return False


class A(Base):
    def ready(self):
        return True


class B(Base):
    kind = "b"


class C(Base):
    def __init__(self, n):
        self.extra = 0
        super().__init__(n)


class D(B):
    def ready(self):
        return self.n > 2


objs = [A(1), B(2), C(3), D(4), Base(5), D(1)]


def sweep(objs):
    out = []
    for o in objs:
        out.append((o.n, o.held, o.kind, o.ready(), o.describe()))
    return out


def store(objs, v):
    for o in objs:
        o.held = v
        o.n = o.n + 1


for _ in range(4):
    r = sweep(objs)
print(r)
store(objs, True)
print(sweep(objs))

# A class attribute rebound on one class, then on the base.
B.kind = "B2"
print([o.kind for o in objs], sweep(objs)[1])
Base.kind = "base2"
print([o.kind for o in objs])

# An attribute that appears later on instances of one class only (keys grow).
for _ in range(3):
    sweep(objs)
objs[1].kind = "own"
print([o.kind for o in objs])
objs[2].late = 1


def late(objs):
    return [getattr(o, "late", None) for o in objs]


print(late(objs))

# A method overridden on one class after warm-up, then removed again.
C.ready = lambda self: "C ready"
print([o.ready() for o in objs])
del C.ready
print([o.ready() for o in objs])

# A data descriptor appears on one class: it must win over the instance value.
D.held = property(lambda self: "from property")
print([o.held for o in objs])
try:
    store(objs, 0)
except AttributeError as e:
    print("AttributeError", e)
del D.held
print([o.held for o in objs])

# A non-data descriptor (plain function attribute) shadowed by an instance value.
Base.n2 = 0
for o in objs:
    o.n2 = o.n * 10
print([o.n2 for o in objs])


# __getattr__ and __getattribute__ added to a class after warm-up.
def missing(self, name):
    return "missing " + name


print([getattr(o, "zzz", "-") for o in objs])
A.__getattr__ = missing
print([getattr(o, "zzz", "-") for o in objs])


def loud(self, name):
    if name == "n":
        return -1
    return object.__getattribute__(self, name)


B.__getattribute__ = loud
print(sweep(objs))
del B.__getattribute__
print(sweep(objs))

# Instances with a materialised __dict__ among the others.
objs[0].__dict__["n"] = 100
print(sweep(objs))
vars(objs[3])["held"] = "dict"
print(sweep(objs))

# __class__ assignment between the classes.
objs[4].__class__ = A
print(sweep(objs))
