# Checks getattr/setattr/hasattr/delattr, including defaults and errors.
class C:
    a = 1
c = C()
setattr(c, "b", 2)
print(getattr(c, "a"), getattr(c, "b"), getattr(c, "zz", "dflt"), hasattr(c, "b"), hasattr(c, "zz"))
delattr(c, "b")
print(hasattr(c, "b"))
try:
    getattr(c, "zz")
except AttributeError as e:
    print(e)
try:
    delattr(c, "b")
except AttributeError as e:
    print(e)
