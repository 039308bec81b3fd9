# Checks walrus inside comprehension binds in the enclosing scope.
def f():
    vals = [total := 0] + [total := total + i for i in range(5)]
    return vals, total
print(f())
print([m for s in ["a1", "bb", "c3"] if (m := s[-1]).isdigit()], m)
