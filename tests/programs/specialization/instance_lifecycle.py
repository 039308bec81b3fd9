# Instances made by a specialised class call (CALL_ALLOC_AND_ENTER_INIT, whose
# __init__ lookup is cached per class version) and freed with their inline
# attribute values: __init__ replaced after warm-up, the order in which a dead
# instance releases its attributes, attributes set in another order.


class Loud:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


class Holder:
    def __init__(self, a, b):
        self.a = a
        self.b = b


def make(a, b):
    return Holder(a, b)


for i in range(3):
    h = make(Loud(f"a{i}"), Loud(f"b{i}"))
    del h
    print("round", i)

# Attributes set in another order than the class's keys: released by key index.
h = Holder(1, 2)
h2 = Holder.__new__(Holder)
h2.b = Loud("second-set-first")
h2.a = Loud("first-set-second")
del h2
print("after h2")
h3 = Holder(Loud("x"), Loud("y"))
h3.c = Loud("z")
del h3.a
h3.a = Loud("x2")
del h3
print("after h3")


# __init__ replaced on the class, on a base, and by a non-function.
class Base:
    def __init__(self, v):
        self.v = v


class Child(Base):
    pass


def build(cls, v):
    return cls(v)


for i in range(4):
    print(build(Child, i).v, build(Base, i).v)


def other_init(self, v):
    self.v = v * 100


Base.__init__ = other_init
print(build(Child, 1).v, build(Base, 2).v)
Child.__init__ = lambda self, v: setattr(self, "v", -v)
print(build(Child, 1).v, build(Base, 2).v)
del Child.__init__
print(build(Child, 3).v)


class Callable:
    def __call__(self, obj, v):
        obj.v = ("callable", v)

    def __get__(self, obj, cls):
        return lambda v: self(obj, v)


Base.__init__ = Callable()
print(build(Child, 4).v, build(Base, 5).v)
try:
    Base.__init__ = 5
    build(Base, 1)
except TypeError as e:
    print("TypeError", e)


# Wrong argument counts after warm-up.
class P:
    def __init__(self, x, y=0):
        self.x = x + y


for i in range(4):
    print(build(P, i).x)
try:
    P()
except TypeError as e:
    print("TypeError", e)
print(P(1, 2).x, P(x=5).x)
