# Checks yield from delegation and that it returns the subgenerator's return value.
def inner():
    yield "a"
    yield "b"
    return "inner result"
def outer():
    r = yield from inner()
    yield "got " + r
    yield from range(2)
print(list(outer()))
