# Checks floor division and modulo sign rules for ints and floats.
for a, b in [(7, 3), (-7, 3), (7, -3), (-7, -3), (0, 5), (6, 3)]:
    print(a, b, a // b, a % b, divmod(a, b))
for a, b in [(7.5, 2), (-7.5, 2), (7.5, -2), (-0.5, 1)]:
    print(a, b, a // b, a % b)
