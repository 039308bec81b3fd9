# Checks shortest float repr and exponent thresholds.
for x in [0.1, 0.2 + 0.1, 1/3, 2/3, 1e16, 1e15, 123456789.0, 1.5e-5, 1e-4, 0.0001234, 1e22, 5e-324, 1.7976931348623157e308, -0.0, 100.0, 3.0e-10]:
    print(repr(x), str(x))
