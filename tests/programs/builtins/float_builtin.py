# Checks float() constructor from str (incl. inf/nan spellings), int and no args.
print(float(), float(3), float("  1.25 "), float("1e-3"), float("-Infinity"), float("nan"), float("1_000.5"))
print(float(2 ** 100), float("+.5"), float("5."))
