# One call site calling many closures of the same code (the CALL forms guard on the code
# object), with defaults changed, replaced and removed between calls.
def make_adder(k):
    return lambda x: x + k

def make_scaler(k, bias=0):
    def scale(x, extra=0):
        return x * k + bias + extra
    return scale

adders = [make_adder(i) for i in range(5)]
scalers = [make_scaler(i, bias=i) for i in range(5)]

def apply_all(fs, x):
    return [f(x) for f in fs]

for _ in range(30):
    apply_all(adders, 1)
print(apply_all(adders, 10), apply_all(scalers, 3))

s = scalers[2]
s.__defaults__ = (100,)
print(apply_all(scalers, 3))
s.__defaults__ = None
try:
    apply_all(scalers, 3)
except TypeError as e:
    print("TypeError:", e)
s.__defaults__ = (1,)
print(apply_all(scalers, 3))

def other(x):
    return ("other", x)
mixed = adders[:2] + [other] + [len] + adders[2:]
try:
    print(apply_all(mixed, 4))
except TypeError as e:
    print("TypeError:", e)
mixed[3] = abs
print(apply_all(mixed, -4))

def compose(f, g):
    def h(x):
        return f(g(x))
    return h

f = compose(adders[1], compose(adders[2], adders[3]))
print([f(i) for i in range(10)])

def gen_factory(n):
    def gen(start=0):
        for i in range(start, n):
            yield i
    return gen
gens = [gen_factory(i) for i in range(1, 6)]
for _ in range(20):
    [list(g()) for g in gens]
print([list(g()) for g in gens], [list(g(1)) for g in gens])
