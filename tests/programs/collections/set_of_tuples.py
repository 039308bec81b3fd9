# Checks sets of tuples for dedup, and membership of mixed-type tuples (printed sorted).
pts = {(1, 2), (2, 1), (1, 2), (0, 0)}
print(len(pts), sorted(pts), (2, 1) in pts)
print(sorted({(i % 3, i % 2) for i in range(10)}))
