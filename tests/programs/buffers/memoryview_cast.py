# memoryview.cast to struct formats and shapes, multi-dimensional tolist/tobytes, 0-dim views
import sys
def t(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

little = sys.byteorder == "little"
data = bytes(range(16))
m = memoryview(data)
for fmt in "bBc?hHiIlLqQnNfd":
    c = m.cast(fmt)
    print(fmt, c.format, c.itemsize, c.nbytes, c.shape, c.strides, len(c.tolist()))
print(m.cast("h").tolist() if little else "skip")
print(m.cast("I").tolist() if little else "skip")
print(m.cast("q").tolist() if little else "skip")
print(m.cast("b")[-1], m.cast("c")[3], m.cast("?").tolist()[:3])
print(m.cast("@B")[5], m.cast("@B").format)
neg = memoryview(bytes([255, 255, 128, 0])).cast("b").tolist()
print(neg, memoryview(bytes([255, 255, 255, 255])).cast("i").tolist())
fl = memoryview(bytearray(16)).cast("d")
fl[0] = 1.5
fl[1] = -2
print(fl.tolist(), fl.cast("B").cast("f")[:0].tolist())
f4 = memoryview(bytearray(8)).cast("f")
f4[0] = 0.1
print(round(f4[0], 6), f4[1])
e = memoryview(bytearray(4)).cast("e")
e[0] = 1.5
e[1] = -0.25
print(e.tolist(), e.format, e.itemsize)

grid = m.cast("B", [4, 4])
print(grid.ndim, grid.shape, grid.strides, grid.c_contiguous, grid.f_contiguous)
print(grid.tolist())
print(grid[1, 2], grid[-1, -1], grid[3:].tolist() if False else grid[2:].shape)
print(grid.tobytes() == data, grid.tobytes("F")[:8], grid.tobytes("A") == data)
print(grid.cast("B").tolist() == list(data), grid.cast("H").shape)
cube = m.cast("B", (2, 2, 4))
print(cube.shape, cube.strides, cube.tolist()[1][0], cube[1, 1, 3])
hw = m.cast("H", [2, 4])
print(hw.shape, hw.strides, hw.nbytes, hw.itemsize)
wr = memoryview(bytearray(8)).cast("B", [2, 4])
wr[1, 2] = 7
wr[0, 0] = 9
print(wr.tolist(), bytes(wr))

zero = m.cast("B", [16]).cast("Q", [1]) if False else memoryview(bytearray(8)).cast("Q", [])
print(zero.ndim, zero.shape, zero.strides, zero.tolist(), zero[()], zero[...] is zero)
zero[()] = 2 ** 64 - 1
print(zero.tolist(), zero.tobytes())
zero[...] = 5
print(zero.tolist() if little else "skip")
t("0-dim len", lambda: len(zero))
t("0-dim index", lambda: zero[0])
t("0-dim iter", lambda: iter(zero))
t("0-dim slice", lambda: zero[0:1])

t("cast fmt type", lambda: m.cast(1))
t("cast bad fmt", lambda: m.cast("xx"))
t("cast bad fmt2", lambda: m.cast("<i"))
t("cast two non-byte", lambda: m.cast("h").cast("i"))
t("cast not multiple", lambda: memoryview(b"abc").cast("h"))
t("cast non contiguous", lambda: m[::2].cast("B"))
t("cast shape type", lambda: m.cast("B", 16))
t("cast shape items", lambda: m.cast("B", [2, "a"]))
t("cast shape zero", lambda: m.cast("B", [0, 16]))
t("cast shape product", lambda: m.cast("B", [3, 5]))
t("cast ND to ND", lambda: grid.cast("B", [2, 8]))
t("cast back 1D", lambda: grid.cast("B").shape)
t("cast nd from 1d", lambda: m.cast("B", [16]).cast("B", [2, 8]).shape)
t("sub-view", lambda: grid[0])
t("too many idx", lambda: grid[0, 1, 2])
t("few idx", lambda: cube[0, 1])
t("multislice", lambda: grid[0:1, 0:1])
t("nd iter", lambda: list(grid))
t("nd slice", lambda: grid[1:].tolist())
t("nd slice assign", lambda: wr.__setitem__(slice(0, 1), b"abcd"))
t("nd int assign", lambda: wr.__setitem__(0, 1))
t("nd len", lambda: len(grid))
