# Checks more of collections: namedtuple details, deque operations, Counter arithmetic, OrderedDict, defaultdict, ChainMap.
from collections import namedtuple, deque, Counter, OrderedDict, defaultdict, ChainMap
Point = namedtuple("Point", ["x", "y"], defaults=[0])
p = Point(3)
print(p, p._fields, p._field_defaults, Point._make([1, 2]), p._asdict(), p == (3, 0), isinstance(p, tuple))
x, y = Point(5, 6); print(x, y, Point(1, 2)[1], Point.__doc__, Point(x=1, y=2).y)
for bad in [lambda: namedtuple("T", "a a"), lambda: namedtuple("T", "a _b"), lambda: namedtuple("T", "a class"), lambda: namedtuple("1T", "a"), lambda: Point(1)._replace(z=3)]:
    try:
        bad()
    except ValueError as e:
        print("ValueError", e)
for bad in [lambda: Point(), lambda: Point(1, 2, 3)]:
    try:
        bad()
    except TypeError as e:
        print("TypeError", e)
print(namedtuple("R", "a b c", rename=True)._fields, namedtuple("S", "a def _c", rename=True)._fields)
d = deque("abc")
d.rotate(1); print(d); d.rotate(-2); print(d)
d.extendleft("xy"); print(d, len(d), d[0], d[-1], "a" in d, d.count("a"), d.index("b"))
d.remove("x"); d.reverse(); print(d, list(reversed(d)))
d.insert(1, "Q"); del d[0]; print(d, d.maxlen, deque([1, 2]) == deque([1, 2]), deque([1]) < deque([2]))
d.clear(); print(d, bool(d))
try:
    d.pop()
except IndexError as e:
    print("IndexError", e)
m = deque(range(5), maxlen=3); m.extend([7, 8]); print(m, m.maxlen); m.appendleft(-1); print(m)
c = Counter(a=3, b=1); e = Counter(a=1, b=2, c=5)
print(c + e, c - e, c | e, c & e, -Counter(a=-2, b=1), +Counter(a=1, b=0))
c.update("aab"); c.subtract({"b": 5}); print(c, c.total(), sorted(c.elements()), Counter("hello").most_common(2))
print(Counter({"x": 1}) == Counter(x=1), Counter(), Counter("aa")["zz"], list(Counter("cab")))
o = OrderedDict.fromkeys("abc"); o.move_to_end("a"); o.move_to_end("c", last=False)
print(o, o.popitem(), o.popitem(last=False), o, OrderedDict(a=1) == OrderedDict(a=1), OrderedDict(a=1, b=2) == OrderedDict(b=2, a=1))
dd = defaultdict(int)
for ch in "mississippi":
    dd[ch] += 1
print(dd, dd.default_factory, sorted(dd.items()), defaultdict(list, {"k": [1]})["k"])
try:
    defaultdict(None)["missing"]
except KeyError as e:
    print("KeyError", e)
cm = ChainMap({"a": 1}, {"a": 2, "b": 3})
print(cm["a"], cm["b"], len(cm), sorted(cm), cm.new_child({"z": 0})["z"], cm.parents)
cm["c"] = 4; print(cm.maps[0])
