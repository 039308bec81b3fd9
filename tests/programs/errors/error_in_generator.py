# Checks a traceback for an exception raised inside a generator being consumed.
def gen():
    yield 1
    raise KeyError("from generator")
for v in gen():
    print(v)
