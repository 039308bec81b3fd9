def f(c):
    if c:
        x = 1
    return x
def g():
    x = 1
    del x
    return x
def h(a):
    for i in a:
        pass
    return i
