# Checks dis.dis output for a global read.
import dis
LIMIT = 10
def get():
    return LIMIT
dis.dis(get)
