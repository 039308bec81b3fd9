# Checks TypeError messages for wrong argument counts and unexpected/duplicate keywords.
def f(a, b):
    pass
def g():
    pass
for call in [lambda: f(1), lambda: f(1, 2, 3), lambda: f(1, c=2), lambda: f(1, a=2), lambda: g(1), lambda: f()]:
    try:
        call()
    except TypeError as e:
        print(e)
