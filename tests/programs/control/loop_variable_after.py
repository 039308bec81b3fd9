# Checks the loop variable keeps its last value after the loop and range mutation doesn't matter.
for i in range(5):
    pass
print(i)
items = [1, 2, 3]
for x in items:
    if x == 1:
        items.append(4)
print(items, x)
