# Checks generator expressions: laziness, single use, sum/any/all consumption.
g = (x * 2 for x in range(5))
print(type(g).__name__, next(g), list(g), list(g))
print(sum(x for x in range(101)), any(x > 3 for x in [1, 5]), all(x for x in []))
log = []
def t(v):
    log.append(v)
    return v
g = (t(v) for v in range(3))
print(log)
next(g)
print(log)
