# Checks common math functions with exact or well-defined results.
import math
print(math.sqrt(16), math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.7))
print(math.gcd(12, 18), math.lcm(4, 6), math.factorial(20), math.isqrt(10 ** 20 + 1))
print(math.pi, math.e, math.fabs(-3), math.copysign(1, -0.0))
print(math.floor(2.0 ** 70) == 2 ** 70, type(math.floor(1.5)).__name__, math.inf)
print(math.comb(10, 3), math.perm(5, 2), math.prod([1, 2, 3, 4]), math.fsum([0.1] * 10))
