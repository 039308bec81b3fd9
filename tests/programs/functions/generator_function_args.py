# Checks generators with default and keyword args each get their own frame.
def count(start=0, *, step=1):
    n = start
    while n < start + 3 * step:
        yield n
        n += step
print(list(count()), list(count(10, step=5)))
