# Checks TypeError when sorting incomparable types.
try:
    sorted([1, "a", 2])
except TypeError as e:
    print(e)
try:
    [3, None].sort()
except TypeError as e:
    print(e)
