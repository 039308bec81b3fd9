# Checks float(str(x)) round trips and int(str(n)) round trips.
import math
vals = [0.1, 1/3, 1e-300, 12345.6789, 2.0 ** -1074, math.pi]
print(all(float(repr(v)) == v for v in vals))
print(all(int(str(n)) == n for n in [0, -1, 2 ** 200, -(3 ** 99)]))
