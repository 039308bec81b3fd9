# Checks character iteration with enumerate and lexicographic comparison by code point.
for i, c in enumerate("héj"):
    print(i, c, ord(c))
print("apple" < "banana", "Apple" < "apple", "a" * 3 == "aaa")
