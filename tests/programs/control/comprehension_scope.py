# Checks comprehension variables do not leak and can read enclosing/class scope rules.
x = "outer"
vals = [x for x in range(3)]
print(x, vals)
def f():
    n = 10
    return [n + i for i in range(3)]
print(f())
class C:
    a = 5
    b = [i for i in range(3)]
print(C.b)
