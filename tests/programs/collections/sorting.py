# Checks sorted/list.sort with key, reverse and stability of equal keys.
words = ["banana", "Apple", "cherry", "apple", "Banana", "date"]
print(sorted(words))
print(sorted(words, key=str.lower))
print(sorted(words, key=len, reverse=True))
pairs = [(1, "b"), (0, "a"), (1, "a"), (0, "b")]
pairs.sort(key=lambda p: p[0])
print(pairs)
pairs.sort(key=lambda p: p[0], reverse=True)
print(pairs)
print(sorted([3, 1, 2], reverse=True), sorted("cba"), sorted({3: 0, 1: 0}))
