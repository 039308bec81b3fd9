# Checks reflected operators, NotImplemented fallback and subclass-first priority.
class Num:
    def __init__(self, v):
        self.v = v
    def __add__(self, o):
        print("Num.__add__")
        if isinstance(o, int):
            return Num(self.v + o)
        return NotImplemented
    def __radd__(self, o):
        print("Num.__radd__")
        return Num(self.v + o)
    def __repr__(self):
        return f"Num({self.v})"
class Sub(Num):
    def __radd__(self, o):
        print("Sub.__radd__")
        return Sub(o.v * 100 + self.v)
print(Num(1) + 2)
print(5 + Num(1))
print(Num(1) + Sub(2))
class Neither:
    def __add__(self, o):
        return NotImplemented
try:
    Neither() + Neither()
except TypeError as e:
    print(e)
