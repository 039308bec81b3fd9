# Tuples keep their items in their own block: building (literals, BUILD_TUPLE from the stack,
# tuple(), pairs from dict items/enumerate), subclasses with attributes and __slots__, cycles
# through tuples collected by gc, and very long and empty tuples.
import gc

a, b, c = 1, "two", [3]
t = (a, b, c, (a, b), ())
print(t, len(t), t[2] is c, t[-1] == (), hash((1, "two")) == hash((a, b)))
print(tuple(range(5)), tuple("ñab"), tuple([x * x for x in range(4)]), tuple({"k": 1}))
print(list(enumerate("ab")), list({"x": 1, "y": 2}.items()), dict.popitem({"z": 0}))
big = tuple(range(100000))
print(len(big), big[-1], sum(big[::1000]), big[99990:])

def star(*args, **kw):
    return args, tuple(kw.items())
print(star(1, *big[:3], k=2))

class Point(tuple):
    __slots__ = ()
    def norm(self):
        return sum(x * x for x in self)

class Tagged(tuple):
    def __new__(cls, *items):
        return super().__new__(cls, items)

p = Point((3, 4))
g = Tagged("a", "b", "c")
g.label = "tag"
print(p, p.norm(), type(p[:1]).__name__, g, g.label, g.__dict__, len(g), g[1:], isinstance(g, tuple))

# A cycle through a tuple: the list holds the tuple that holds the list.
class Marker:
    def __del__(self):
        print("marker freed")

def make_cycle():
    l = [Marker()]
    tup = (l, "x" * 3)
    l.append(tup)

make_cycle()
print("collected", gc.collect() > 0)

# Tuples of freshly built objects free them when they go.
def tuples_free():
    for i in range(3):
        t = (Marker(),)
        del t
tuples_free()
x = ()
y = tuple()
print(x == y, len(x), () + (1,) + (), (1, 2) * 3, (1,) * 0)
