# Checks global vs nonlocal vs local names with the same identifier.
x = "global"
def f():
    x = "enclosing"
    def g():
        global x
        x = "set by g"
    def h():
        nonlocal x
        x = "set by h"
    g()
    h()
    return x
print(f(), x)
