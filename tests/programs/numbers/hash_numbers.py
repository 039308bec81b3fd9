# Checks numeric hashes: equal numbers hash equal across int/float/bool, and -1 maps to -2.
print(hash(1), hash(1.0), hash(True), hash(-1), hash(-2), hash(0.5), hash(2 ** 61 - 1), hash(2 ** 61))
print(hash(10 ** 30), hash(-(10 ** 30)), hash(1.5e300), hash(float("inf")))
