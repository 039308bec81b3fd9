# Arity and keyword errors of constructors and module functions parsed by argument specs
import gc, sys, time, types, weakref, math
class E(Exception):
    pass
class W:
    pass
w = W()
r = weakref.ref(w)
cases = [
    "slice()", "slice(1, 2, 3, 4)", "slice(x=1)", "slice(1).indices()", "slice(1).indices(x=1)",
    "range()", "range(1, 2, 3, 4)", "range(x=1)", "range(1).count()", "range(1).index(x=1)",
    "tuple(1, 2)", "tuple(x=1)", "(1,).index()", "(1,).index(x=1)", "(1,).count()", "(1,).count(x=1)",
    "list(1, 2)", "list(x=1)", "bool(1, 2)", "bool(x=1)", "float(1, 2)", "float(x=1)",
    "float.fromhex()", "float.fromhex(x=1)", "complex(1, 2, 3)", "complex(x=1)", "complex(1, real=2)",
    "bytes(1, 2, 3, 4)", "bytes(x=1)", "bytes('a', 1)", "bytearray('a', 'utf-8', errors=1)",
    "b''.decode(1, 2, 3)", "b''.decode(x=1)", "b''.decode(errors=1)",
    "object().__format__()", "object().__format__(x=1)", "(1).__format__()", "(1.0).__format__(1, 2)",
    "''.__format__()", "complex().__format__(x=1)", "True.__format__()",
    "sys.getrefcount()", "sys.getrefcount(x=1)", "sys.setrecursionlimit()",
    "gc.set_threshold()", "gc.set_threshold(x=1)", "gc.set_threshold(1, 2, 3, 4)", "gc.is_tracked()",
    "time.sleep()", "time.sleep(x=1)", "weakref.getweakrefcount()", "weakref.getweakrefs(1, 2)",
    "weakref.ref()", "weakref.ref(1, 2, 3)", "r(1)", "r(x=1)",
    "type.__instancecheck__(int)", "type.__subclasscheck__(int, 1, 2)",
    "super(1, 2, 3)", "super(x=1)", "types.MethodType(1)", "types.MethodType(x=1)",
    "staticmethod()", "classmethod(1, 2)", "staticmethod(x=1)",
    "BaseException().with_traceback()", "BaseException().add_note(x=1)",
    "BaseExceptionGroup('', [E()]).split()", "BaseExceptionGroup('', [E()]).subgroup(1, 2)",
    "BaseExceptionGroup('', [E()]).derive()", "math.prod()", "math.prod([], 1)",
    "sys.getsizeof()", "sys.getsizeof(1, 2, 3)", "property().getter()", "property().setter(1, 2)",
    "property().deleter(x=1)", "object.__new__()", "int.__new__()", "list.__new__()", "int.__init__()",
]
for c in cases:
    try:
        eval(c)
        print(c, "-> ok")
    except TypeError as e:
        print(c, "->", e)
