# Checks inf and nan arithmetic and comparisons.
inf = float("inf")
nan = float("nan")
print(inf + 1, -inf, inf * 0, inf - inf, nan == nan, nan != nan, inf > 1e308)
print(1e308 * 10, -1e308 * 10, nan is nan, [nan] == [nan])
import math
print(math.isnan(nan), math.isinf(-inf), math.isfinite(1.0))
