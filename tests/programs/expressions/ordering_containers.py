# Checks lexicographic ordering of lists, tuples and strings.
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], (2,) > (1, 9, 9))
print("abc" < "abd", "Z" < "a", "" < "a", "ab" > "a")
print(max([(1, "b"), (1, "a"), (0, "z")]))
