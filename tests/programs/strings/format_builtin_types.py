# Checks format() with strings, ints, floats and empty spec equals str().
print(format("x", "^5") + "|", format(12, "4d") + "|", format(1.5), format(3, ""), format(1/3, ".4"))
print(format(True), format(True, "d"), format(None), format([1, 2]))
print(format(1e16), format(123.0), format(-0.0), format(float("inf")), format(float("nan"), "f"))
