# Checks dis.dis output for a simple for loop accumulating a sum.
import dis
def total(n):
    s = 0
    for i in range(n):
        s += i
    return s
dis.dis(total)
