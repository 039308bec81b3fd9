# Checks int<->float conversion: truncation toward zero, big floats to int, float of big int.
print(int(3.9), int(-3.9), int(1e20), float(2 ** 60), float(10))
print(int("42"), int(" -17 "), int("0x1f", 16), int("1f", 16), int("z", 36), int("0b101", 0), int("1_000"))
print(float("1.5"), float(" -2e3 "), float("inf"), float("-inf"), float("nan"))
print(int(True), float(False), 7 + 0.5, 2 ** 53 + 1.0)
