# Checks tuple indexing, count, index, concatenation, hashing equality and nesting.
t = (1, 2, 2, (3, 4))
print(t[3][1], t.count(2), t.index(2), t + (5,), t * 2)
print(tuple([1, 2]), tuple("ab"), () == tuple(), (1, 2) < (1, 3))
print(hash((1, 2)) == hash((1, 2)), {(1, 2): "pair"}[(1, 2)])
