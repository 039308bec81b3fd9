# Arity and keyword errors of methods (METH_O, METH_NOARGS, clinic positional-only, keywords)
import math
cases = [
    "[].append()", "[].append(1, 2)", "[].append(x=1)", "[].copy(1)", "[].clear(x=1)",
    "[].pop(1, 2)", "[].pop(x=1)", "[].insert(1)", "[].index()", "[].index(1, 2, 3, 4)", "[].count()",
    "[].sort(1)", "[].sort(key=None, reverse=False, x=1)", "[].sort(foo=1)",
    "{}.keys(1)", "{}.get()", "{}.get(1, 2, 3)", "{}.get(x=1)", "{}.pop()", "{}.setdefault()",
    "dict.fromkeys()", "dict.fromkeys(x=1)", "{}.__contains__()", "{}.__getitem__(1, 2)",
    "{}.keys().isdisjoint()", "{}.items().isdisjoint(1, 2)",
    "set().add()", "set().add(1, 2)", "set().add(x=1)", "frozenset().copy(1)", "set().pop(1)",
    "set().union(x=1)", "frozenset().union(x=1)", "frozenset().issubset()", "set().isdisjoint(x=1)",
    "b''.join()", "bytearray().join(x=1)", "bytes.fromhex()", "bytearray.fromhex()", "b''.partition()",
    "b''.__getnewargs__(1)", "bytearray().__alloc__(1)", "b''.lower(1)", "bytearray().isdigit(1)",
    "b''.startswith()", "b''.startswith(1, 2, 3, 4)", "b''.find(x=1)", "bytearray().count()",
    "b''.center()", "b''.center(x=1)", "bytearray().ljust(1, 2, 3)", "b''.strip(1, 2)", "b''.replace(1)",
    "bytes.maketrans(1)", "bytearray().append()", "bytearray().insert(1)", "bytearray().pop(1, 2)",
    "bytearray().reverse(1)", "bytearray().remove(x=1)",
    "memoryview(b'').release(1)", "memoryview(b'').tolist(x=1)",
    "math.sqrt()", "math.sqrt(x=1)", "math.floor()", "math.copysign(1)", "math.copysign(x=1)",
    "math.log()", "math.log(1, 2, 3)", "math.log(x=1)", "math.perm()", "math.perm(1, 2, 3)",
    "math.gcd(x=1)", "math.hypot(x=1)", "math.fsum()", "math.isclose(1, b=2, x=3)",
    "(i for i in []).send()", "(i for i in []).send(1, 2)", "(i for i in []).close(1)",
    "(i for i in []).throw()", "(i for i in []).throw(x=1)", "(1.0).__round__(x=1)",
]
for c in cases:
    try:
        eval(c)
        print(c, "-> ok")
    except TypeError as e:
        print(c, "->", e)
