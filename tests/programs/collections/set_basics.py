# Checks set operations (| & - ^), subset tests, add/discard/remove, and small-int iteration order.
a = {5, 3, 1, 4}
b = {4, 5, 6}
print(a, a | b, a & b, a - b, a ^ b)
print({1, 2} <= {1, 2, 3}, {1, 2} < {1, 2}, {1, 2, 3} >= {3}, a.isdisjoint({9}))
a.add(2); a.discard(100); a.remove(1)
print(a, len(a), 3 in a)
try:
    a.remove(100)
except KeyError as e:
    print("KeyError", e)
