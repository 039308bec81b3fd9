# Checks bound vs unbound methods, __self__ and __func__, and method equality.
class C:
    def m(self, x):
        return (self.tag, x)
c = C()
c.tag = "c"
bm = c.m
print(bm(1), C.m(c, 2), bm.__self__ is c, bm.__func__ is C.m, c.m == c.m)
print(type(bm).__name__, type(C.m).__name__)
