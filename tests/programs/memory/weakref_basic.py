# Checks weakref.ref goes dead when the referent is freed and callbacks run.
import weakref
class T:
    pass
t = T()
r = weakref.ref(t, lambda ref: print("callback, dead:", ref() is None))
print(r() is t)
del t
print(r())
