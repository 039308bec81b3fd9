# The int-operator and mixed-float forms of BINARY_OP: warmed up on the fast cases, then
# fed the cases that must take the generic path (errors, big results, special values).
import math

def int_ops(a, b):
    return (a // b, a % b, a & b, a | b, a ^ b, a >> (b % 64), a << (b % 8), a / b)

def run_int(pairs):
    out = []
    for a, b in pairs:
        try:
            out.append(int_ops(a, b))
        except ZeroDivisionError as e:
            out.append(("ZeroDivisionError", str(e)))
    return out

warm = [(i * 37 - 500, (i % 13) - 6 or 7) for i in range(60)]
print(run_int(warm)[:3], len(run_int(warm)))
edge = [(7, 0), (-7, 3), (7, -3), (-7, -3), (2 ** 61, 3), (-(2 ** 62), -1), (2 ** 62 - 1, 2),
        (2 ** 53 + 1, 3), (3, 2 ** 53 + 1), (2 ** 70, 5), (5, 2 ** 70), (True, 3), (10, True)]
for row in run_int(edge):
    print(row)

def shifts(a, b):
    return a << b, a >> b

for _ in range(40):
    shifts(3, 5)
for a, b in [(1, 62), (1, 63), (1, 64), (-1, 70), (3, 100), (2 ** 40, 30), (5, 0)]:
    print(a, b, shifts(a, b))
try:
    shifts(1, -1)
except ValueError as e:
    print("ValueError:", e)

def inplace(n):
    x = 1000003
    for i in range(1, n):
        x //= 1 + i % 3
        x |= i
        x ^= i << 2
        x %= 99991
        x &= 0xFFFF
        x >>= i % 2
        x <<= 1
    return x
print(inplace(100), inplace(3))

def float_ops(a, b):
    return (a + b, a - b, a * b, a / b, abs(a) ** 0.5 if a else 0.0)

def run_float(pairs):
    out = []
    for a, b in pairs:
        try:
            out.append(float_ops(a, b))
        except ZeroDivisionError as e:
            out.append(("ZeroDivisionError", str(e)))
    return out

fwarm = [(i * 0.75 - 10, (i % 7) + 0.5) for i in range(50)] + [(i, 2.5) for i in range(20)] + [(1.5, i + 1) for i in range(20)]
res = run_float(fwarm)
print(res[0], res[55], res[-1], len(res))
fedge = [(1.0, 0.0), (1.0, 0), (0, 2.0), (3, 4.0), (2 ** 62 - 1, 1.0), (2 ** 53 + 1, 1.0),
         (1e308, 10), (-1e308, 1e-308), (math.inf, 2), (math.nan, 1.0), (-0.0, 5), (5, -0.0)]
for row in run_float(fedge):
    print(row)

def powers(a, b):
    return a ** b

for _ in range(40):
    powers(2.0, 0.5)
for a, b in [(2.0, 10), (9.0, 0.5), (-8.0, 1 / 3), (-8.0, 2.0), (0.0, -1.0), (10.0, 400.0),
             (1.0, math.inf), (math.inf, 0.5), (2.5, -2), (4, 0.5), (1e-300, 2.0)]:
    try:
        print(a, b, powers(a, b))
    except (ZeroDivisionError, OverflowError, ValueError) as e:
        print(a, b, type(e).__name__, e)

def mixed(xs):
    t = 0.0
    for x in xs:
        t = t + x / 3
        t = t * 1.000001 - x
    return t
print(mixed(range(30)), mixed([1.5, 2, 3.25, 4]))
