# Checks min/max tie-breaking returns the first maximal element.
pairs = [("a", 2), ("b", 3), ("c", 3), ("d", 1)]
print(max(pairs, key=lambda p: p[1]), min(pairs, key=lambda p: -p[1]), min(pairs, key=lambda p: p[1]))
