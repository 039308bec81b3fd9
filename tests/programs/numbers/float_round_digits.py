# Checks round() of floats with ndigits (correctly rounded), huge/negative ndigits and errors.
for x in [2.675, 0.125, 0.375, 1.005, 2.5, -2.5, 123.456, -0.5, 1e-10, 5e-324]:
    print(x, round(x), round(x, 0), round(x, 1), round(x, 2), round(x, -1), round(x, 20))
print(round(1234.5678, -2), round(1e300, -400), round(1e300, -299), round(-1e-300, 300), round(0.5 + 1e-16, 0))
print(round(1.5, None), type(round(1.5, None)).__name__, round(1e22), round(-0.0, 1), round(12.5, -1), round(15.0, -1))
for args in [(float("inf"),), (float("nan"),), (1.7976931348623157e308, -308), (2.5, "a"), (2.5, 1.0)]:
    try:
        print(round(*args))
    except (ValueError, OverflowError, TypeError) as e:
        print(type(e).__name__, e)
print(round(float("inf"), 2), round(float("nan"), 3), (2.5).__round__(), (7.25).__round__(1))
import math
print(math.trunc(-2.5), math.floor(-2.5), math.ceil(-2.5), (3.7).__trunc__(), (3.2).__ceil__(), (3.7).__floor__())
