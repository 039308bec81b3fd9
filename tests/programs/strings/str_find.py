# Checks find/rfind/index/count/startswith/endswith including tuples and ranges.
s = "abracadabra"
print(s.find("bra"), s.rfind("bra"), s.find("zz"), s.find("a", 1), s.find("a", 1, 3))
print(s.index("cad"), s.count("a"), s.count("bra"), s.count(""))
print(s.startswith("abr"), s.endswith(("x", "bra")), s.startswith("bra", 1))
try:
    s.index("zz")
except ValueError as e:
    print(e)
