# Checks augmented assignment operators on ints, strings and lists (in-place for lists).
x = 10
x += 5; print(x)
x -= 3; print(x)
x *= 2; print(x)
x //= 5; print(x)
x %= 3; print(x)
x **= 3; print(x)
x <<= 2; print(x)
x >>= 1; print(x)
x |= 1; x &= 7; x ^= 2; print(x)
s = "ab"; s += "cd"; print(s)
l = [1]; m = l; l += [2]; print(l, m, l is m)
t = (1,); u = t; t += (2,); print(t, u, t is u)
