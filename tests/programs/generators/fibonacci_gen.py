# Checks a fibonacci generator and enumerate/zip over generators.
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
for i, f in zip(range(12), fib()):
    print(i, f)
