# Checks slice() constructor forms and equality.
print(slice(3), slice(1, 2), slice(1, 2, 3), slice(1, 2) == slice(1, 2), "abcdef"[slice(None, None, 2)])
