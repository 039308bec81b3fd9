"""Module doc."""
def f():
    "func doc"
    return 1
class C:
    """class doc"""
def g():
    pass
