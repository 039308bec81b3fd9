f = lambda x, y=2, *a, z=3, **k: x + y
def g(a, b=1, /, c=2, *, d, e=4): return a
