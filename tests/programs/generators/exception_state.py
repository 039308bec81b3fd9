# A generator has its own "exception being handled": while it is suspended inside an except
# block, its resumer does not see that exception (sys.exc_info, bare raise, __context__),
# and when it resumes it sees its own again, or else its resumer's.
import sys


def name():
    t = sys.exc_info()[0]
    return t.__name__ if t else None


def suspended_in_except():
    try:
        raise KeyError("inside")
    except KeyError:
        yield name()
        yield name()
    yield name()


for v in suspended_in_except():
    print("gen sees", v, "| loop sees", name())

g = suspended_in_except()
print(next(g), name())
print(next(g), name())
print(next(g), name())


def sees_resumer():
    yield name()
    yield name()


try:
    raise ValueError("outer")
except ValueError:
    for v in sees_resumer():
        print("inherited", v, name())
    h = sees_resumer()
    print("next", next(h), name())
print("after", name())


def context_of_new_error():
    def body():
        try:
            raise KeyError("gen")
        except KeyError:
            yield 1

    for _ in body():
        try:
            raise RuntimeError("caller")
        except RuntimeError as e:
            return repr(e.__context__)


print(context_of_new_error())


def resumed_while_caller_handles():
    def body():
        try:
            raise KeyError("gen")
        except KeyError:
            yield name()
            yield name()

    it = body()
    first = next(it)
    try:
        raise IndexError("caller")
    except IndexError:
        second = next(it)
        still = name()
    return first, second, still, name()


print(resumed_while_caller_handles())


def bare_raise_in_generator():
    def body():
        try:
            raise KeyError("k")
        except KeyError:
            yield "in except"
            raise

    try:
        for v in body():
            print(v, name())
    except KeyError as e:
        print("reraised", repr(e))


bare_raise_in_generator()


def through_send():
    def body():
        got = yield name()
        try:
            raise ZeroDivisionError
        except ZeroDivisionError:
            got = yield (got, name())
        yield (got, name())

    it = body()
    print(it.send(None), it.send("a"), it.send("b"), name())


through_send()
