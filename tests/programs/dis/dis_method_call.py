# Checks dis.dis output for a method call on an argument.
import dis
def m(items, v):
    items.append(v)
dis.dis(m)
