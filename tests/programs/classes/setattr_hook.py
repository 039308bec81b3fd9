# Checks __setattr__ and __delattr__ hooks and object.__setattr__ delegation.
class Frozen:
    def __init__(self, x):
        object.__setattr__(self, "x", x)
    def __setattr__(self, name, value):
        raise AttributeError(f"cannot set {name}")
    def __delattr__(self, name):
        print("delattr", name)
f = Frozen(3)
print(f.x)
try:
    f.x = 4
except AttributeError as e:
    print(e)
del f.x
print(f.x)
class Rec:
    def __setattr__(self, name, value):
        print("set", name, value)
        super().__setattr__(name, value * 2)
r = Rec()
r.v = 5
print(r.v)
