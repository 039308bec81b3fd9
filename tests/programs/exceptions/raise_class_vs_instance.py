# Checks raising a class instantiates it, and raising non-exceptions is a TypeError.
try:
    raise IndexError
except IndexError as e:
    print(repr(e), e.args)
try:
    raise 42
except TypeError as e:
    print(e)
