# buffer exports pin a bytearray: resizing while a memoryview lives raises BufferError
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
m = memoryview(ba)
t("append", lambda: ba.append(33))
t("extend", lambda: ba.extend(b"!!"))
t("extend empty", lambda: ba.extend(b""))
t("pop", lambda: ba.pop())
t("remove", lambda: ba.remove(ord("h")))
t("insert", lambda: ba.insert(0, 1))
t("clear", lambda: ba.clear())
t("iadd", lambda: ba.__iadd__(b"x"))
t("iadd empty", lambda: ba.__iadd__(b""))
t("imul", lambda: ba.__imul__(2))
t("imul one", lambda: ba.__imul__(1))
t("grow slice", lambda: setit(ba, slice(0, 1), b"xx"))
t("shrink slice", lambda: setit(ba, slice(0, 2), b"x"))
t("same slice", lambda: setit(ba, slice(0, 2), b"HE"))
t("ext slice del", lambda: delit(ba, slice(None, None, 2)))
t("ext slice empty del", lambda: delit(ba, slice(0, 0, 2)))
t("ext slice same", lambda: setit(ba, slice(None, None, 2), b"123"))
t("del item", lambda: delit(ba, 0))
t("set item", lambda: setit(ba, 4, ord("O")))
t("reverse", lambda: ba.reverse())
t("init", lambda: ba.__init__(b"zz"))
print(ba, m.tobytes())
try:
    ba += b"more"
except BufferError as e:
    print("augmented", e)
print(ba)
s = m[1:3]
m.release()
t("slice still pins", lambda: ba.append(1))
s.release()
t("after release", lambda: ba.append(ord("!")))
print(ba)

ba2 = bytearray(b"abc")
with memoryview(ba2) as v:
    t("in with", lambda: ba2.extend(b"d"))
t("after with", lambda: ba2.extend(b"d"))
print(ba2)

ba3 = bytearray(b"xyz")
v = memoryview(ba3)
del v
ba3.append(ord("!"))
print(ba3)

ba4 = bytearray(b"12345678")
c = memoryview(ba4).cast("I")
t("cast pins", lambda: ba4.pop())
c.release()
t("cast released", lambda: ba4.pop())

views = [memoryview(ba4) for _ in range(3)]
for i, vv in enumerate(views):
    t("view %d" % i, lambda: ba4.append(0))
    vv.release()
t("all released", lambda: ba4.append(0))
print(len(ba4))

# a memoryview's own exports
mv = memoryview(b"abc")
held = mv.__buffer__(0)
print(type(held).__name__, held.tobytes())
t("release with export?", lambda: mv.release())
held.release()
t("bytes from buffer", lambda: b"abc".__buffer__(0).tobytes())
t("writable bytes buffer", lambda: b"abc".__buffer__(1))
t("writable ro view buffer", lambda: memoryview(b"abc").__buffer__(1))
t("writable bytearray buffer", lambda: bytearray(b"ab").__buffer__(1).readonly)

class Sub(bytearray):
    pass

sb = Sub(b"sub")
sv = memoryview(sb)
t("subclass pinned", lambda: sb.append(1))
print(sv.obj is sb, sv.tobytes())
sv.release()
sb.append(33)
print(sb)

# PEP 688: __buffer__ / __release_buffer__
pb = bytearray(b"pep")
view = pb.__buffer__(0)
t("pinned by __buffer__", lambda: pb.append(1))
t("release other", lambda: pb.__release_buffer__(memoryview(b"x")))
t("release non-view", lambda: pb.__release_buffer__(b"x"))
pb.__release_buffer__(view)
t("after __release_buffer__", lambda: pb.append(33))
t("view released", lambda: view.tobytes())
t("release twice", lambda: pb.__release_buffer__(view))
plain = memoryview(pb)
t("release plain view", lambda: pb.__release_buffer__(plain))
t("plain released", lambda: plain.tobytes())
print(pb, "__release_buffer__" in dir(memoryview), "__release_buffer__" in dir(bytes))
