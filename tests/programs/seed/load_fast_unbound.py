# Seed 2: LOAD_FAST of a local read before assignment raises UnboundLocalError (caught).
def f():
    try:
        print(x)
    except UnboundLocalError as e:
        print(type(e).__name__, e)
    x = 1
    return x

print(f())
print(issubclass(UnboundLocalError, NameError))
