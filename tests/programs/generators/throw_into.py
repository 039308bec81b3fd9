# Checks generator.throw raises at the yield point and can be handled inside.
def g():
    while True:
        try:
            yield "ready"
        except ValueError as e:
            print("handled", e)
            yield "recovered"
gen = g()
print(next(gen))
print(gen.throw(ValueError("oops")))
print(next(gen))
try:
    gen.throw(KeyError("unhandled"))
except KeyError as e:
    print("propagated", repr(e))
print(next(gen, "closed now"))
