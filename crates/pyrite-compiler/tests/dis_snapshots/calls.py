import os
os.getcwd()
def f(a, *b, c=1, **d): pass
x = [1, 2, 3]
y = {1, 2, 3}
z = x in [1, 2]
a, b = b, a
f(*x, **y)
print(f"{x!r:>10} {y}")
f(1, k=2)
o.m(1, 2, k=3)
