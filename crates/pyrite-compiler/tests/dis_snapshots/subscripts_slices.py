a = b[1]
c = b[1:2]
d = b[::2]
e = b[1:2, 3]
b[0] = 1
b[1:3] = c
del b[0], b[1:2]
del x, y.z
