# Checks set update methods and union/intersection with multiple arguments.
s = {1, 2, 3}
s.update([4], (5,)); print(s)
s.intersection_update({1, 2, 3, 4}); print(s)
s.difference_update({1}); print(s)
s.symmetric_difference_update({3, 9}); print(s)
print({1}.union([2], (3,)), {1, 2, 3}.intersection([2, 3], {3}), s.pop() in {2, 4, 9}, s.copy() == s)
