# Checks yield from forwards send() and throw() to the subgenerator.
def inner():
    try:
        while True:
            v = yield
            print("inner got", v)
    except KeyError:
        print("inner handled KeyError")
        return "inner done"
def outer():
    r = yield from inner()
    print("outer got", r)
    yield "final"
g = outer()
next(g)
g.send("x")
g.send("y")
print(g.throw(KeyError))
