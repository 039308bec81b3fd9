# throw() and close() on coroutines suspended in an await, and on fresh ones
class Yield:
    def __await__(self):
        return (yield "suspended")

async def guarded():
    try:
        await Yield()
    except ValueError as e:
        print("caught", repr(e))
        v = await Yield()
        return ("after", v)
    finally:
        print("finally runs")

c = guarded()
print(c.send(None))
print(c.throw(ValueError("boom")))
try:
    c.send("sent")
except StopIteration as e:
    print("stop", e.value)

c = guarded()
print(c.send(None))
c.close()
print("closed", c.cr_frame, c.cr_suspended)
c.close()

c = guarded()
try:
    c.throw(KeyError("fresh"))
except KeyError as e:
    print("fresh throw", repr(e))
print(c.cr_frame)
try:
    c.send(None)
except RuntimeError as e:
    print(e)

async def stubborn():
    while True:
        try:
            await Yield()
        except GeneratorExit:
            print("ignoring GeneratorExit")

c = stubborn()
c.send(None)
try:
    c.close()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    c.throw(ValueError("ends it"))
except ValueError as e:
    print("ended:", e, c.cr_frame)

async def inner():
    try:
        await Yield()
    finally:
        print("inner cleanup")

async def outer():
    await inner()

c = outer()
c.send(None)
print("awaiting", type(c.cr_await).__name__)
c.close()

async def raises_stop():
    raise StopIteration(5)

try:
    raises_stop().send(None)
except RuntimeError as e:
    print(e, "| cause:", repr(e.__cause__))
