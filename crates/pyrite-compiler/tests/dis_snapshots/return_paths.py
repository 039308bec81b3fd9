def f(x):
    if x:
        return 1
    elif x > 2:
        return 2
    else:
        return
def g(x):
    while True:
        if x:
            return x
def h():
    return (1,
            2)
