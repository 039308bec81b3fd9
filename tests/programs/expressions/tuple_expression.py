# Checks tuple construction with and without parentheses, and single-element tuples.
t = 1, 2, 3
u = 1,
v = ()
print(t, u, v, type(u).__name__)
print((1), (1,), len(((),)))
