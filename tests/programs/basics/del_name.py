# Checks del of names, list items, slices and dict keys.
x = 1
del x
print("x" in globals())
l = [0, 1, 2, 3, 4, 5]
del l[0]
print(l)
del l[1:3]
print(l)
del l[::2]
print(l)
d = {"a": 1, "b": 2}
del d["a"]
print(d)
