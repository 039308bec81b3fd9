# Checks dis.dis output for `def f(x): return x + 1`.
import dis
def f(x):
    return x + 1
dis.dis(f)
