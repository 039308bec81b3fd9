def f(data):
    a = [x for x in data]
    b = {x: y for x, y in data}
    c = {x for x in data if x}
    d = [x * y for x in data for y in x]
    e = [y for x in data for y in [x]]
    return a, b, c, d, e
s = {k: v for k, v in items}
class K:
    vals = [v for v in range(3)]
