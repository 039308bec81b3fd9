# Checks int() from text (bases, prefixes, underscores, whitespace) and from objects, with errors.
for s, b in [("0x_1f", 0), ("0X1F", 16), ("1f", 16), ("0o17", 0), ("0b1_01", 2), ("z", 36), ("Z", 36), ("000", 0), ("0_0", 0), (" -42\n", 10), ("+7", 0), ("١٢٣", 10), ("1_000_000", 10), ("12345678901234567890123", 0)]:
    print(repr(s), b, int(s, b))
for s, b in [("010", 0), ("1__0", 10), ("_1", 10), ("1_", 10), ("0x", 16), ("0b2", 0), ("12", 2), ("", 10), ("-", 10), ("0_x1", 0), ("1.5", 10), ("abc", 10), ("0x1f", 10), ("9" * 250, 8)]:
    try:
        int(s, b)
    except ValueError as e:
        print(e)
for args in [("1", 1), ("1", 37), ("1", -1), (12, 10), (1.5, 10), ([], 2)]:
    try:
        int(*args)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
class Idx:
    def __index__(self):
        return 5
class Int:
    def __int__(self):
        return 9
class BadInt:
    def __int__(self):
        return "9"
print(int(Idx()), int(Int()), int(True), int(-2.9), int(1e20), int(b" 42 "), int(bytearray(b"-7")), int(b"ff", 16), int())
for x in [[], None, 1j, BadInt(), "4" * 4301]:
    try:
        int(x)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, str(e)[:120])
print(int("1" * 4300) % 1000, int("f" * 5000, 16) % 1000)
try:
    int(base=16)
except TypeError as e:
    print(e)
class MyInt(int):
    pass
print(type(MyInt("12", 8)).__name__, MyInt("12", 8), int(MyInt(3)) + 1)
