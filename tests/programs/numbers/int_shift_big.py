# Checks shifts producing and consuming big ints, and negative big shifts.
print(1 << 100, (1 << 100) >> 99, -(1 << 100) >> 98, (3 << 200) >> 199)
print((2 ** 128 - 1) & 0xFFFF, (2 ** 128) | 1, -(2 ** 70) & 0xFF)
