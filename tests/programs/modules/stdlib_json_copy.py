# Checks json.dumps/loads round trips and errors, and copy.copy/deepcopy with custom hooks.
import json, copy
data = {"name": "Ann", "age": 30, "tags": ["a", "b"], "ok": True, "none": None, "pi": 3.14, "nested": {"k": [1, {"z": 0}]}}
s = json.dumps(data)
print(s)
print(json.loads(s) == data, json.dumps(data, sort_keys=True, indent=2))
print(json.dumps([1, 2], separators=(",", ":")), json.dumps("héllo\n\"q\""), json.dumps("héllo", ensure_ascii=False), json.dumps({1: 2, True: 3, None: 4}))
print(json.dumps(float("inf")), json.dumps([]), json.dumps({}), json.dumps((1, 2)), json.dumps(1e100), json.dumps(10**20))
print(json.loads('[1, 2.5, -3e2, "x\\u00e9\\n", true, false, null, {"a": {}}]'), json.loads("  7 "), json.loads('"\\ud83d\\ude00"') == "\U0001F600")
for bad in ['{"a" 1}', "[1, 2", "", "[1,]", '{"a": 1} x', "nul", "'x'"]:
    try:
        json.loads(bad)
    except json.JSONDecodeError as e:
        print("JSONDecodeError", e, e.pos)
try:
    json.dumps({1, 2})
except TypeError as e:
    print("TypeError", e)
print(json.dumps({1, 2}, default=sorted), json.loads('{"a": 1}', object_hook=lambda d: sorted(d.items())), json.loads("1.5", parse_float=str))
lst = [1]; lst.append(lst)
try:
    json.dumps(lst)
except ValueError as e:
    print("ValueError", e)
class P:
    def __init__(self, v):
        self.v = v
        self.items = [v]
a = P([1, 2])
b = copy.copy(a); c = copy.deepcopy(a)
print(b.v is a.v, c.v is a.v, c.v == a.v, c.items[0] is c.v, type(c).__name__)
class Hooked:
    def __init__(self, n):
        self.n = n
    def __copy__(self):
        return Hooked(self.n + 100)
    def __deepcopy__(self, memo):
        return Hooked(self.n + 1000)
print(copy.copy(Hooked(1)).n, copy.deepcopy(Hooked(1)).n, copy.deepcopy([Hooked(2)])[0].n)
shared = [1]
tree = {"a": shared, "b": shared, "t": (shared, 2)}
t2 = copy.deepcopy(tree)
print(t2["a"] is t2["b"], t2["a"] is shared, t2["t"][0] is t2["a"], copy.deepcopy((1, "x")) == (1, "x"))
cyc = [1]; cyc.append(cyc)
cc = copy.deepcopy(cyc); print(cc[1] is cc, cc[0])
class Slotted:
    __slots__ = ("a", "b")
    def __init__(self):
        self.a = [1]; self.b = 2
sl = copy.deepcopy(Slotted()); print(sl.a, sl.b)
print(copy.copy({1: [2]}), copy.copy({3}), copy.copy(5), copy.deepcopy(set([1, 2])))
