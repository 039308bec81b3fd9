# A tiny hand-written event loop drives coroutines that await a yielding awaitable
import types
from collections import deque

class Sleep:
    def __init__(self, ticks):
        self.ticks = ticks
    def __await__(self):
        for _ in range(self.ticks):
            yield "tick"
        return self.ticks

@types.coroutine
def switch():
    value = yield "switch"
    return value

async def worker(name, n, log):
    total = 0
    for i in range(n):
        total += await Sleep(i % 2 + 1)
        got = await switch()
        log.append((name, i, got))
    return name + " done after " + str(total)

def run(coros):
    ready = deque((c, None) for c in coros)
    results = {}
    step = 0
    while ready:
        coro, value = ready.popleft()
        try:
            signal = coro.send(value)
        except StopIteration as e:
            results[coro.__name__ + str(len(results))] = e.value
            continue
        step += 1
        ready.append((coro, step if signal == "switch" else None))
    return results, step

log = []
results, steps = run([worker("a", 3, log), worker("b", 2, log)])
print(results)
print("steps", steps)
for entry in log:
    print(entry)

async def nested(depth):
    if depth == 0:
        return await Sleep(2)
    return 1 + await nested(depth - 1)

c = nested(3)
print(c.send(None), c.cr_await is not None, c.cr_suspended)
print(c.send(None))
try:
    c.send(None)
except StopIteration as e:
    print("nested result", e.value)
