# Checks divmod() and pow() builtins, including three-argument pow and pow errors.
print(divmod(9, 4), divmod(-9, 4), divmod(9.0, 4), pow(2, 8), pow(2, 8, 5), pow(2.0, -1), pow(-8, 2))
try:
    pow(2, 3, 0)
except ValueError as e:
    print(e)
try:
    pow(2.0, 3, 5)
except TypeError as e:
    print(e)
