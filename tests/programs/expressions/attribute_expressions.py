# Checks attribute access chains, method calls on literals and getattr on modules.
class A:
    pass
a = A()
a.b = A()
a.b.c = [1, 2, 3]
print(a.b.c[1], len(a.b.c))
print("x,y".split(","), (1).bit_length(), 3.5.is_integer())
print(" pad ".strip().upper())
