# Checks list comprehensions with conditions, multiple fors and expressions.
print([x * x for x in range(6)])
print([x for x in range(20) if x % 3 == 0 if x % 2 == 0])
print([(x, y) for x in range(3) for y in range(x)])
print([c.upper() for c in "abc"], [[j for j in range(i)] for i in range(4)])
print([x if x % 2 else -x for x in range(5)])
