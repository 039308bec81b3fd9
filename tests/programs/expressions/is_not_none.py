# Checks is/is not in conditions and comparisons that involve None.
vals = [None, 0, "", False]
print([v is None for v in vals])
print([v is not None for v in vals])
print([v == None for v in vals])
