# Checks true division always yields float and floor division of mixed types.
print(7 / 2, 8 / 2, -7 / 2, 1 / 3)
print(7 // 2, -7 // 2, 7.0 // 2, -7.5 // 2)
print(type(4 / 2).__name__, type(4 // 2).__name__)
