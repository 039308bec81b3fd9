# Keyword arguments of exception constructors: ImportError/NameError/AttributeError attributes, refusals elsewhere
e = ImportError('m', name='n', path='p'); print(e.name, e.path, e.name_from, e.args, str(e), e.msg)
e = ModuleNotFoundError(name='x'); print(e.name, e.args)
try: ModuleNotFoundError(x=1)
except TypeError as t: print(t)
try: ImportError(name=1, path=2, name_from=3, x=4)
except TypeError as t: print(t)
e = NameError('a', name='b'); print(e.name, e.args)
e = AttributeError('a', name='b', obj=3); print(e.name, e.obj)
try: AttributeError(x=1)
except TypeError as t: print(t)
class MyErr(ValueError): pass
try: MyErr(x=1)
except TypeError as t: print(t)
class Kw(Exception):
    def __init__(self, a, b=0):
        super().__init__(a)
        self.b = b
print(Kw(1, b=2).b, Kw(1, b=2).args)
e = AttributeError(); print(e.name, e.obj); print(NameError().name)
try: KeyError(x=1)
except TypeError as t: print(t)
