# Checks chained comparisons and that the middle operand is evaluated once.
calls = []
def v(x):
    calls.append(x)
    return x
print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 == 2)
print(v(1) < v(2) < v(3), calls)
calls.clear()
print(v(3) < v(2) < v(1), calls)
print(1 == 1.0 == True, "a" < "b" <= "b")
