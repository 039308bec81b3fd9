# Checks bytes(), bytearray() constructors and bytes of ints/strings.
print(bytes(), bytes(2), bytes([1, 255]), bytes("hé", "utf-8"), bytearray(b"x"), bytearray(2))
try:
    bytes([256])
except ValueError as e:
    print(e)
