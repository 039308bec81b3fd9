# Checks sys.modules membership for sys, builtins and __main__, and importing adds entries.
import sys
print("sys" in sys.modules, "builtins" in sys.modules, "__main__" in sys.modules)
print(sys.modules["__main__"].__name__, sys.modules["sys"] is sys)
import json
print("json" in sys.modules, sys.modules["json"] is json)
