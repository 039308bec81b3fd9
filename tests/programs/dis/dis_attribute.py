# Checks dis.dis output for an attribute read.
import dis
def getx(p):
    return p.x
dis.dis(getx)
