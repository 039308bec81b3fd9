# Checks a function defined and called inside another, with its own locals.
def outer(n):
    def double(v):
        return v * 2
    return [double(i) for i in range(n)]
print(outer(4))
