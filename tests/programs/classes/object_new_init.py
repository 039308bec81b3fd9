# Checks __new__ runs before __init__, and __init__ is skipped if __new__ returns another type.
class Single:
    _inst = None
    def __new__(cls, *a):
        print("new", a)
        if cls._inst is None:
            cls._inst = super().__new__(cls)
        return cls._inst
    def __init__(self, v):
        print("init", v)
        self.v = v
a = Single(1)
b = Single(2)
print(a is b, a.v)
class Weird:
    def __new__(cls):
        return 42
    def __init__(self):
        print("never")
print(Weird())
