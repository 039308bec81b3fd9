# Checks **kwargs preserves the order keywords were passed.
def f(**kw):
    return list(kw.items())
print(f(z=1, a=2, m=3), f(**{"b": 1, "a": 2}, c=3))
