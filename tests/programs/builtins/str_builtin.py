# Checks str() of built-in values and str(bytes, encoding).
print(str(1), str(1.0), str(None), str([1, "a"]), str("s"), str(b"b"), str(b"caf\xc3\xa9", "utf-8"))
print(str(), str(True), str(-0.0), str(1e-7), str(123456789012345678901234567890))
