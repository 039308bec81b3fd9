# Seed 5: sys.getrefcount sees the temporary argument reference: 2, 3 after aliasing, 2 after del.
import sys
x = []
print(sys.getrefcount(x))
y = x
print(sys.getrefcount(x))
del y
print(sys.getrefcount(x))
