# Ints around the tagged-int boundary (2**62) go through every arithmetic path, specialised
# and not, and keep their values, types and identities of equal values' results.
B = 2 ** 62
vals = [B - 2, B - 1, B, B + 1, -B - 1, -B, -B + 1, 2 ** 63 - 1, -2 ** 63, 2 ** 63]
for _ in range(3):
    out = []
    for v in vals:
        out.append((v + 1, v - 1, v * 2, -v, v // 3, v % 7, v >> 1, v << 1, abs(v)))
    print(out[0], out[-1])
total = 0
for i in range(B - 40, B + 40):
    total += i
print(total, type(total).__name__)
acc = B - 100
for _ in range(200):
    acc = acc + 1
print(acc, acc == B + 100, hash(acc) == hash(B + 100))
print(sum(range(B - 5, B + 5)), list(range(B - 2, B + 2)))
print([x - y for x, y in zip(range(B - 3, B + 3), range(-3, 3))])
