# Checks abs and negation for small, big and boundary integers.
for n in [0, -1, 5, -(2 ** 63), 2 ** 63 - 1, -(10 ** 40)]:
    print(abs(n), -n)
print(abs(-0.0), abs(-3.5), abs(3 - 4j))
