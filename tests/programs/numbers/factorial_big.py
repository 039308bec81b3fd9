# Checks a large factorial computed by loop and its digit count.
f = 1
for i in range(1, 51):
    f *= i
print(f)
print(len(str(f)), sum(int(c) for c in str(f)))
