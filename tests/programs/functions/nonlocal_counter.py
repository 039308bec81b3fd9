# Checks nonlocal through two levels of nesting.
def outer():
    x = 0
    def middle():
        def inner():
            nonlocal x
            x += 10
        inner()
        return x
    r = middle()
    return r, x
print(outer())
