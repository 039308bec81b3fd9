# Calls of generator functions (plain, with defaults, as methods) through the specialised CALL forms;
# a generator __init__ still fails as in CPython.
def g(n, k=2):
    for i in range(n):
        yield i * k
class C:
    def __init__(self):
        pass
    def gm(self, n):
        yield from range(n)
class D:
    def __init__(self):
        yield 1
c = C()
for _ in range(3):
    print(list(g(3)), list(g(2, 5)), list(c.gm(2)), sum(C.gm(c, 4)))
    m = c.gm
    print(list(m(3)))
for _ in range(3):
    try:
        D()
    except TypeError as e:
        print(e)
