# Checks classmethod receives the (sub)class, staticmethod receives nothing; alternate constructors.
class Shape:
    sides = 0
    def __init__(self, n):
        self.n = n
    @classmethod
    def make(cls, n):
        return cls(n)
    @classmethod
    def describe(cls):
        return f"{cls.__name__} with {cls.sides}"
    @staticmethod
    def add(a, b):
        return a + b
class Square(Shape):
    sides = 4
print(type(Square.make(2)).__name__, Square.describe(), Shape.describe())
print(Shape.add(1, 2), Square().add(3, 4) if False else Square.add(3, 4), Shape(1).add(5, 6))
