# An attribute site that serves instances of two (or more) classes with different layouts:
# the values, and what happens when a class changes, an instance gets a __dict__, an
# attribute is deleted, or a data descriptor appears.


class Base:
    def __init__(self):
        self.a = 1
        self.b = 2


class Left(Base):
    def __init__(self):
        self.x = "left-x"
        super().__init__()


class Right(Base):
    def __init__(self):
        super().__init__()
        self.extra = 0
        self.x = "right-x"


class Third:
    def __init__(self):
        self.q = 5
        self.x = "third-x"


def read_x(o):
    return o.x


def read_b(o):
    return o.b


objs = [Left(), Right()] * 20
print([read_x(o) for o in objs][:4], sum(read_b(o) for o in objs))
print({read_x(o) for o in objs + [Third()] * 10 + objs})

# A class attribute change renews the class's tag: the cached entry must not be used.
l, r = Left(), Right()
for _ in range(30):
    read_x(l), read_x(r)
Right.x = property(lambda self: "property-x")
print(read_x(l), read_x(r))
del Right.x
print(read_x(l), read_x(r))

# An instance whose attributes moved to a materialised __dict__.
r2 = Right()
for _ in range(30):
    read_x(l), read_x(r2)
d = r2.__dict__
d["x"] = "from-dict"
print(read_x(l), read_x(r2))

# A deleted attribute falls back to the full lookup (and its error).
r3 = Right()
for _ in range(30):
    read_x(l), read_x(r3)
del r3.x
try:
    read_x(r3)
except AttributeError as e:
    print("AttributeError:", e)
Right.x = "class-level-x"
print(read_x(r3), read_x(l))

# __class__ assignment between the two classes.
o = Left()
for _ in range(30):
    read_x(o), read_x(Right())
o.__class__ = Right
print(read_x(o))
