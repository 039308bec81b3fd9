# Call sites that see several Python functions (overridden methods, callbacks) are specialised
# for the call's shape rather than for one function; every other kind of callable reaching
# the site afterwards, keywords, defaults and generator functions keep working.

class Base:
    def step(self, x):
        return x + 1

class Double(Base):
    def step(self, x):
        return x * 2

class Defaults(Base):
    def step(self, x, k=10):
        return x + k

class Gen(Base):
    def step(self, x):
        yield x
        yield -x

class Star(Base):
    def step(self, *args):
        return sum(args) - 1

def run(objs, rounds):
    out = []
    for _ in range(rounds):
        for o in objs:
            r = o.step(3)
            out.append(r if isinstance(r, int) else list(r))
    return out

objs = [Base(), Double(), Base(), Double()]
print(run(objs, 50)[-4:])
objs += [Defaults(), Gen(), Star()]
print(run(objs, 50)[-7:])

# Plain function callbacks at one site, then a builtin, a class, a bound method, a lambda.
def apply(fs, x):
    return [f(x) for f in fs]

def inc(x):
    return x + 1

def dec(x):
    return x - 1

def sq(x, p=2):
    return x ** p

for _ in range(100):
    r = apply([inc, dec, sq], 7)
print(r)
print(apply([inc, abs, str, float, Base().step, lambda v: v * 3, dec], -4))

# Keywords at a site specialised for positional calls.
def kw(a, b=1):
    return a - b

def kw2(a, b=2):
    return a * b

for i in range(100):
    for g in (kw, kw2):
        g(i)
print([g(5, b=3) for g in (kw, kw2)], [g(b=4, a=2) for g in (kw, kw2)])

# Defaults replaced while the site is specialised; too few and too many arguments.
kw.__defaults__ = (100,)
print([g(5) for g in (kw, kw2)])
for bad in [lambda: [g() for g in (kw, kw2)], lambda: [g(1, 2, 3) for g in (kw, kw2)]]:
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)

# Deep recursion through a polymorphic site still raises RecursionError.
class R1:
    def go(self, n, other):
        return other.go(n + 1, self)

class R2(R1):
    pass

try:
    R1().go(0, R2())
except RecursionError as e:
    print("RecursionError:", e)
