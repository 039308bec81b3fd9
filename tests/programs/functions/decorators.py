# Checks function decorators: plain, with arguments, stacking order and functools.wraps.
import functools
def trace(fn):
    @functools.wraps(fn)
    def wrapper(*a):
        print("call", fn.__name__, a)
        return fn(*a)
    return wrapper
def times(n):
    def deco(fn):
        def wrapper(*a):
            return [fn(*a) for _ in range(n)]
        return wrapper
    return deco
@trace
@times(2)
def sq(x):
    return x * x
print(sq(3), sq.__name__)
@trace
def named():
    "doc"
print(named.__name__, named.__doc__)
