# Checks function attributes: __name__, __qualname__, __doc__, __defaults__, __kwdefaults__, custom attrs.
def f(a, b=1, *, c=2):
    "Doc."
    return a
class K:
    def m(self):
        def inner():
            pass
        return inner
print(f.__name__, f.__qualname__, f.__doc__, f.__defaults__, f.__kwdefaults__)
print(K.m.__qualname__, K().m().__qualname__)
f.tag = "custom"
print(f.tag, f.__code__.co_argcount, f.__code__.co_kwonlyargcount, f.__code__.co_varnames)
print(f.__module__, callable(f))
