# Checks __getattr__ is only called for missing attributes.
class Proxy:
    def __init__(self):
        self.real = "real value"
    def __getattr__(self, name):
        if name.startswith("x"):
            return f"synth {name}"
        raise AttributeError(f"no {name}")
p = Proxy()
print(p.real, p.xyz, getattr(p, "nope", "default"), hasattr(p, "x1"), hasattr(p, "q"))
