# `s += t` may grow an unshared str in place: aliases must never see the change.
def build(n):
    s = ""
    for i in range(n):
        s += chr(97 + i % 26)
    return s

print(build(30), len(build(1000)))

def aliases():
    s = "ab"
    keep = []
    for i in range(5):
        keep.append(s)
        s += str(i)
    t = s
    s += "!"
    return s, t, keep

print(aliases())

def self_append():
    s = "xy"
    for _ in range(3):
        s += s
    return s

print(self_append())

def in_list():
    words = ["a", "b"]
    s = words[0]
    for w in words:
        s += w
    return s, words

print(in_list())
d = {}
for i in range(3):
    k = "key"
    k += str(i)
    d[k] = i
print(d, hash("key1") == hash([k for k in d][1]))
s = "é"
for _ in range(3):
    s += "ü"
print(s, len(s), s[3], s.upper())

# %-formatting of ints, strs and floats with flags, widths and precision.
for v in (0, 7, -7, 255, -255, 2**70, -2**70):
    print("[%d|%5d|%-5d|%05d|%+d|% d|%x|%#x|%X|%#o|%.3d]" % (v, v, v, v, v, v, v, v, v, v, v))
for s in ("", "ab", "héllo"):
    print("[%s|%6s|%-6s|%.2s|%r|%a]" % (s, s, s, s, s, s))
print("%s %s %s" % (1, [1, "x"], None), "%c%c" % (65, "z"), "%%d" % ())
print("%5.1f|%-8.3e|%g|%+.2f|%06.2f" % (3.14159, 12345.678, 0.0001, 2.5, -1.5))
print("%(a)s-%(b)05d" % {"a": "x", "b": 42})
class S(str):
    def __str__(self):
        return "custom"
print("%s|%5s" % (S("plain"), S("p")))
for bad in ("%d" % (1,) if False else None,):
    pass
try:
    "%d" % "x"
except TypeError as e:
    print("TypeError", e)
try:
    "%s %s" % ("one",)
except TypeError as e:
    print("TypeError", e)
