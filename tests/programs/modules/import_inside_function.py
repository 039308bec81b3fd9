# Checks imports inside functions bind locally and reuse the cached module.
def f():
    import helper_mod
    return helper_mod.VALUE
print(f(), "helper_mod" in globals())
import sys
print(sys.modules["helper_mod"].VALUE)
