# Bound methods come from a free list: many made and dropped, kept ones stay intact, weak
# references to them die with them, and equality and hashing follow their function and self.
import gc
import weakref

class Counter:
    def __init__(self, n):
        self.n = n
    def bump(self, k=1):
        self.n += k
        return self.n

cs = [Counter(i) for i in range(10)]
kept = []
total = 0
for round_ in range(500):
    for c in cs:
        m = c.bump            # a new bound method each time
        total += m(2)
        if round_ % 100 == 0:
            kept.append(m)
print(total, len(kept), [m() for m in kept[:3]], kept[0].__self__ is cs[0], kept[0].__func__ is Counter.bump)
print(cs[0].bump == cs[0].bump, cs[0].bump == cs[1].bump, hash(cs[2].bump) == hash(cs[2].bump))

dead = []
r = weakref.ref(cs[3].bump, lambda ref: dead.append("callback"))
gc.collect()
print(r() is None, dead)

callbacks = {name: getattr(cs[4], name) for name in ("bump", "__init__")}
del cs
gc.collect()
print(callbacks["bump"](), type(callbacks["bump"]).__name__, callbacks["__init__"].__name__)
