# Checks an uncaught UnboundLocalError from reading a local before assignment (seed 2).
def f():
    print(x)
    x = 1
f()
