# Checks enum: Enum members, lookup, aliases, iteration, IntEnum, StrEnum, Flag, auto and unique.
import enum
class Color(enum.Enum):
    RED = 1
    GREEN = 2
    ALIAS = 1
    def describe(self):
        return self.name.lower()
print(Color.RED, repr(Color.GREEN), Color(2), Color["RED"], list(Color), len(Color), Color.ALIAS is Color.RED)
print(Color.RED.value, Color.RED.name, Color.RED.describe(), type(Color.RED), Color, hash(Color.RED) == hash(Color.RED))
print(Color.__members__, 1 in Color, Color.RED in Color, isinstance(Color.RED, Color), Color.RED == 1)
try:
    Color(5)
except ValueError as e:
    print("ValueError", e)
try:
    Color["X"]
except KeyError as e:
    print("KeyError", e)
try:
    Color.RED = 5
except AttributeError as e:
    print("AttributeError", e)
class N(enum.IntEnum):
    A = 1
    B = enum.auto()
print(N.A, repr(N.B), N.A + 1, f"{N.B}", N.A == 1, str(N.A), format(N.A, "03d"), N(2), sorted([N.B, N.A]))
class S(enum.StrEnum):
    X = enum.auto()
    Y = "why"
print(S.X, repr(S.X), S.X == "x", S.Y.upper(), S("why"))
class P(enum.Flag):
    R = enum.auto()
    W = enum.auto()
    X = enum.auto()
print(P.R | P.W, repr(P.R | P.W), P.R in (P.R | P.W), bool(P(0)), repr(P(0)), list(P.R | P.X), P.X.value)
class I(enum.IntFlag):
    A = 1
    B = 2
print(I.A | I.B, repr(I.A | I.B), I.A | 4 == 5)
try:
    @enum.unique
    class U(enum.Enum):
        a = 1
        b = 1
except ValueError as e:
    print("ValueError", e)
class Planet(enum.Enum):
    EARTH = (5.97e24, 6.37e6)
    MARS = (6.42e23, 3.39e6)
    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius
print(Planet.EARTH.mass, Planet.MARS.radius, Planet.EARTH.value)
class Shape(enum.Enum):
    SQUARE = "sq"
    @classmethod
    def _missing_(cls, value):
        return cls.SQUARE if value == "square" else None
print(Shape("square"), Shape("sq"))
