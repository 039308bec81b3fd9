# Checks iter() on containers, two-argument iter(callable, sentinel), and next() with default.
it = iter([1, 2])
print(next(it), next(it), next(it, "done"))
counter = [0]
def tick():
    counter[0] += 1
    return counter[0]
print(list(iter(tick, 4)))
lines = iter(["a", "b", "", "c"])
print(list(iter(lambda: next(lines), "")))
print(type(iter("ab")).__name__, type(iter({})).__name__, type(iter(range(2))).__name__)
