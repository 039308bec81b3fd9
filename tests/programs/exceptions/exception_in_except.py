# Checks exceptions raised while handling are chained, and sys.exc_info inside handlers.
import sys
try:
    raise KeyError("a")
except KeyError:
    print(sys.exc_info()[0].__name__, repr(sys.exc_info()[1]))
    try:
        raise ValueError("b")
    except ValueError as inner:
        print(repr(inner.__context__))
print(sys.exc_info())
