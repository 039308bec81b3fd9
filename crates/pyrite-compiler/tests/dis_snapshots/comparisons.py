a = x < y < z
b = x is not None
c = not (x in y)
d = x == y != z
if a < b < c:
    pass
if x is None:
    pass
if x is not None and y:
    pass
