# Checks repr of nested containers and self-referencing lists/dicts.
l = [1, [2, (3, {"k": {4}})]]
print(l)
r = [1]
r.append(r)
print(r)
d = {}
d["self"] = d
print(d)
