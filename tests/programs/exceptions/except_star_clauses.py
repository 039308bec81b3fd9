# except* (PEP 654): matching, multiple clauses, re-raise vs raise, naked exceptions.
import sys


def f():
    raise ExceptionGroup("outer", [
        ValueError("a"),
        ExceptionGroup("inner", [TypeError("b"), ValueError("c")]),
        KeyError("d"),
    ])


for types in [(ValueError,), (TypeError, KeyError), (OSError,)]:
    try:
        try:
            f()
        except* types as eg:
            print("matched", types, repr(eg))
    except BaseException as e:
        print("escaped", repr(e))


def g():
    try:
        f()
    except* ValueError as eg:
        print("V", repr(eg))
    except* TypeError as eg:
        print("T", repr(eg))
        raise
    except* KeyError as eg:
        print("K", repr(eg))
        raise RuntimeError("from K") from eg.exceptions[0]


try:
    g()
except ExceptionGroup as e:
    print("g:", repr(e))
    for x in e.exceptions:
        print("  ", repr(x), repr(x.__cause__), type(x.__context__).__name__)

# everything re-raised: the original structure survives
eg = ExceptionGroup("x", [ValueError(1), TypeError(2)])
eg.add_note("n")
try:
    try:
        raise eg
    except* ValueError:
        raise
except BaseException as e:
    print(repr(e), e is eg, e.__notes__)

# a single raised exception replaces the group
try:
    try:
        raise ExceptionGroup("g", [ValueError(1)])
    except* ValueError:
        raise KeyError(1)
except KeyError as e:
    print("single", repr(e), repr(e.__context__))

# naked exceptions are wrapped
try:
    try:
        raise ValueError("naked")
    except* ValueError as e:
        print(repr(e), e.__traceback__)
        raise KeyError(1)
except BaseException as e:
    print("got", repr(e), repr(e.__context__))
try:
    try:
        raise OSError(2, "nf")
    except* FileNotFoundError as e:
        print("fnf", repr(e), repr(e.exceptions[0]))
        raise
except* OSError as e2:
    print("outer", repr(e2))
try:
    try:
        raise KeyboardInterrupt()
    except* KeyboardInterrupt as e:
        print(type(e).__name__, repr(e))
        raise
except BaseExceptionGroup as e:
    print("caught", type(e).__name__, repr(e))

for bad in (ExceptionGroup, (TypeError, BaseExceptionGroup), int):
    try:
        try:
            raise ValueError("naked")
        except* bad:
            pass
    except TypeError as e:
        print(e)

try:
    raise ExceptionGroup("s", [ValueError(1), TypeError(2)])
except* ValueError:
    print("exc_info", repr(sys.exc_info()[1]), repr(sys.exception()))
except* TypeError:
    print("exc_info", repr(sys.exc_info()[1]))
print("after", sys.exc_info())


def gen():
    try:
        yield 1
        raise ExceptionGroup("g", [ValueError(1), KeyError(2)])
    except* ValueError:
        yield 2
    except* KeyError:
        yield 3


print(list(gen()))

try:
    try:
        raise ExceptionGroup("nm", [ValueError(1)])
    except* TypeError:
        print("no")
    else:
        print("else")
    finally:
        print("finally")
except ExceptionGroup as e:
    print("escaped", repr(e))
try:
    pass
except* TypeError:
    print("no")
else:
    print("else ran")

for i in range(2):
    try:
        raise ExceptionGroup("loop", [ValueError(i)])
    except* ValueError as e:
        print("loop", e.exceptions)

try:
    raise ExceptionGroup("o", [ValueError(1), TypeError(2)])
except* ValueError as e:
    try:
        raise ExceptionGroup("i", [KeyError(3)])
    except* KeyError as k:
        print("inner", repr(k), repr(k.__context__))
except* TypeError as t:
    print("t", repr(t))
print(sys.exc_info())
