# Checks freeing 1,000,000 nested tuples does not overflow the native stack.
t = ()
for i in range(1000000):
    t = (i, t)
print(t[0], t[1][0])
del t
print("freed")
