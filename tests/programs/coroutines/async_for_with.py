# async for and async with over user classes defining __aiter__/__anext__/__aenter__/__aexit__
class Ticker:
    def __init__(self, n):
        self.i = 0
        self.n = n
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return self.i * 10

class Manager:
    def __init__(self, swallow):
        self.swallow = swallow
    async def __aenter__(self):
        print("enter")
        return "resource"
    async def __aexit__(self, typ, val, tb):
        print("exit", typ.__name__ if typ else None, val)
        return self.swallow

async def main():
    out = []
    async for v in Ticker(4):
        out.append(v)
    print(out)
    async for v in Ticker(5):
        if v == 30:
            break
    else:
        print("not reached")
    print("broke at", v)
    async with Manager(False) as r:
        print("inside", r)
    async with Manager(True):
        raise ValueError("swallowed")
    try:
        async with Manager(False):
            raise KeyError("propagates")
    except KeyError as e:
        print("caught", repr(e))
    try:
        async for v in Ticker(3):
            if v == 20:
                raise IndexError("in loop")
    except IndexError as e:
        print("loop error", e)
    return "main done"

c = main()
try:
    c.send(None)
except StopIteration as e:
    print(e.value)
