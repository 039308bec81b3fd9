# Checks lambdas closing over variables and being stored/sorted by.
def multipliers():
    return [lambda x, i=i: x * i for i in range(4)]
print([m(2) for m in multipliers()])
key = lambda p: (-p[1], p[0])
print(sorted([("a", 1), ("b", 3), ("c", 3)], key=key))
print((lambda f: f(f, 5))(lambda self, n: 1 if n == 0 else n * self(self, n - 1)))
