# bytes % args (PEP 461): conversions, flags, mappings and the error cases
def t(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

print(b"%s %r %a %c %c %5.2f %x %-4d| %b %%" % (b"x", b"y", "z\xe9", 65, b"q", 3.14159, 255, 7, bytearray(b"ba")))
print(b"%i %u %o %X %#x %#o %e %g %E %+d % d %05d" % (1, 2, 8, 255, 255, 8, 1.5, 2.5, 3.5, 4, 5, -6))
print(b"%5s|%-5s|%.1s|%.0s|" % (b"ab", b"cd", b"ef", b"gh"))
print(b"%*d|%-*d|%.*f|%*.*f" % (5, 3, 4, 2, 2, 1.23456, 8, 3, 2.5))
print(b"%(a)s and %(b)d" % {b"a": b"A", b"b": 2}, b"%(x)s %(x)r" % {b"x": b"1"})
print(b"%s" % memoryview(b"mv"), b"%s" % bytearray(b"ba"), b"%b" % b"bee", b"%r" % "x", b"%a" % "\u20ac")
print(b"%d %d" % (True, 2 ** 70), b"%x %o" % (-255, -8), b"%.3d|%5.3d" % (7, -7), b"%#X" % 3054)
print(b"%f %F %.0f %#.0f %g %G" % (1 / 3, float("inf"), 2.5, 2.0, 1e20, 1e-10))
print(b"%c%c%c" % (104, b"i", bytearray(b"!")), b"%-3c|" % 65, b"%3c|" % b"z")
print(b"abc" % (), b"abc" % {}, b"%%" % (), b"%s" % (b"tuple",), b"%s" % ((b"nested",),) if False else b"ok")
print(bytearray(b"%s-%s") % (b"a", b"b"), type(bytearray(b"%d") % 5).__name__)
print(b"%s" % 1.5 if False else b"%d" % 1.9, b"%i" % 3.99, b"%x" % 255)
class WithBytes:
    def __bytes__(self):
        return b"custom"
class WithIndex:
    def __index__(self):
        return 42
print(b"%s|%b" % (WithBytes(), WithBytes()), b"%x|%d" % (WithIndex(), WithIndex()))

t("str arg", lambda: b"%s" % "x")
t("int arg", lambda: b"%s" % 5)
t("list arg", lambda: b"%b" % [1])
t("c range", lambda: b"%c" % 256)
t("c neg", lambda: b"%c" % -1)
t("c long", lambda: b"%c" % b"ab")
t("c str", lambda: b"%c" % "a")
t("mapping str key", lambda: b"%(a)s" % {"a": b"1"})
t("mapping needed", lambda: b"%(a)s" % (1,))
t("too few", lambda: b"%d %d" % (1,))
t("too many", lambda: b"%d" % (1, 2))
t("not all", lambda: b"abc" % 5)
t("bad char", lambda: b"%y" % 1)
t("bad char high", lambda: b"%\xff" % 1)
t("incomplete", lambda: b"%" % ())
t("incomplete key", lambda: b"%(a" % {})
t("d str", lambda: b"%d" % "a")
t("x float", lambda: b"%x" % 1.5)
t("f str", lambda: b"%f" % "a")
t("star type", lambda: b"%*d" % ("a", 1))
t("rmod", lambda: 5 % b"x")
t("mixed mapping", lambda: b"%(a)s %s" % {b"a": 1})
