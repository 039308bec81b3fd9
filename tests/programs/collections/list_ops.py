# Checks list concatenation, repetition, comparison, nested aliasing with *.
a = [1, 2]
print(a + [3], a * 2, [0] * 3, [] * 5)
grid = [[0] * 2] * 2
grid[0][0] = 1
print(grid)
grid = [[0] * 2 for _ in range(2)]
grid[0][0] = 1
print(grid)
print([1, [2, [3]]], len([[], []]))
