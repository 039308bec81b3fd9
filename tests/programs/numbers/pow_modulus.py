# Checks three-argument pow, negative exponents and modular inverse.
print(pow(2, 10), pow(2, 10, 1000), pow(3, 200, 13), pow(-2, 3, 5))
print(pow(2, -1), 2 ** -2, pow(3, -1, 7), pow(38, -1, 97))
print(pow(0, 0), 0 ** 0, pow(2.0, 3), (-8) ** (1/3) == (-8) ** (1/3))
print(pow(10, 100, 10**9 + 7))
