# Big-int floor division and modulo across operand sizes and signs, including quotients just
# under and over 60 bits (the short-quotient path) and exact divisions.
seed = 12345
def rnd(bits):
    global seed
    out = 0
    while bits > 0:
        seed = (seed * 6364136223846793005 + 1442695040888963407) % 2**64
        take = min(bits, 32)
        out = (out << take) | (seed >> (64 - take))
        bits -= take
    return out | 1

acc = 0
for bbits in (1, 30, 63, 64, 65, 100, 640, 3000):
    for qbits in (0, 1, 5, 58, 59, 60, 61, 64, 200):
        b = rnd(bbits)
        a = (b * rnd(qbits + 1) + rnd(max(bbits - 1, 1)) % b if qbits else rnd(bbits) % b) or 1
        for x, y in ((a, b), (-a, b), (a, -b), (-a, -b), (b * 7, b), (a, a), (a + 1, a)):
            q, r = x // y, x % y
            assert q * y + r == x and (r == 0 or (r > 0) == (y > 0)) and abs(r) < abs(y), (x, y)
            acc = (acc * 31 + q % 1000003 + r % 1000033) % (2**61 - 1)
            assert divmod(x, y) == (q, r)
print(acc)
print(10**40 // 3, 10**40 % 3, -(10**40) // 7, (10**40) // -(10**20 + 1), 2**200 // (2**199 + 1), (2**200 - 1) // 2**100)
for n in (10**30, 2**100 + 12345):
    print(n // (n // 3 + 1), n % (n // 3 + 1), n // n, n // (n + 1), n % (n - 1))
try:
    10**30 // 0
except ZeroDivisionError as e:
    print(e)
