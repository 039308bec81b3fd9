# Checks range with one, two and three arguments, negative steps and zero step error.
print(list(range(4)), list(range(2, 6)), list(range(10, 0, -3)), list(range(0, -5, -1)))
try:
    range(1, 2, 0)
except ValueError as e:
    print(e)
print(sum(range(1, 101)), range(3)[1], list(reversed(range(3))))
