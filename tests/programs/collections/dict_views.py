# Checks keys/values/items views: live updates, set operations, reversed, len.
d = {"a": 1, "b": 2}
k, v, i = d.keys(), d.values(), d.items()
d["c"] = 3
print(list(k), list(v), list(i), len(k))
print(k & {"a", "z"}, sorted(k | {"z"}), sorted(k - {"a"}), ("a", 1) in i)
print(list(reversed(d)), list(reversed(d.values())))
print(type(k).__name__, type(v).__name__, type(i).__name__)
print(k, v, i)
