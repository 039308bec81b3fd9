# Checks f-string interpolation, expressions, conversions !r !s !a, and = debugging.
name = "Ann"
n = 3
print(f"hi {name}, {n + 1} items, {name!r}, {name!s}, {'é'!a}")
print(f"{n=}, {name = }, {n * 2 = }")
print(f"{{literal}} {n}{n}")
d = {"k": "v"}
print(f"{d['k']} {[x for x in range(3)]}")
