# Checks dict and set comprehensions including duplicate keys (last wins).
print({k: v for k, v in [("a", 1), ("b", 2), ("a", 3)]})
print({x % 4 for x in range(10)})
print({i: {j for j in range(i)} for i in range(3)})
