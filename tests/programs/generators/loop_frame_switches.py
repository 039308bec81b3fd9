# Generators driven by for loops run their frames on the loop's own frame chain: values,
# returns, exceptions and their handlers, nesting, suspension mid-loop, and introspection.
import sys


def gen(n):
    for i in range(n):
        yield i
    return "done"


def nested(n):
    # A generator whose loop drives another generator.
    for x in gen(n):
        for y in gen(x):
            yield (x, y)


print(list(nested(4)))
print([v for v in gen(5)], sum(gen(100)))


def handled(n):
    for i in range(n):
        try:
            if i == 2:
                raise ValueError("two")
            yield i
        except ValueError as e:
            yield "caught " + str(e)
        finally:
            pass


print(list(handled(4)))


def partly():
    g = gen(10)
    out = []
    for v in g:
        out.append(v)
        if v == 3:
            break
    # The suspended generator resumes where it stopped, through next() and a new loop.
    out.append(next(g))
    for v in g:
        out.append(v)
    out.append(list(g))
    return out


print(partly())


def running_flag():
    g = None

    def inner():
        yield g.gi_running
        try:
            next(g)
        except ValueError as e:
            yield "ValueError: " + str(e)

    g = inner()
    return [v for v in g]


print(running_flag())


def frames():
    def body():
        f = sys._getframe()
        yield f.f_code.co_name, f.f_back.f_code.co_name

    return [pair for pair in body()]


print(frames())


def raises_in_loop():
    def bad():
        yield 1
        raise KeyError("bad key")

    out = []
    try:
        for v in bad():
            out.append(v)
    except KeyError as e:
        out.append("KeyError " + str(e))
    return out


print(raises_in_loop())


def stop_iteration_inside():
    def bad():
        yield 1
        raise StopIteration("oops")

    try:
        for v in bad():
            pass
    except RuntimeError as e:
        return (type(e).__name__, str(e), type(e.__cause__).__name__, str(e.__cause__))


print(stop_iteration_inside())


def deep_generators(n):
    def rec(k):
        if k == 0:
            yield 0
            return
        for v in rec(k - 1):
            yield v + 1

    return list(rec(n))


print(deep_generators(50))
try:
    deep_generators(5000)
except RecursionError as e:
    print("RecursionError:", e)


def finally_on_break():
    log = []

    def g():
        try:
            yield 1
            yield 2
        finally:
            log.append("closed")

    for v in g():
        log.append(v)
        break
    log.append("after")
    return log


print(finally_on_break())


def with_return_value():
    def g():
        yield 1
        return 99

    out = [v for v in g()]

    def delegating():
        r = yield from g()
        yield r

    out += [v for v in delegating()]
    return out


print(with_return_value())


def generator_expression_chain():
    squares = (x * x for x in range(10))
    evens = (s for s in squares if s % 2 == 0)
    return [e + 1 for e in evens]


print(generator_expression_chain())


def exhausted_reuse():
    g = gen(3)
    first = [v for v in g]
    second = [v for v in g]
    return first, second


print(exhausted_reuse())


def loop_over_closed():
    g = gen(5)
    next(g)
    g.close()
    return [v for v in g]


print(loop_over_closed())
