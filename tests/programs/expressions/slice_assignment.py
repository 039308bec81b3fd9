# Checks list slice assignment that grows, shrinks and extended-slice assignment.
l = [0, 1, 2, 3, 4, 5]
l[1:3] = ["a", "b", "c", "d"]
print(l)
l[2:5] = []
print(l)
l[::2] = [9, 9, 9]
print(l)
l[:0] = [-1]
print(l)
l[len(l):] = [100]
print(l)
