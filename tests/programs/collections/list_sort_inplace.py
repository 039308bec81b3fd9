# Checks list.sort returns None and sorts in place; sorted returns a new list.
a = [5, 2, 9, 1]
r = a.sort()
print(r, a)
b = sorted(a, reverse=True)
print(a, b, b is a)
