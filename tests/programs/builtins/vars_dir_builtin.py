# Checks vars() of an instance and dir() of a user class filtered to non-dunder names.
class Base:
    base_attr = 0
    def base_method(self):
        pass
class C(Base):
    z = 1
    def method(self):
        pass
    @property
    def prop(self):
        return 1
c = C()
c.inst = 5
print(vars(c), [n for n in dir(C) if not n.startswith("__")])
print([n for n in dir(c) if not n.startswith("__")])
print(sorted(k for k in vars(C) if not k.startswith("__")))
