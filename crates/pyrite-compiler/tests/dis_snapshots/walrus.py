if (n := len(a)) > 10:
    print(n)
def f(data):
    if any((y := x) for x in data):
        return y
    [z := v for v in data]
    return z
