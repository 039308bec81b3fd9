# Checks that comments are ignored and a module docstring sets __doc__.
"""Module docstring."""
# a comment
x = 1  # trailing comment
print(__doc__)
def f():
    "function doc"
    return x
print(f.__doc__, f())
