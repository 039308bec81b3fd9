# Checks references held by containers and attributes count toward getrefcount.
import sys
class Box:
    pass
x = object()
base = sys.getrefcount(x)
l = [x, x]
b = Box()
b.item = x
print(sys.getrefcount(x) - base)
del l
b.item = None
print(sys.getrefcount(x) - base)
