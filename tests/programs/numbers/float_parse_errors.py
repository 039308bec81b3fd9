# Checks float() construction: strings with whitespace/underscores/inf/nan, dunders, subclasses, errors.
for s in [" 1.5 ", "1_000.000_1", "-iNfInItY", "+nan", ".5", "5.", "1e-3", "\t-0\n", "1E+3", "١٢.٥"]:
    print(repr(s), float(s))
for s in ["", " ", "abc", "1__0", "_1", "1_", "1_.5", "1e", "e5", "0x10", "inf inity", "1.5j", "--1"]:
    try:
        float(s)
    except ValueError as e:
        print(e)
class F:
    def __float__(self):
        return 2.5
class I:
    def __index__(self):
        return 7
class Bad:
    def __float__(self):
        return 1
print(float(F()), float(I()), float(True), float(-3), float(2 ** 63), float())
for args in [(Bad(),), ([],), (None,), (1, 2), (10 ** 400,)]:
    try:
        float(*args)
    except (TypeError, OverflowError) as e:
        print(type(e).__name__, e)
try:
    float(x=1)
except TypeError as e:
    print(e)
class MyFloat(float):
    pass
m = MyFloat("2.5")
print(type(m).__name__, m, m + 1, type(m + 1).__name__, float(m), type(float(m)).__name__)
print(float(b"  3.25 "), float(bytearray(b"-1e2")))
