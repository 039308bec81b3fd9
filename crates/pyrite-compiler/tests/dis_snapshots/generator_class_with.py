def g(a):
    try:
        yield a
    finally:
        pass
    x = not (a is b)
    yield from a
class C(B, metaclass=M):
    """doc"""
    def m(self):
        return super().m(__class__)
with a as b, c:
    pass
