# Checks two generator instances from the same function keep independent state.
def counter(start):
    while True:
        start += 1
        yield start
a, b = counter(0), counter(100)
print(next(a), next(a), next(b), next(a), next(b))
