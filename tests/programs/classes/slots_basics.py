# Checks __slots__ restricts attributes, has no __dict__, and slot descriptors exist on the class.
class P:
    __slots__ = ("x", "y")
    def __init__(self, x):
        self.x = x
p = P(1)
p.y = 2
print(p.x, p.y, hasattr(p, "__dict__"), type(P.x).__name__)
try:
    p.z = 3
except AttributeError as e:
    print(e)
q = P(5)
try:
    q.y
except AttributeError as e:
    print(e)
