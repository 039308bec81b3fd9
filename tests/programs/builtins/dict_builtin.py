# Checks dict() constructor forms and errors for bad sequences.
print(dict(), dict(a=1), dict([("a", 1), ["b", 2]]), dict(zip("xy", (1, 2))), dict({"a": 1}, b=2))
try:
    dict([(1, 2, 3)])
except ValueError as e:
    print(e)
