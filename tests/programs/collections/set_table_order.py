# set iteration order follows CPython's table: probing, dummies, resizes, pop's finger
s = set(range(20))
for i in range(0, 20, 3):
    s.discard(i)
print(s)
s.update(range(100, 140))
print(s)
print(s.pop(), s.pop(), len(s))
print({x * 7 for x in range(20)})
print(set(range(100, 0, -7)))
print({-1, -2, 2**61, 2**70, 100, 7, 15, 8})
print({(1, 2), (3, 4), (5, 6), (0, 0)})
a = {1, 2, 3, 40, 50}
b = {3, 4, 50, 60}
print(a | b, a & b, a - b, a ^ b)
print(b | a, b & a, b - a, b ^ a)
print(a.union([9, 8], (7,)), a.intersection(range(10)), a.difference([1], [2]))
print(a.symmetric_difference([1, 99]))
c = set(a)
c &= {1, 50, 7}
print(c)
c |= set(range(8))
print(c)
c -= {0, 1}
print(c)
c ^= {2, 100}
print(c)
print(hash(frozenset()), hash(frozenset({1, 2, 3})), hash(frozenset(range(10))))
print(frozenset({3, 1}) == {1, 3}, {1, 2} < {1, 2, 3}, {1, 2} <= {1, 2}, {1} > set())
