# Checks bitwise and/or/xor/shift including negative numbers and big shifts.
print(12 & 10, 12 | 10, 12 ^ 10)
print(-12 & 10, -12 | 10, -12 ^ 10)
print(1 << 70, (1 << 70) >> 68, -1 >> 10, -16 >> 2)
print(True & False, True | False, True ^ True)
