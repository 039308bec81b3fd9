# bytearray mutation: item/slice assignment and deletion, in-place operators, list-like methods
def t(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

def setit(o, k, v):
    o[k] = v

def delit(o, k):
    del o[k]

ba = bytearray(b"hello")
ba.append(33)
ba.extend(b" wo")
ba.extend([114, 108])
ba.extend(memoryview(b"d"))
ba.extend(x for x in b"??")
ba.insert(0, 62)
ba.insert(-1, 95)
ba.insert(100, 60)
ba.insert(-100, 40)
print(ba, len(ba))
print(ba.pop(), ba.pop(0), ba.pop(-2), ba)
ba.remove(ord("?"))
ba.reverse()
print(ba)
ba.reverse()
c = ba.copy()
c[0] = 72
print(ba, c, c is ba, type(c).__name__)
c.clear()
print(c, len(c))

x = bytearray(b"0123456789")
x[0] = 65
x[-1] = ord("Z")
print(x)
x[1:3] = b"bc"
print(x)
x[1:3] = b"BCDE"
print(x)
x[1:5] = b""
print(x)
x[2:2] = [120, 121]
print(x)
x[::2] = b"-----"
print(x)
x[1::3] = memoryview(b"###")
print(x)
x[5:2] = b"!"
print(x)
x[:] = x
print(x)
x[8:] = bytearray(b"END")
print(x)
del x[0]
del x[-1]
print(x)
del x[::3]
print(x)
del x[1:3]
print(x)
del x[::-2]
print(x)
x[::2] = b""
print(x)
y = bytearray(b"abcdef")
y[::-1] = b"UVWXYZ"
print(y)
y[4:1:-1] = b"123"
print(y)
del y[:]
print(y)

z = bytearray(b"ab")
z += b"cd"
z += memoryview(b"ef")
z += bytearray(b"g")
print(z)
z *= 2
print(z)
z *= 1
print(z)
w = z
z *= 0
print(z, w is z)
print(bytearray(b"ab") * 2, 3 * bytearray(b"x"), bytearray(b"a") + b"b", bytearray(b"a") + memoryview(b"c"))
print(bytearray(b"abc") == b"abc", bytearray(b"abc") < b"abd", bytearray(b"b") > bytearray(b"a"), bytearray(b"x") == memoryview(b"x"))
print(bytearray(b"x") >= memoryview(b"x"), bytearray(b"x") != "x")
print(bytearray(3), bytearray([1, 2]), bytearray("é", "utf-8"), bytearray(memoryview(b"mv")), bytearray(b"abcdef")[::2], bytearray(b"ab")[0])
print(bytearray(b"a'b"), bytearray(b'a"b'), repr(bytearray(b"\x00\n")))
q = bytearray(b"reinit")
q.__init__(b"new")
print(q)
q.__init__()
print(q)
print(bytearray(b"Hello World").swapcase(), bytearray(b"a b").split(), bytearray(b"a,b").partition(b","), bytearray(b"  x ").strip())
print(bytearray(b"abc").hex(), bytearray(b"x y").title(), bytearray(b"ab").center(6, b"*"), bytearray(b"12").zfill(4))
print(type(bytearray(b"ab").upper()).__name__, type(bytearray(b"a b").split()[0]).__name__, bytearray(b"%d") % 5)
print(bytearray(b"ab").__alloc__() >= 2, bytearray(b"ab").__reduce__()[1], bytearray(b"ab").__reduce_ex__(4)[1])
class BA(bytearray):
    pass
s = BA(b"sub")
s.append(33)
print(s, type(s).__name__, type(s.upper()).__name__, type(s[:1]).__name__)
it = iter(bytearray(b"ab"))
print(type(it).__name__, list(it))
grow = bytearray(b"a")
gi = iter(grow)
print(next(gi))
grow.extend(b"bc")
print(list(gi))

t("append range", lambda: bytearray().append(256))
t("append type", lambda: bytearray().append("a"))
t("append noarg", lambda: bytearray().append())
t("extend int", lambda: bytearray().extend(5))
t("extend str", lambda: bytearray().extend("ab"))
t("extend items", lambda: bytearray().extend([1, "a"]))
t("extend range", lambda: bytearray().extend([1, 300]))
t("insert few", lambda: bytearray(b"abc").insert(1))
t("insert range", lambda: bytearray(b"abc").insert(10, 300))
t("insert idx", lambda: bytearray(b"abc").insert("a", 3))
t("remove missing", lambda: bytearray(b"abc").remove(120))
t("remove type", lambda: bytearray(b"abc").remove(b"a"))
t("remove range", lambda: bytearray(b"a").remove(300))
t("pop range", lambda: bytearray(b"abc").pop(5))
t("pop empty", lambda: bytearray().pop())
t("pop many", lambda: bytearray(b"a").pop(0, 1))
t("reverse arg", lambda: bytearray(b"abc").reverse(1))
t("clear arg", lambda: bytearray(b"abc").clear(1))
t("set range", lambda: setit(bytearray(b"abc"), 0, 256))
t("set index", lambda: setit(bytearray(b"abc"), 5, 1))
t("set key", lambda: setit(bytearray(b"abc"), "a", 1))
t("set slice int", lambda: setit(bytearray(b"abc"), slice(0, 2), 5))
t("set slice str", lambda: setit(bytearray(b"abc"), slice(0, 2), "ab"))
t("set slice float", lambda: setit(bytearray(b"abc"), slice(0, 2), 1.5))
t("set slice noniter", lambda: setit(bytearray(b"abc"), slice(0, 2), object()))
t("set ext size", lambda: setit(bytearray(b"abcdef"), slice(0, 6, 2), b"xy"))
t("set ext range", lambda: setit(bytearray(b"abcdef"), slice(0, 6, 2), [1, 2, 300]))
t("set ext type", lambda: setit(bytearray(b"abcdef"), slice(0, 6, 2), [1, 2, "a"]))
t("del index", lambda: delit(bytearray(b"abc"), 5))
t("del key", lambda: delit(bytearray(b"abc"), "x"))
key = "x"
t("get key", lambda: bytearray(b"abc")[key])
t("get range", lambda: bytearray(b"abc")[5])
t("concat str", lambda: bytearray(b"a") + "b")
t("iadd str", lambda: bytearray(b"a").__iadd__("b"))
t("init float", lambda: bytearray(3.5))
t("init range", lambda: bytearray([1, 300]))
t("init item", lambda: bytearray(["a"]))
t("init neg", lambda: bytearray(-1))
t("init str", lambda: bytearray("a"))
t("init errors", lambda: bytearray(errors="strict"))
t("init many", lambda: bytearray(1, 2, 3, 4))
t("hash", lambda: hash(bytearray()))
def imul_str():
    v = bytearray(b"ab")
    v *= "a"
t("imul str", imul_str)
