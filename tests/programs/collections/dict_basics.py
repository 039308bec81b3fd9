# Checks dict insertion order, update, get, setdefault, pop, popitem, in and len.
d = {"b": 1, "a": 2}
d["c"] = 3
d["b"] = 10
print(d, len(d), "a" in d, d.get("z"), d.get("z", 0))
print(d.setdefault("e", 5), d.setdefault("a", 99), d)
print(d.pop("a"), d.pop("zz", "dflt"), d.popitem(), d)
d.update({"x": 1}, y=2); d.update([("z", 3)])
print(d)
