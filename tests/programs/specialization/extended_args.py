# Instructions with wide (EXTENDED_ARG) arguments: many locals, constants, names and long
# jumps, run often enough to be specialised, with guards failing on the way.

# A function with 300 locals: LOAD_FAST/STORE_FAST beyond 255.
names = [f"v{i}" for i in range(300)]
body = "\n".join(f"    {n} = {i}" for i, n in enumerate(names))
src = "def many_locals():\n" + body + "\n    return v0 + v150 + v299 + v298\n"
ns = {}
exec(src, ns)
print("many locals:", ns["many_locals"](), ns["many_locals"]())

# 300 distinct constants: LOAD_CONST and RETURN_CONST beyond 255.
consts = "\n".join(f"    c{i} = {i * 1000 + 7}" for i in range(300))
src = "def many_consts(flag):\n" + consts + "\n    if flag:\n        return 'last constant'\n    return c299 - c0\n"
exec(src, ns)
print("many consts:", ns["many_consts"](False), ns["many_consts"](True))

# 300 globals read in a hot loop: LOAD_GLOBAL beyond 255 specialises, then a rebinding
# makes its guard fail.
g = {}
for i in range(300):
    g[f"g{i}"] = i
src = "def read_globals(n):\n    total = 0\n    for _ in range(n):\n        total += " + " + ".join(f"g{i}" for i in range(250, 300)) + "\n    return total\n"
exec(src, g)
print("globals:", g["read_globals"](20))
g["g299"] = 1000
print("globals after rebinding:", g["read_globals"](20))
del g["g298"]
try:
    g["read_globals"](1)
except NameError as e:
    print("NameError:", e)

# Attributes with name indexes beyond 255, on instances: LOAD_ATTR/STORE_ATTR specialise with
# wide arguments, then the class changes.
attr_names = [f"a{i}" for i in range(270)]
src = "class Wide:\n    def __init__(self):\n" + "\n".join(f"        self.{a} = {i}" for i, a in enumerate(attr_names)) + "\n"
src += "def read_attrs(o, n):\n    t = 0\n    for _ in range(n):\n        o.a269 = o.a269 + 1\n        t += o.a268 + o.a1\n    return t, o.a269\n"
exec(src, ns)
w = ns["Wide"]()
print("attrs:", ns["read_attrs"](w, 30))
ns["Wide"].a268 = property(lambda self: -1)
print("attrs after property:", ns["read_attrs"](w, 5))

# A loop body longer than 255 code units: JUMP_BACKWARD, FOR_ITER and POP_JUMP_IF with wide
# offsets; the loop also compares and indexes (specialised forms inside a long body).
stmts = "\n".join(f"        x = x + {i} if x < {10 ** 6} else x - {i}" for i in range(60))
src = "def long_loop(items):\n    x = 0\n    for item in items:\n" + stmts + "\n        if item > 5:\n" + "\n".join(f"            x += item * {i}" for i in range(40)) + "\n    return x\n"
exec(src, ns)
print("long loop:", ns["long_loop"](list(range(20))), ns["long_loop"]((1, 2, 3)))
src = "def long_while(n):\n    i = 0\n    s = 0\n    while i < n:\n" + "\n".join(f"        s += i * {k}" for k in range(80)) + "\n        i += 1\n    return s\n"
exec(src, ns)
print("long while:", ns["long_while"](50), ns["long_while"](2 ** 62 - 2 ** 62 + 3))

# A call with keyword names far down the constant table.
src = "def kw_caller(f):\n" + "\n".join(f"    k{i} = {i}" for i in range(280)) + "\n    return f(1, b=k279, c=k1)\n"
exec(src, ns)
def target(a, b, c):
    return (a, b, c)
print("kw call:", [ns["kw_caller"](target) for _ in range(3)][-1])

# An error inside a wide-argument instruction reports the right line.
src = "def fails():\n" + "\n".join(f"    u{i} = {i}" for i in range(290)) + "\n    del u289\n    return u289\n"
exec(src, ns)
try:
    ns["fails"]()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
