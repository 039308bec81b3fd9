# Checks plain, chained, tuple-unpacking and swap assignment.
a = 1
b = c = 2
d, e = 3, 4
print(a, b, c, d, e)
d, e = e, d
print(d, e)
(f, g), h = (5, 6), 7
print(f, g, h)
