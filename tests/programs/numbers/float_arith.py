# Checks float arithmetic precision artifacts and mixed int/float arithmetic.
print(0.1 + 0.2, 1.1 * 3, 1 - 0.9, 2 ** 0.5, 10 / 3)
print(1e300 * 1e10, 1e-320 / 1e10, 3 * 1.5, 7 % 2.5)
print(sum([0.1] * 10), 0.1 * 10)
