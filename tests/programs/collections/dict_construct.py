# Checks dict construction forms, fromkeys, comprehension, | and |= merging.
print(dict(a=1, b=2), dict([("x", 1), ("y", 2)]), dict({"k": 0}, k2=1))
print(dict.fromkeys("abc"), dict.fromkeys([1, 2], 0))
print({n: n * n for n in range(4)})
a = {"x": 1, "y": 2}
b = {"y": 20, "z": 30}
print(a | b, b | a)
a |= b
print(a)
