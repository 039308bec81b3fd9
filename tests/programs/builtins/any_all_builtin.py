# Checks any/all on empty and non-empty iterables, and short-circuiting.
print(any([]), all([]), any([0, "", None]), all([1, "a"]), any([0, 1]), all([1, 0]))
def gen():
    yield 1
    print("not reached")
    yield 0
print(any(gen()))
