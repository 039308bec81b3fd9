# Checks more of math: logs, exact fsum, hypot/dist, frexp/ldexp/modf, remainder, integer functions and errors.
import math
print(math.log(8, 2), math.log(100, 10), math.log10(1000), math.log2(1024), math.log(2 ** 2000), math.log1p(1e-10), math.expm1(1e-10))
print(math.fsum([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50]), math.fsum([0.1] * 10), math.fsum([]), math.fsum(range(10)))
print(math.hypot(3, 4), math.hypot(1, 1), math.hypot(*range(10)), math.dist((1, 2), (4, 6)), math.hypot(1e308, 1e308), math.hypot(), math.hypot(-2))
print(math.frexp(8.0), math.frexp(0.1), math.frexp(0.0), math.ldexp(0.5, 4), math.ldexp(1.0, -1074), math.modf(3.5), math.modf(-3.5), math.modf(math.inf))
print(math.fmod(-7, 3), math.fmod(7, -3), math.remainder(7, 2), math.remainder(5, 2), math.remainder(-5, 3), math.remainder(3, math.inf))
print(math.pow(2, 10), math.pow(2, 0.5), math.pow(1, math.nan), math.pow(math.nan, 0), math.atan2(1, 1), math.atan2(0.0, -0.0), math.degrees(math.pi), math.radians(180))
print(math.isclose(1.0, 1.0 + 1e-10), math.isclose(1, 1.1), math.isclose(1, 1.1, rel_tol=0.2), math.isclose(0, 1e-12, abs_tol=1e-9), math.isclose(math.inf, math.inf))
print(math.sin(1), math.cos(1), math.tan(1), math.asin(0.5), math.acos(0.5), math.atan(1), math.sinh(1), math.cosh(1), math.tanh(1))
print(math.asinh(1), math.acosh(2), math.atanh(0.5), math.exp(1), math.exp2(10), math.erf(0.5), math.erfc(0.5), math.gamma(5), math.lgamma(1))
print(math.nextafter(1.0, 2.0), math.nextafter(0.0, -1.0), math.ulp(1.0), math.ulp(0.0), math.copysign(3, -0.0), math.fabs(-0.0))
print(math.factorial(0), math.factorial(30), math.comb(100, 50), math.comb(5, 7), math.perm(5), math.perm(5, 0), math.isqrt(0), math.isqrt(99), math.isqrt(10 ** 40))
print(math.gcd(), math.gcd(0, 0), math.gcd(-4, 6), math.gcd(12, 18, 27), math.lcm(), math.lcm(4, 6, 10), math.lcm(0, 5), math.prod([]), math.prod(range(1, 6), start=2), math.sumprod([1, 2], [3, 4]))
print(math.trunc(-2.5), math.floor(-0.5), math.ceil(-0.5), math.floor(10 ** 30), math.ceil(1e20), math.trunc(True), math.isnan(math.nan), math.isinf(-math.inf), math.isfinite(1e308))
class F:
    def __floor__(self):
        return "floor!"
    def __ceil__(self):
        return "ceil!"
print(math.floor(F()), math.ceil(F()), math.tau, math.e)
cases = [(math.sqrt, (-1,)), (math.log, (0,)), (math.log, (-1,)), (math.exp, (1000,)), (math.pow, (0, -1)),
         (math.pow, (10, 400)), (math.factorial, (-1,)), (math.factorial, (1.5,)), (math.acos, (2,)),
         (math.fsum, ([math.inf, -math.inf],)), (math.fsum, ([1e308, 1e308],)), (math.isqrt, (-1,)),
         (math.comb, (-1, 2)), (math.perm, (3, -1)), (math.ldexp, (1.0, 2000)), (math.floor, (math.inf,)), (math.floor, (math.nan,)),
         (math.trunc, ("x",)), (math.sqrt, ("x",)), (math.gamma, (0,)), (math.atanh, (1,)), (math.fmod, (1, 0)),
         (math.log, (10, 1)), (math.cosh, (1000,)), (math.dist, ((1,), (1, 2))), (math.isclose, (1, 2, -1)), (math.remainder, (1, 0)), (math.gcd, (1.5,))]
for f, args in cases:
    try:
        print(f(*args))
    except (ValueError, OverflowError, TypeError, ZeroDivisionError) as e:
        print(f.__name__, type(e).__name__, e)
