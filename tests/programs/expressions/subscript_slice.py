# Checks indexing and slicing with negative indices, steps and out-of-range bounds.
s = "abcdefgh"
l = list(range(10))
print(s[0], s[-1], s[2:5], s[:3], s[5:], s[::2], s[::-1], s[-3:-1])
print(l[1:8:3], l[8:1:-2], l[100:], l[-100:2], l[::-3])
print(s[slice(1, 4)], l[slice(None, None, -4)])
