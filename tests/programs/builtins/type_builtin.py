# Checks type() of values, type equality, and the three-argument type() form.
print(type(1) is int, type("") == str, type(type(1)), type(None))
class Base:
    x = 1
New = type("New", (Base,), {"y": 2})
n = New()
print(New.__name__, n.x, n.y, type(n) is New, isinstance(n, Base))
