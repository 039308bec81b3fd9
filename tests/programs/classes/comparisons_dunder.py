# Checks rich comparison dunders, reflection of < to >, and functools.total_ordering.
import functools
@functools.total_ordering
class Ver:
    def __init__(self, *p):
        self.p = p
    def __eq__(self, o):
        return self.p == o.p
    def __lt__(self, o):
        return self.p < o.p
    def __repr__(self):
        return "Ver" + str(self.p)
a, b = Ver(1, 2), Ver(1, 10)
print(a < b, a <= b, a > b, a >= b, a == Ver(1, 2), a != b)
print(sorted([b, a, Ver(0, 9)]), max(a, b))
class G:
    def __gt__(self, o):
        print("G.__gt__")
        return True
print(1 < G())
