# Checks unbounded recursion raises an uncaught RecursionError (traceback repeats are collapsed).
def forever(n):
    return forever(n + 1)
forever(0)
