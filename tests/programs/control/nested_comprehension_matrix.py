# Checks nested comprehensions building and transposing a matrix.
m = [[r * 3 + c for c in range(3)] for r in range(3)]
print(m)
print([[m[r][c] for r in range(3)] for c in range(3)])
print([v for row in m for v in row if v % 2 == 0])
