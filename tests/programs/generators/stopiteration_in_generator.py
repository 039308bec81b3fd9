# Checks PEP 479: StopIteration raised inside a generator becomes RuntimeError.
def g():
    yield 1
    raise StopIteration("inner")
try:
    list(g())
except RuntimeError as e:
    print(type(e).__name__, e, repr(e.__cause__))
