# Checks isinstance/issubclass errors for non-type arguments and with bool/int.
print(isinstance(1, (str, int)), isinstance("x", str), issubclass(int, object), issubclass(bool, (str, int)))
try:
    isinstance(1, 1)
except TypeError as e:
    print(e)
try:
    issubclass(1, int)
except TypeError as e:
    print(e)
