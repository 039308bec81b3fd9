# enumerate, zip of two and dict item iterators hand out the same pair again
# when the loop let the previous one go (CPython's result-tuple reuse); a pair
# that is kept anywhere must never change.
xs = ["a", "b", "c"]
kept = []
for t in enumerate(xs):
    kept.append(t)
print(kept, list(enumerate(xs, 10)))
kept = []
for i, x in enumerate(xs):
    kept.append((i, x))
print(kept)
it = enumerate(xs)
first = next(it)
second = next(it)
print(first, second, next(it), list(it))

pairs = []
for p in zip(xs, range(3)):
    pairs.append(p)
print(pairs, list(zip(xs, xs)), list(zip(xs, [1])), list(zip([], xs)))
print(list(zip(xs, range(3), "xyz")))
try:
    list(zip(xs, [1], strict=True))
except ValueError as e:
    print("ValueError", e)

d = {"k%d" % i: i * i for i in range(5)}
items = []
for kv in d.items():
    items.append(kv)
print(items, sorted(d.items(), key=lambda kv: -kv[1])[:2])
total = 0
for k, v in d.items():
    total += v
print(total, dict(zip(d.values(), d.keys())))


# A pair stored in a container while the loop runs, then the loop goes on.
grid = {}
for t in zip(range(3), range(3, 6)):
    grid[t] = t[0] * t[1]
print(grid)

# Items that die when the pair is reused (their finalisers see nothing odd).
class Noisy:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("del", self.n)


for i, obj in enumerate([Noisy(1), Noisy(2)]):
    print("step", i, obj.n)
del obj
print("loop done")


# Cycles through a kept pair are still collected.
import gc
class Box:
    pass


b = Box()
e = enumerate([b])
b.it = e
b.pair = next(e)
del b, e
print(gc.collect() >= 0)

# Unpacking errors and nested use.
for (i, (a, b)) in enumerate(zip("ab", "cd")):
    print(i, a, b)
try:
    for i, x, y in enumerate(xs):
        pass
except ValueError as e:
    print("ValueError", e)
