# Checks generator.send delivers values as the result of yield; first send must be None.
def accumulate():
    total = 0
    while True:
        v = yield total
        if v is None:
            break
        total += v
    return total
g = accumulate()
print(g.send(None), g.send(5), g.send(10))
try:
    g.send(None)
except StopIteration as e:
    print("returned", e.value)
h = accumulate()
try:
    h.send(1)
except TypeError as e:
    print(e)
