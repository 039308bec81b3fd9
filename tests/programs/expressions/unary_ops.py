# Checks unary minus, plus and invert on ints, floats, bools.
print(-5, +5, ~5, ~-1, -(-3))
print(-1.5, +1.5, -True, +False)
print(- - 4, ~~7)
