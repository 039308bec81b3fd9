# Checks list methods: append, extend, insert, pop, remove, index, count, reverse, clear, copy.
l = [3, 1, 2]
l.append(4); l.extend([5, 6]); l.insert(0, 0); l.insert(-1, 9); l.insert(100, 7)
print(l)
print(l.pop(), l.pop(0), l.pop(-2), l)
l.remove(6); print(l, l.index(2), l.count(1))
m = l.copy(); l.reverse(); print(l, m)
l.clear(); print(l, m)
