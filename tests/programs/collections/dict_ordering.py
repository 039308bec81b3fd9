# Checks that deletion and reinsertion moves a key to the end; update keeps position.
d = {}
for k in "hello world":
    d[k] = d.get(k, 0) + 1
print(d)
del d["l"]
d["l"] = 0
d["h"] = 100
print(list(d))
