# Checks a generator's return value appears as StopIteration.value.
def g():
    yield 1
    return {"done": True}
it = g()
print(next(it))
try:
    next(it)
except StopIteration as e:
    print(e.value, e.args)
