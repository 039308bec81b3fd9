# Checks the property() and staticmethod()/classmethod() builtins used as functions.
class C:
    def _get(self):
        return "got"
    p = property(_get, doc="a property")
    s = staticmethod(lambda: "static")
    c = classmethod(lambda cls: cls.__name__)
print(C().p, C.p.__doc__, C.s(), C.c(), C().c())
