# Checks *args and **kwargs collection and forwarding.
def f(*args, **kwargs):
    return args, kwargs
print(f(), f(1, 2), f(a=1), f(1, b=2))
def wrapper(*a, **k):
    return f(*a, **k)
print(wrapper(1, 2, x=3))
def g(a, b, c):
    return a + b + c
print(g(*[1, 2], **{"c": 3}), g(**{"a": "x", "b": "y", "c": "z"}))
