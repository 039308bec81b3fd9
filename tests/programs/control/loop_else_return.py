# Checks returning from inside nested loops and from for/else.
def find(grid, target):
    for r, row in enumerate(grid):
        for c, v in enumerate(row):
            if v == target:
                return r, c
    else:
        return None
print(find([[1, 2], [3, 4]], 4), find([[1]], 9))
