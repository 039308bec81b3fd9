# Checks a module that imports another module, and both appear in sys.modules.
import sys
import helper_pkg_a
print(helper_pkg_a.total(), "helper_pkg_b" in sys.modules, "helper_pkg_a" in sys.modules)
print(helper_pkg_a.helper_pkg_b is sys.modules["helper_pkg_b"])
