# Checks int.to_bytes/from_bytes edge cases and errors, and round(int, ndigits) with negative ndigits.
print((0).to_bytes(0, "big"), (0).to_bytes(), (255).to_bytes(), (256).to_bytes(3, "little"), (-129).to_bytes(2, "big", signed=True))
print((127).to_bytes(1, signed=True), (-128).to_bytes(1, "little", signed=True), (2 ** 64).to_bytes(9, "big"), (1).to_bytes(length=2, byteorder="little"))
for args, kw in [((1, "big"), {}), ((0, "big"), {}), ((-1,), {}), ((1, "middle"), {}), ((1, 1), {}), ((1, "big", True), {})]:
    for v in [256, -1, 128]:
        try:
            print(v, v.to_bytes(*args, **kw))
        except (OverflowError, ValueError, TypeError) as e:
            print(v, type(e).__name__, e)
print((128).to_bytes(1, "big", signed=False), (-1).to_bytes(1, "big", signed=True))
print(int.from_bytes(b""), int.from_bytes(b"\x00\x01"), int.from_bytes(b"\x00\x01", "little"), int.from_bytes(b"\xff", signed=True))
print(int.from_bytes([1, 2, 3], "big"), int.from_bytes(bytearray(b"\x80\x00"), "big", signed=True), int.from_bytes(b"\xff" * 10, "little"))
class MyInt(int):
    pass
print(type(MyInt.from_bytes(b"\x05", "big")).__name__, bool.from_bytes(b"\x01", "big"))
for bad in ["abc", [256], [1.5], 5]:
    try:
        int.from_bytes(bad, "big")
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
for v, n in [(1250, -2), (1350, -2), (-1250, -2), (-1251, -2), (15, -1), (25, -1), (5, -1), (123, -10), (10 ** 30 + 5 * 10 ** 14, -15), (7, 3), (7, 0)]:
    print(v, n, round(v, n))
print(round(7, None), type(round(True, 1)).__name__, round(5, -400), round(-10 ** 300, -301))
for bad in [1.5, "x"]:
    try:
        round(5, bad)
    except TypeError as e:
        print(e)
