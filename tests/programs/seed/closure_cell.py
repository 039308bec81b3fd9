# Seed 3: closure cells: __closure__[0].cell_contents, and nonlocal updating the shared cell.
def outer():
    x = 1
    def inner():
        return x
    return inner

inner = outer()
print(inner.__closure__[0].cell_contents)
print(inner())

def counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    def get():
        return n
    return inc, get

inc, get = counter()
inc(); inc()
print(get(), inc(), get())
print(inc.__closure__[0] is get.__closure__[0])
print(get.__closure__[0].cell_contents)
