# Checks throw() into a just-created generator raises immediately without running its body.
def g():
    print("body started")
    yield 1
gen = g()
try:
    gen.throw(ValueError("early"))
except ValueError as e:
    print("raised", e)
print(next(gen, "finished"))
