a, *b, c = range(10)
(d, e), f = g
[h, i] = j
k = l = m
x, y = y, x
p, q, r = r, p, q
