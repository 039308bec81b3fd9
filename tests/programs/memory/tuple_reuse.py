# Small tuples are reused from per-length free lists: nested tuples freed inside one another,
# tuples freed by the cycle collector, and reused blocks all keep exact contents and counts.
import gc
import sys

def nest(depth, width):
    t = tuple(range(width))
    for d in range(depth):
        t = (t,) * width if width else ()
    return t

total = 0
for round_ in range(200):
    for width in range(1, 10):
        t = nest(3, width)
        total += len(t) + len(t[0]) + sum(len(x) for x in t)
        del t
print(total)

# Tuples freed while other tuples are being freed (their items), then reused at once.
chain = None
for i in range(5000):
    chain = (chain, i, (i, i + 1))
while chain is not None:
    chain, i, pair = chain
    assert pair == (i, i + 1)
print("chain ok", i)

# Cycles through tuples, collected, then the freed blocks reused by new tuples.
class Node:
    pass

for i in range(300):
    n = Node()
    n.edge = (n, i, "x")
    del n
print("collected", gc.collect() >= 0)
fresh = [(i, str(i)) for i in range(1000)]
print(fresh[0], fresh[-1], sum(a for a, b in fresh), len({b for a, b in fresh}))

# A reused tuple holds new references only.
x = object()
before = sys.getrefcount(x)
for i in range(1000):
    t = (x, i)
del t
print(sys.getrefcount(x) == before)
pairs = list(zip(range(5), "abcde"))
print(pairs, dict(pairs), list(enumerate("xyz", 1)), divmod(17, 5), tuple(reversed((1, 2, 3))))
