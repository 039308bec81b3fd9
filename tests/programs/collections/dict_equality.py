# Checks dict equality ignores order, and int/float keys compare equal.
print({"a": 1, "b": 2} == {"b": 2, "a": 1}, {1: "x"} == {1.0: "x"}, {1: [1]} == {1: [1]})
d = {1: "int"}
d[1.0] = "float"
d[True] = "bool"
print(d)
