# Checks StopIteration from next(), its value attribute and next() default.
it = iter([1])
print(next(it))
try:
    next(it)
except StopIteration as e:
    print("StopIteration", e.value, e.args)
print(next(it, "default"))
def g():
    yield 1
    return "ret"
gen = g()
next(gen)
try:
    next(gen)
except StopIteration as e:
    print("value", e.value)
