g = 0
def f():
    global g
    g += 1
    return g
def h():
    x = 1
    def i():
        return x
    del x
    return i
