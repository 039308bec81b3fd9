# Checks in-place list operations: *=, slice deletion, and aliasing effects.
a = [1, 2]
b = a
a *= 3
print(a, b is a)
del a[::2]
print(b)
a[:] = "xy"
print(b)
