# Checks pass statement, Ellipsis literal and their repr.
def f():
    pass
class C:
    pass
print(f(), ..., Ellipsis is ..., type(...).__name__)
if True:
    pass
print(repr(C.__name__))
