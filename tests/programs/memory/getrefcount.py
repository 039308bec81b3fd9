# Checks sys.getrefcount reports 2 for a fresh list, 3 with an alias, 2 after del (seed 5).
import sys
x = []
print(sys.getrefcount(x))
y = x
print(sys.getrefcount(x))
del y
print(sys.getrefcount(x))
