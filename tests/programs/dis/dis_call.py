# Checks dis.dis output for a call of a global function with two arguments.
import dis
def call(a, b):
    return max(a, b)
dis.dis(call)
