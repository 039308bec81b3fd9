# memoryview error cases: construction, item/slice assignment, formats, hashing, released views
def t(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

def setit(o, k, v):
    o[k] = v

def delit(o, k):
    del o[k]

t("no arg", lambda: memoryview())
t("list", lambda: memoryview([1, 2]))
t("str", lambda: memoryview("abc"))
t("int", lambda: memoryview(5))
m = memoryview(b"abcd")
w = memoryview(bytearray(b"abcd"))
t("index str", lambda: m["a"])
t("index float", lambda: m[1.5])
t("index range", lambda: m[10])
t("index neg range", lambda: m[-5])
t("index tuple", lambda: m[(0,)])
t("index big", lambda: m[2 ** 100])
t("ro setitem", lambda: setit(m, 0, 1))
t("delitem", lambda: delit(w, 0))
t("delslice", lambda: delit(w, slice(0, 2)))
t("set range", lambda: setit(w, 0, 256))
t("set neg", lambda: setit(w, 0, -1))
t("set type", lambda: setit(w, 0, b"a"))
t("set float", lambda: setit(w, 0, 1.0))
t("set index range", lambda: setit(w, 9, 1))
t("slice size", lambda: setit(w, slice(0, 2), b"xyz"))
t("slice type", lambda: setit(w, slice(0, 2), [1, 2]))
t("slice fmt", lambda: setit(w, slice(0, 2), memoryview(b"ab").cast("c")))
t("slice step size", lambda: setit(w, slice(None, None, 2), b"xyz"))
t("bad key", lambda: setit(w, "a", 1))
t("ellipsis 1d", lambda: w[...])
c = memoryview(bytearray(4)).cast("c")
t("c ok", lambda: (setit(c, 0, b"z"), c[0])[1])
t("c int", lambda: setit(c, 0, 1))
t("c long", lambda: setit(c, 0, b"zz"))
h = memoryview(bytearray(4)).cast("h")
t("h range", lambda: setit(h, 0, 40000))
t("h ok", lambda: (setit(h, 0, -32768), h[0])[1])
t("h type", lambda: setit(h, 0, "1"))
H = memoryview(bytearray(4)).cast("H")
t("H neg", lambda: setit(H, 0, -1))
q = memoryview(bytearray(8)).cast("q")
t("q big", lambda: setit(q, 0, 2 ** 63))
Q = memoryview(bytearray(8)).cast("Q")
t("Q ok", lambda: (setit(Q, 0, 2 ** 64 - 1), Q[0])[1])
d = memoryview(bytearray(8)).cast("d")
t("d str", lambda: setit(d, 0, "x"))
t("d int", lambda: (setit(d, 0, 3), d[0])[1])
f = memoryview(bytearray(4)).cast("f")
t("f overflow", lambda: setit(f, 0, 1e300))
b = memoryview(bytearray(2)).cast("?")
t("bool", lambda: (setit(b, 0, [1]), setit(b, 1, ""), b.tolist())[2])

t("hash writable", lambda: hash(w))
t("hash fmt", lambda: hash(m.cast("h")))
t("hash ro of bytearray", lambda: hash(w.toreadonly()))
t("hash ok", lambda: hash(m) == hash(b"abcd"))
t("hash c", lambda: hash(m.cast("c")) == hash(b"abcd"))
t("order", lambda: m < m)
t("order2", lambda: m > b"a")
t("tobytes order", lambda: m.tobytes("Z"))
t("tobytes order type", lambda: m.tobytes(5))
t("hex sep", lambda: m.hex("::"))
t("hex sep type", lambda: m.hex(5))
t("hex sep ascii", lambda: m.hex("\xe9"))
t("tolist args", lambda: m.tolist(1))
t("release args", lambda: m.release(1))

r = memoryview(b"xyz")
r.release()
r.release()
for name, f in [
    ("tobytes", lambda: r.tobytes()),
    ("tolist", lambda: r.tolist()),
    ("hex", lambda: r.hex()),
    ("cast", lambda: r.cast("B")),
    ("toreadonly", lambda: r.toreadonly()),
    ("len", lambda: len(r)),
    ("getitem", lambda: r[0]),
    ("slice", lambda: r[0:1]),
    ("setitem", lambda: setit(r, 0, 1)),
    ("hash", lambda: hash(r)),
    ("nbytes", lambda: r.nbytes),
    ("shape", lambda: r.shape),
    ("readonly", lambda: r.readonly),
    ("enter", lambda: r.__enter__()),
    ("memoryview", lambda: memoryview(r)),
    ("bytes", lambda: bytes(r)),
    ("concat", lambda: b"a" + r),
    ("eq", lambda: r == b"xyz"),
]:
    t(name, f)
live = memoryview(b"abc")
it = iter(live)
print(next(it))
live.release()
t("iter after release", lambda: next(it))
t("sub", lambda: memoryview(b"ab") + b"c")
gone = memoryview(bytearray(b"ab"))
gone.release()
print(bytearray(b"ab") == gone, gone == bytearray(b"ab"), gone != b"ab", gone == gone)
