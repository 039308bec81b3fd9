# Checks big integer floor division and modulo with mixed signs.
a = 10 ** 25 + 7
b = 3 ** 20
for x, y in [(a, b), (-a, b), (a, -b), (-a, -b)]:
    print(x // y, x % y, divmod(x, y) == (x // y, x % y))
