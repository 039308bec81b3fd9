# Checks str.format: auto/manual numbering, attributes, indexes, conversions, nested specs, escapes and errors.
class P:
    x = 3
    name = "pt"
print("{} {} {}".format(1, "a", None), "{1}{0}{1}".format("a", "b"), "{0.x} {0.name!r} {1[0]} {2[k]} {2[-1]}".format(P(), [7, 8], {"k": "v", "-1": 9}))
print("{0[-1]}".format({"-1": "neg"}), "{0[1][0]}".format([[1], [2]]), "{a.x:>4}|{b[1]:03d}".format(a=P, b=(0, 5)))
print("{{}} {{{0}}} }}{{".format(7), "{!r:>6}|{!s:^5}|{!a}".format("x", 1.5, "é"), "{0:{1}{2}}".format(3, 5, "d"), "{:{}}".format(3, 5))
print("{:{fill}{align}{width}.{prec}f}".format(3.14159, fill="*", align="^", width=10, prec=2), "{0:{1}}|{2}".format("a", 4, "b"))
print("{:,} {:_} {:+.2e} {:08.3f} {:x<5} {:%}".format(1234567, 1234567, 12345.678, -3.14159, 7, 0.25))
print("{0} {0!r} {0!s:>8}".format(b"hi"), "{}".format([1, "2"]), "{:}".format(12), "{0:}".format("s"), "{x}{y}".format(x=1, y=2, z=3))
class Fmt:
    def __format__(self, spec):
        return "<" + spec + ">"
class BadFmt:
    def __format__(self, spec):
        return 42
print("{:abc} {} {:{}}".format(Fmt(), Fmt(), Fmt(), "xy"), format(Fmt(), "q"), "{}".format(Fmt()))
tests = ["{} {1}", "{1} {}", "{1}", "{x}", "}", "{", "{0", "{0!}", "{0!x}", "{0!rr}", "{0.}", "{0[}", "{0[0]x}", "{:{:{}}}", "{0:{1:{2}}}", "{a{}", "{99999999999999999999}", "{!}", "{0[]}", "{:d}", "{0:.2f}"]
for t in tests:
    try:
        print(repr(t.format("s", 5, 6)))
    except Exception as e:
        print(repr(t), type(e).__name__, e)
for obj, spec in [(BadFmt(), ""), (None, "x"), ([], "s"), (object(), ">3")]:
    try:
        print(("{0:" + spec + "}").format(obj))
    except TypeError as e:
        print(type(e).__name__, e)
print("{0}-{0}".format(*["once"]), "{a}".format_map({"a": "mapped"}), "ab{}cd".format(""), "".format(1, 2))
