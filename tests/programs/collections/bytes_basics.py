# Checks bytes and bytearray: indexing returns ints, slicing, methods, mutation of bytearray.
b = b"hello"
print(b[0], b[1:3], b.upper(), b.split(b"l"), b.hex(), bytes.fromhex("6869"))
ba = bytearray(b"abc")
ba[0] = 65
ba.append(100)
print(ba, len(ba), bytes(ba), list(b"\x01\x02"), bytes(3), bytes([65, 66]))
