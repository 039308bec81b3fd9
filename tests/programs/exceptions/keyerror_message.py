# Checks KeyError's str() is the repr of the key, unlike other exceptions.
try:
    {"a": 1}["b"]
except KeyError as e:
    print(str(e), repr(e), e.args[0])
print(str(KeyError("x y")), str(ValueError("x y")), str(KeyError(1, 2)))
