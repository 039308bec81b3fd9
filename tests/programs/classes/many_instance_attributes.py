# Instances with up to and beyond 16 attributes (the inline capacity): values, insertion
# order, deletion, vars() and attribute reads through specialised sites stay as in CPython.
# Attribute names written in code (interned), as ordinary classes assign them.
src = "class Wide:\n    def __init__(self, n):\n" + "".join(
    f"        if n > {i}:\n            self.a{i} = {i * i}\n" for i in range(24))
exec(src)

def total(o, names):
    return sum(getattr(o, n) for n in names)

def direct(o):
    return o.a0 + o.a8 + o.a15

for n in (8, 9, 15, 16, 17, 24):
    w = Wide(n)
    names = [f"a{i}" for i in range(n)]
    print(n, total(w, names), list(vars(w))[:3], list(vars(w))[-2:], len(vars(w)))

objs = [Wide(16), Wide(17), Wide(16)]
for _ in range(30):
    [direct(o) for o in objs]
print([direct(o) for o in objs])
w = Wide(16)
del w.a3
w.a3 = "back"
w.extra = "seventeenth"
print(list(vars(w))[-3:], w.a3, w.extra, direct(w))
w2 = Wide(16)
del w2.a15
try:
    direct(w2)
except AttributeError as e:
    print("AttributeError:", e)
print(sorted(vars(w2))[:3], len(vars(w2)))
