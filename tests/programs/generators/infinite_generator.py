# Checks infinite generators consumed with manual stopping (no itertools.islice).
def naturals():
    n = 0
    while True:
        yield n
        n += 1
def primes():
    found = []
    for n in naturals():
        if n > 1 and all(n % p for p in found):
            found.append(n)
            yield n
out = []
for p in primes():
    if p > 50:
        break
    out.append(p)
print(out)
g = naturals()
print([next(g) for _ in range(5)])
