# Checks cell_contents follows rebinding in the enclosing scope and multiple cells ordering.
def outer():
    a = 1
    b = "b"
    def inner():
        return a, b
    a = 2
    return inner
inner = outer()
print([c.cell_contents for c in inner.__closure__], inner.__code__.co_freevars)
