# One attribute site seeing instances of many classes: the specialised forms serve other
# ordinary classes through the method cache and must still honour data descriptors, custom
# __getattr__/__getattribute__, __slots__, instance attributes shadowing methods, class
# attributes, and classes that change.
class Base:
    def __init__(self, n):
        self.n = n
        self.held = n % 2 == 0
    def ready(self):
        return "base"

class A(Base):
    def ready(self):
        return "A"

class B(Base):
    pass

class C(Base):
    @property
    def held(self):
        return "C.held property"
    @held.setter
    def held(self, v):
        pass

class D(Base):
    def __getattr__(self, name):
        return "D.__getattr__ " + name

class E(Base):
    def __getattribute__(self, name):
        if name == "held":
            return "E.__getattribute__"
        return object.__getattribute__(self, name)

class F:
    __slots__ = ("n", "held")
    def __init__(self, n):
        self.n = n
        self.held = "F.slot"
    def ready(self):
        return "F"

class G(Base):
    ready = "G.ready is a string"
    kind = 7

def read(objs):
    out = []
    for o in objs:
        out.append((o.held, o.n))
    return out

def call(objs):
    return [o.ready() if callable(o.ready) else o.ready for o in objs]

objs = [A(1), B(2), A(3), C(4), B(5), D(6), E(7), F(8), G(9), A(10)]
for _ in range(30):
    read(objs)
    call(objs)
print(read(objs))
print(call(objs))

b = B(11)
b.ready = lambda: "instance attribute shadows the method"
print(call([A(1), b, B(2), b]))

B.held = property(lambda self: "B.held now a property", lambda self, v: None)
print(read([A(1), B(2), A(3)]))
del B.held
print(read([A(1), B(2)]))

A.ready = lambda self: "A.ready replaced"
print(call([A(1), B(2), A(3)]))

class H(Base):
    pass
h = H(12)
del h.held
try:
    read([A(1), h])
except AttributeError as e:
    print("AttributeError:", e)
h.__dict__["held"] = "through __dict__"
print(read([A(1), h, B(3)]))
h.__class__ = A
print(read([h]), call([h]))

def kinds(objs):
    return [o.kind for o in objs]
for _ in range(30):
    kinds([G(1), G(2)])
class G2(G):
    kind = 8
print(kinds([G(1), G2(2), G(3)]))
