# Checks dis.dis output for a while loop with an if/else branch.
import dis
def count(n):
    i = 0
    while i < n:
        if i % 2:
            i += 1
        else:
            i += 2
    return i
dis.dis(count)
