def gen(n):
    for i in range(n):
        yield i
    x = yield
    return x
def gen2():
    yield from gen(3)
g = (x * 2 for x in range(3))
def f(data):
    return sum(x for x in data if x)
