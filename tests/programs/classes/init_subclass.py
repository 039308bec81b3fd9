# Checks __init_subclass__ hook registration with keyword arguments.
registry = []
class Plugin:
    def __init_subclass__(cls, name="anon", **kw):
        super().__init_subclass__(**kw)
        registry.append((cls.__name__, name))
class A(Plugin, name="alpha"):
    pass
class B(Plugin):
    pass
print(registry)
