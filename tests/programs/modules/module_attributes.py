# Checks module object attributes: __name__, __dict__ membership, setattr on modules, dir.
import helper_mod
helper_mod.added = "new"
print(helper_mod.added, "greet" in vars(helper_mod), "_private" in dir(helper_mod))
print(sorted(n for n in dir(helper_mod) if not n.startswith("__")))
