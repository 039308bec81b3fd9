# Checks star unpacking in list/tuple/set displays and call arguments, ** in dict displays.
a = [1, 2]
b = (3, 4)
print([*a, *b], (*a, 0), {*a, *a})
d = {"x": 1}
print({**d, "y": 2, **{"x": 9}})
print(*a, *"hi", sep="|")
def f(*args, **kw):
    return args, kw
print(f(*a, 5, *b, **d, z=0))
