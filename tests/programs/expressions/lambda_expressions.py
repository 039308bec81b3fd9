# Checks lambdas with defaults, immediately invoked, and capturing loop variables.
add = lambda a, b=10: a + b
print(add(1), add(1, 2), (lambda: "now")())
fs = [lambda: i for i in range(3)]
gs = [lambda i=i: i for i in range(3)]
print([f() for f in fs], [g() for g in gs])
print((lambda *a, **k: (a, k))(1, 2, x=3))
