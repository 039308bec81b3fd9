# BaseExceptionGroup/ExceptionGroup construction rules, split/subgroup/derive and the
# metadata (traceback, cause, context, notes) copied to the parts.
print(ExceptionGroup.__bases__, ExceptionGroup.__mro__)
print(issubclass(ExceptionGroup, BaseExceptionGroup), issubclass(BaseExceptionGroup, Exception))

cases = [
    (), ("m",), ("m", [ValueError()], 1), (1, [ValueError()]), ("m", {ValueError()}),
    ("m", []), ("m", "abc"), ("m", [ValueError(), 3]), ("m", (TypeError(1),)),
]
for args in cases:
    for cls in (BaseExceptionGroup, ExceptionGroup):
        try:
            r = cls(*args)
            print(cls.__name__, "->", type(r).__name__, repr(r), str(r))
        except Exception as e:
            print(cls.__name__, "->", type(e).__name__, e)
try:
    ExceptionGroup("m", [ValueError()], x=1)
except TypeError as e:
    print(e)
try:
    ExceptionGroup("m", [KeyboardInterrupt()])
except TypeError as e:
    print(e)
b = BaseExceptionGroup("m", [KeyboardInterrupt(), ValueError()])
print(type(b).__name__, repr(b), str(b), b.args, b.message, b.exceptions)
for attr in ("message", "exceptions"):
    try:
        setattr(b, attr, "x")
    except AttributeError as e:
        print(attr, e)

eg = ExceptionGroup("outer", [
    ValueError(1), TypeError(2), ExceptionGroup("inner", [ValueError(3), KeyError(4)]),
])
eg.__cause__ = KeyError("cause")
eg.add_note("note")
m, r = eg.split(ValueError)
print(repr(m))
print(repr(r))
print(m.__cause__ is eg.__cause__, m.__suppress_context__, m.__notes__, m.__notes__ is eg.__notes__)
print(eg.split(OSError))
print(eg.split((KeyError, TypeError)))
print(eg.subgroup(lambda e: isinstance(e, KeyError)))
print(eg.subgroup(lambda e: isinstance(e, ExceptionGroup) and e.message == "inner"))
print(eg.subgroup(lambda e: True) is eg, eg.subgroup(ExceptionGroup) is eg)
print(eg.derive([TypeError()]), type(eg.derive([KeyboardInterrupt()])).__name__)
for bad in (3, (ValueError, 3), [ValueError]):
    try:
        eg.split(bad)
    except TypeError as e:
        print(e)
try:
    eg.subgroup(lambda e: 1 / 0)
except ZeroDivisionError as e:
    print("predicate raised:", e)

try:
    raise ExceptionGroup("tb", [ValueError(1), TypeError(2)])
except ExceptionGroup as x:
    m, r = x.split(ValueError)
    print(m.__traceback__ is x.__traceback__, r.__traceback__ is x.__traceback__)
    print(m.exceptions[0].__traceback__)

class MyEG(ExceptionGroup):
    def __new__(cls, msg, excs, code=0):
        self = super().__new__(cls, msg, excs)
        self.code = code
        return self

    def __init__(self, msg, excs, code=0):
        super().__init__(msg, excs)

    def derive(self, excs):
        return MyEG(self.message, excs, self.code)

e = MyEG("mine", [ValueError(1), TypeError(2)], code=7)
m, r = e.split(ValueError)
print(type(m).__name__, m.code, repr(m), repr(r), r.code)

class NoDerive(ExceptionGroup):
    pass

m, r = NoDerive("nd", [ValueError(1), TypeError(2)]).split(ValueError)
print(type(m).__name__, repr(m))

class BadDerive(ExceptionGroup):
    def derive(self, excs):
        return 42

try:
    BadDerive("bd", [ValueError(1), TypeError(2)]).split(ValueError)
except TypeError as x:
    print(x)

class MyBEG(BaseExceptionGroup):
    pass

print(type(MyBEG("m", [ValueError()])).__name__)
try:
    NoDerive("m", [KeyboardInterrupt()])
except TypeError as x:
    print(x)
e.args = ("changed",)
print(e.args, e.message, str(e), repr(e))
