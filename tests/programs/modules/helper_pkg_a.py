# Helper module: imports helper_pkg_b to check modules importing modules.
import helper_pkg_b
def total():
    return helper_pkg_b.base() + 1
