# Checks generator.close raises GeneratorExit inside; yielding during close is a RuntimeError.
def g():
    try:
        yield 1
    except GeneratorExit:
        print("got GeneratorExit")
        raise
gen = g()
next(gen)
gen.close()
print(next(gen, "after close"))
def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield 2
s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print(e)
