# Helper module imported by helper_pkg_a.
def base():
    return 100
