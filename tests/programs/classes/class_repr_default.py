# Checks the default repr of classes (not instances), and type/class identity.
class C:
    pass
class D(C):
    pass
print(C, D, type(C), type(type), C.__bases__, object.__bases__)
print(repr(int), str(C) == repr(C))
