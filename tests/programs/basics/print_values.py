# Checks print of several value kinds and the default separator.
print(1, 2.5, "s", None, True, False)
print()
print([1, "a"], (1,), {"k": 1}, {1})
