# Checks dis.dis output for local stores, a constant tuple and a comparison.
import dis
def g(a):
    b = (1, 2)
    c = a == b
    return c
dis.dis(g)
