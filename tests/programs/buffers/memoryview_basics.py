# memoryview construction, attributes, indexing, slicing, tolist/tobytes/hex, release, iteration
def t(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

b = b"abcdefgh"
m = memoryview(b)
print(m.obj is b, m.nbytes, m.readonly, m.itemsize, m.format, m.ndim)
print(m.shape, m.strides, m.suboffsets, m.c_contiguous, m.f_contiguous, m.contiguous)
print(len(m), m[0], m[-1], m[2:5].tobytes(), m[::2].tolist(), m[::-1].tobytes())
print(m[1:7:3].tobytes(), m[1:7:3].strides, m[1:7:3].c_contiguous, m[::-2].shape)
print(m[10:].tobytes(), len(m[5:2]), m[:].obj is b)
print(m.tolist(), m.tobytes(), m.hex(), m.hex(":"), m.hex("-", 3), m.hex(b".", -3), m.hex(sep="_", bytes_per_sep=2))
print(list(m[:3]), [x for x in m[::3]], 100 in m, 42 in m)
print(bytes(m[2:4]), bytearray(m[::4]), b"xy" + m[:2], bytearray(b"z") + m[6:])
print(m == b, m == b"abcdefgh", m != b"abc", m[::2] == b"aceg", b"abcdefgh" == m)
print(m == bytearray(b), m == memoryview(b), m[:0] == b"", m == "abcdefgh", m == [97])
t("repr", lambda: repr(m).startswith("<memory at 0x"))
print(hash(m) == hash(b), hash(m[::2]) == hash(b"aceg"))

ba = bytearray(b"hello world")
mb = memoryview(ba)
print(mb.readonly, mb.obj is ba, mb.tobytes())
mb[0] = ord("J")
mb[-1] = 68
mb[6:11] = b"WORLD"
mb[1:5:2] = b"EL"
print(ba, mb.tolist()[:3])
mb[:2] = bytearray(b"YY")
mb[2:4] = memoryview(b"zz")
print(ba)
ro = mb.toreadonly()
print(ro.readonly, ro.tobytes(), ro.obj is ba)
t("ro assign", lambda: ro.__setitem__(0, 1))

with memoryview(b"ctx") as cm:
    print(cm.tobytes())
print(repr(cm).startswith("<released memory at 0x"))
t("released", lambda: cm.tobytes())
t("released len", lambda: len(cm))
t("released getitem", lambda: cm[0])
t("released attr", lambda: cm.format)
t("released obj", lambda: cm.obj)
cm.release()
print(cm == cm, cm == b"ctx")

m2 = memoryview(m)
print(m2.tobytes() == m.tobytes(), m2.obj is b)
m.release()
print(m2[0], bytes(m2[:3]))
mm = memoryview(b"\x00\x01\x02")
it = iter(mm)
print(next(it), next(it), list(it))
print(type(iter(mm)).__name__, type(mm).__name__)
print(memoryview(object=b"kw").tobytes())
print(mm.tobytes(order=None), mm.tobytes("A"), mm.tobytes("F"))
# nested views share one export
src = bytearray(b"0123456789")
v1 = memoryview(src)
v2 = v1[2:8]
v3 = v2[::2]
v1.release()
print(v3.tobytes(), v3.obj is src)
v3[0] = ord("#")
print(src)
