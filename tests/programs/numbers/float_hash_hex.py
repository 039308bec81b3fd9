# Checks float hashes (vs ints), hex()/fromhex(), as_integer_ratio() and is_integer() edge cases.
for x in [0.5, 1.5, -1.0, 0.1, 1e300, 1e-300, 2.0 ** 61, 2.0 ** 64, -(2.0 ** 62), 123456789.123, float("inf"), float("-inf")]:
    print(x, hash(x), hash(x) == hash(int(x)) if x.is_integer() else "-")
nan = float("nan")
print(hash(nan) == hash(nan), {nan: 1}[nan], hash(-0.0), hash(0.0))
for x in [1.0, 0.1, -2.5, 5e-324, 1.7976931348623157e308, -0.0, 0.0, float("inf"), float("nan"), 2.0 ** -1022]:
    print(x.hex(), float.fromhex(x.hex()) == x or x != x)
for s in ["0x1p-1074", "0x1.8p1", " -0X1.8P+1 ", "1.fffffffffffff7p1023", "0x.8p-1074", "0x.80001p-1074", "0x1.00000000000008p0", "0x1.00000000000018p0", "inf", "-Infinity", "0x10", "ap2", "0x1.p0"]:
    print(repr(s), float.fromhex(s))
for s in ["zz", "0x", "0x1p", "0x1.8p1x", "1.fffffffffffff8p1023", "0x1p10000", ""]:
    try:
        float.fromhex(s)
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)
print((0.75).as_integer_ratio(), (-8.0).as_integer_ratio(), (0.0).as_integer_ratio(), (1e20).as_integer_ratio(), (5e-324).as_integer_ratio()[0])
for v in [float("inf"), float("nan")]:
    try:
        v.as_integer_ratio()
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)
print((3.0).is_integer(), (3.5).is_integer(), float("inf").is_integer(), (1.5).conjugate(), (1.5).real, (1.5).imag)
