# Checks finally in a generator runs on close() and on exhaustion.
def g():
    try:
        yield 1
        yield 2
    finally:
        print("gen finally")
x = g()
print(next(x))
x.close()
print(list(g()))
