# Checks float **, //, %, divmod edge cases, mixed int/float operands and their error messages.
print(2.0 ** 0.5, 2 ** -1.5, (-8.0) ** 3, (-2.0) ** -2, 0.0 ** 0, float("nan") ** 0, 1.0 ** float("nan"))
print((-8.0) ** (1 / 3), (-1.0) ** 0.5, float("inf") ** -1, (-float("inf")) ** 3, (-0.0) ** 3, 0.5 ** float("inf"))
print(divmod(-7.5, 2), divmod(7, -2.5), divmod(7.5, 2.5), -7.5 // 2, -7.5 % 2, 7.5 % -2, 5 % -0.5, -0.0 % 3)
print(1e308 * 10 // 1, 3 // 0.7, 1 / 3.0, 10 / 4.0, 2 ** 0.0, 7.0 // 2, 7 // 2.0)
for expr in ["10.0 ** 400", "0.0 ** -1", "1.0 / 0", "1 / 0.0", "1.0 // 0", "1.0 % 0", "divmod(1.0, 0)", "divmod(1, 0.0)", "1e308 + 10 ** 400", "10 ** 400 / 1.5", "(-10.0) ** 401.0"]:
    try:
        print(eval(expr))
    except (ZeroDivisionError, OverflowError) as e:
        print(expr, "->", type(e).__name__, e, e.args)
print(abs(-2.5), -(0.0), +(-0.0), bool(0.0), bool(-0.0), bool(1e-300), int(-2.9), int(2.9))
for v in [float("inf"), float("-inf"), float("nan")]:
    try:
        int(v)
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)
