# Generators driven by for loops (FOR_ITER_GEN): yields, returns, exceptions in and around
# them, nesting, re-entry, closing and introspection behave as when they are resumed one
# next() at a time.
import sys

def count_up(n):
    i = 0
    while i < n:
        yield i
        i += 1
    return "done"

def only_odd(it):
    for x in it:
        if x & 1:
            yield x

def scaled(it, k):
    for x in it:
        yield x * k

def windows(it, size):
    buf = []
    for x in it:
        buf.append(x)
        if len(buf) == size:
            yield buf
            buf = []
    if buf:
        yield buf

total = 0
for w in windows(scaled(only_odd(count_up(1000)), 3), 16):
    total += w[0] + w[-1] + len(w)
print(total)

# Mixing next() and for-loop resumption of one generator.
g = count_up(10)
print(next(g), next(g))
for x in g:
    if x == 5:
        break
print(next(g), list(g), list(g))

# An exception raised inside the generator reaches the loop; the generator is finished.
def boom(n):
    for i in range(n):
        if i == 3:
            raise ValueError("at %d" % i)
        yield i

b = boom(10)
try:
    for x in b:
        print("got", x)
except ValueError as e:
    print("ValueError:", e)
print(list(b), b.gi_frame is None, b.gi_running)

# StopIteration raised in the body becomes RuntimeError (PEP 479).
def leaks():
    yield 1
    raise StopIteration("inner")

try:
    for x in leaks():
        print("leaks", x)
except RuntimeError as e:
    print("RuntimeError:", e, type(e.__cause__).__name__, e.__cause__)

# Handled inside the generator; finally blocks run when the loop finishes it.
def guarded():
    try:
        yield 1
        try:
            raise KeyError("k")
        except KeyError as e:
            yield "caught " + repr(e)
        yield 3
    finally:
        print("finally ran")

print([x for x in guarded()])
for x in guarded():
    print(x)

# The generator sees itself running; re-entering it raises.
def self_ref():
    yield gen.gi_running
    try:
        next(gen)
    except ValueError as e:
        yield "ValueError: " + str(e)

gen = self_ref()
for x in gen:
    print(x)

# Breaking out leaves it suspended; close() and garbage collection finish it.
def closable():
    try:
        yield 1
        yield 2
    finally:
        print("closed")

c = closable()
for x in c:
    break
print(c.gi_suspended if hasattr(c, "gi_suspended") else "suspended", c.gi_frame is not None)
c.close()
print(c.gi_frame is None)

# Frames seen from inside a generator resumed by a loop.
def where():
    yield sys._getframe().f_code.co_name
    yield sys._getframe(1).f_code.co_name

def outer():
    return [name for name in where()]

print(outer())
for name in where():
    print(name)

# Tracebacks through the generator frame.
def fails():
    yield 1
    1 / 0

try:
    for _ in fails():
        pass
except ZeroDivisionError as e:
    tb = e.__traceback__
    while tb is not None:
        print(tb.tb_frame.f_code.co_name, tb.tb_lineno)
        tb = tb.tb_next

# Deep recursion through generators still raises RecursionError.
def deep(n):
    for x in deep(n + 1):
        yield x
    yield n

try:
    for x in deep(0):
        pass
except RecursionError as e:
    print("RecursionError:", e)

# Return values are dropped by for loops, kept by yield from.
def delegator():
    r = yield from count_up(3)
    yield r

print(list(delegator()), [x for x in count_up(3)])
