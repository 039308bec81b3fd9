# Checks semicolon-separated statements and backslash / implicit line continuation.
a = 1; b = 2; print(a + b)
total = 1 + \
    2 + \
    3
print(total)
items = [
    1,
    2,
]
print(items, (1 +
   2))
