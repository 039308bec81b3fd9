# Seed 1: BINARY_ADD (BINARY_OP +) across ints, strs, lists, __add__, __radd__, NotImplemented fallback, TypeError.
print(1 + 2)
print("a" + "b")
print([1] + [2])

class A:
    def __add__(self, other):
        return "A.__add__"

print(A() + 1)

class R:
    def __radd__(self, other):
        return f"R.__radd__({other!r})"

print(1 + R())

class N:
    def __add__(self, other):
        return NotImplemented

class M:
    def __radd__(self, other):
        return "M.__radd__ after NotImplemented"

print(N() + M())

try:
    1 + "a"
except TypeError as e:
    print(e)
