# Checks shallow vs deep copy with the copy module.
import copy
a = [[1, 2], [3]]
s = copy.copy(a)
d = copy.deepcopy(a)
a[0].append(99)
print(s, d, s[0] is a[0], d[0] is a[0])
print(list(a) == a, a[:] is a, dict(x=[1]).copy())
