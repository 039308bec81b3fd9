# Checks operator precedence and associativity of arithmetic operators.
print(2 + 3 * 4, (2 + 3) * 4)
print(2 ** 3 ** 2, (2 ** 3) ** 2)
print(-2 ** 2, (-2) ** 2)
print(10 - 4 - 3, 100 / 10 / 5, 7 // 2 * 2)
print(1 + 2 << 1, 1 | 2 ^ 3 & 4)
