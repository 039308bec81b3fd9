# Checks str.count, str.translate/maketrans, and str.format_map.
t = str.maketrans("abc", "xyz", "d")
print("abcdabcd".translate(t))
print(str.maketrans({"a": "1"}) == {97: "1"})
print("{x}-{y}".format_map({"x": 1, "y": 2}))
