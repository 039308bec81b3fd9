# Checks dis shows constants with Python reprs (floats, frozenset order from set membership tests).
import dis
dis.dis("x = 1e16; y = 0.1; z = 1.5e-7; w = a in {3, 1, 2, 10, 7}; v = -0.0; u = 1e300*10")
