# Checks a simple metaclass that modifies the class namespace and type() with three args.
class Upper(type):
    def __new__(mcs, name, bases, ns):
        ns = {k.upper() if not k.startswith("__") else k: v for k, v in ns.items()}
        return super().__new__(mcs, name, bases, ns)
class C(metaclass=Upper):
    greeting = "hi"
print(C.GREETING, hasattr(C, "greeting"), type(C).__name__)
D = type("D", (object,), {"v": 5, "m": lambda self: self.v * 2})
print(D.__name__, D().m(), D.__bases__)
