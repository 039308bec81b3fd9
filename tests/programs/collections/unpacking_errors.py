# Checks ValueError messages for too many / not enough values to unpack.
for seq in [[1], [1, 2, 3]]:
    try:
        a, b = seq
    except ValueError as e:
        print(e)
try:
    a, *b, c = [1]
except ValueError as e:
    print(e)
