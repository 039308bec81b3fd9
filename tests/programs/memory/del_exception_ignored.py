# Checks an exception in __del__ goes to sys.unraisablehook instead of propagating.
import sys
def hook(u):
    print("unraisable:", type(u.exc_value).__name__, u.exc_value, u.object.__qualname__)
sys.unraisablehook = hook
class Bad:
    def __del__(self):
        raise ValueError("from __del__")
b = Bad()
del b
print("still running")
