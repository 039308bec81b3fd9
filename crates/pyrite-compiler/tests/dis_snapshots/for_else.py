for x in range(3):
    if x:
        continue
    print(x)
else:
    pass
for y in [1, 2, 3]:
    print(y)
