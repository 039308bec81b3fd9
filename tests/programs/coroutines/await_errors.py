# Errors of await, async for and async with on objects without the async slots
async def f():
    return 1

async def await_it(x):
    return await x

def check(coro):
    try:
        coro.send(None)
    except StopIteration as e:
        print("ok", e.value)
    except (TypeError, RuntimeError) as e:
        print(type(e).__name__ + ":", e)

for bad in [1, "s", None, [1]]:
    check(await_it(bad))

class NotIter:
    def __await__(self):
        return 5
class ReturnsCoro:
    def __await__(self):
        c = f()
        c.close()
        return c
class Good:
    def __await__(self):
        return iter([])
check(await_it(NotIter()))
check(await_it(ReturnsCoro()))
check(await_it(Good()))

c = f()
c.send(None) if False else None
try:
    c.send(5)
except TypeError as e:
    print(e)
c.close()

class Suspend:
    def __await__(self):
        yield
async def waiter(c):
    await c
inner = waiter(Suspend())
first = waiter(inner)
first.send(None)
check(waiter(inner))
first.close()

def gen():
    c = f()
    try:
        yield from c
    finally:
        c.close()
try:
    list(gen())
except TypeError as e:
    print(e)
c = f()
try:
    iter(c)
except TypeError as e:
    print(e)
c.close()

async def async_for(x):
    async for i in x:
        pass
check(async_for(1))
class NoAnext:
    def __aiter__(self):
        return 5
check(async_for(NoAnext()))
class BadAnext:
    def __aiter__(self):
        return self
    def __anext__(self):
        return 5
try:
    async_for(BadAnext()).send(None)
except TypeError as e:
    print(e, "| cause:", e.__cause__)

async def async_with(x):
    async with x:
        pass
check(async_with(1))
class OnlyEnter:
    async def __aenter__(self):
        return self
check(async_with(OnlyEnter()))
class SyncEnter:
    def __aenter__(self):
        return 1
    def __aexit__(self, *a):
        return 1
check(async_with(SyncEnter()))
