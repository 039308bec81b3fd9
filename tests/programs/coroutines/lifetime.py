# Suspended coroutines are closed when dropped or collected in a cycle; deep awaits; abc registration
import gc
class Y:
    def __await__(self):
        yield "y"
async def body(tag):
    try:
        await Y()
    finally:
        print("finally", tag)
c = body("dropped")
c.send(None)
del c
print("after del")
async def selfref():
    me = holder[0]
    try:
        await Y()
    finally:
        print("cycle finally")
holder = []
c = selfref()
holder.append(c)
c.send(None)
del c, holder
gc.collect()
print("collected")
w = body("wrapper").__await__()
print(next(w))
w.close()
print(type(w).__name__)
async def deep(n):
    if n == 0:
        return 0
    return 1 + await deep(n - 1)
c = deep(200)
try:
    c.send(None)
except StopIteration as e:
    print("deep", e.value)
import inspect, types
async def af(): pass
print(inspect.iscoroutinefunction(af), inspect.iscoroutine(c), isinstance(c, types.CoroutineType))
from collections.abc import Coroutine, Awaitable
print(isinstance(c, Coroutine), isinstance(c, Awaitable), isinstance(Y(), Awaitable))
