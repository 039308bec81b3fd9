# Checks an uncaught TypeError for an unhashable dict key.
d = {}
d[[1, 2]] = 3
