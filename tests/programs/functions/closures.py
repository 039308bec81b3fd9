# Checks closures capture variables (not values) and each call makes a new cell.
def make_adder(n):
    def add(x):
        return x + n
    return add
a5, a10 = make_adder(5), make_adder(10)
print(a5(1), a10(1), a5.__closure__[0].cell_contents)
def late():
    fs = []
    for i in range(3):
        def f():
            return i
        fs.append(f)
    return [f() for f in fs]
print(late())
print(make_adder.__closure__, a5.__code__.co_freevars, make_adder.__code__.co_cellvars)
