# Checks cycles survive while gc is disabled and are freed by an explicit collect.
import gc
import weakref
class C:
    pass
gc.disable()
a = C()
a.self = a
r = weakref.ref(a)
del a
print(r() is not None)
gc.collect()
print(r() is None)
gc.enable()
