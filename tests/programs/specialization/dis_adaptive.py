# golden: needs-specialization
# dis.dis(f, adaptive=True) shows the specialised and super-instructions a function has been
# rewritten to after running; plain dis.dis shows the bytecode as compiled.
import dis

SCALE = 3

def helper(a, b):
    return a + b

def work(items, n):
    total = 0
    for i in range(n):
        total = helper(total, i) * SCALE
    for x in items:
        if x < 10:
            total += items[0]
    pairs = [(1, 2)]
    for a, b in pairs:
        total += len(pairs) + a - b
    items[0] = total
    return total

for _ in range(3):
    work([1, 2, 3], 4)
dis.dis(work, adaptive=True)
print("----")
dis.dis(work)

def poly(a, b):
    return a + b

for _ in range(5):
    poly(1, 2)
dis.dis(poly, adaptive=True)
# The int form misses on floats; after enough misses the site re-specialises.
for _ in range(100):
    poly(1.5, 2.5)
dis.dis(poly, adaptive=True)

def names(s):
    return s == "x", s.upper()
for _ in range(3):
    names("x")
dis.dis(names, adaptive=True)
