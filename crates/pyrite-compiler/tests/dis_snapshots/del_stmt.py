def f(a):
    del a
    b = 1
    del b
    c = 2
    return c
