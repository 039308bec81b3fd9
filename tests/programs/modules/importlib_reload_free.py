# Checks __import__ and importlib.import_module return the same cached module.
import importlib
m1 = __import__("helper_mod")
m2 = importlib.import_module("helper_mod")
print(m1 is m2, m1.VALUE)
