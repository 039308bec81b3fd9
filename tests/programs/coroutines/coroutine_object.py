# A coroutine's type, repr, attributes (cr_*) and its states while driven by send()
async def double(x):
    return x * 2

c = double(3)
print(type(c).__name__, type(c), repr(c).startswith("<coroutine object double at 0x"))
print(c.__name__, c.__qualname__, c.cr_code.co_name, c.cr_code is double.__code__)
print(c.cr_running, c.cr_suspended, c.cr_await, c.cr_origin, c.cr_frame is not None)
try:
    c.send(None)
except StopIteration as e:
    print("returned", e.value)
print(c.cr_frame, c.cr_running, c.cr_suspended)
try:
    c.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)
c.close()
print(double.__code__.co_flags & 0x80 != 0, double.__code__.co_flags & 0x20)

class K:
    async def method(self):
        pass

m = K().method()
print(m.__qualname__, repr(m).startswith("<coroutine object K.method at"))
m.close()
print(m.cr_frame)
import types
print(types.CoroutineType is type(m), hasattr(m, "__await__"), hasattr(m, "__iter__"), hasattr(m, "__next__"))
w = double(1).__await__()
print(type(w).__name__, iter(w) is w)
try:
    next(w)
except StopIteration as e:
    print("wrapper stopped with", e.value)
