# Checks contextlib (ExitStack, nullcontext, closing, redirect_stdout), string, keyword, types and sys info objects.
import contextlib, string, keyword, types, sys
class Buf:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
        return len(s)
b = Buf()
with contextlib.redirect_stdout(b):
    print("hidden", 1)
print(repr(''.join(b.parts)))
with contextlib.nullcontext(5) as v:
    print("null", v)
class Res:
    def __init__(self, n):
        self.n = n
    def __enter__(self):
        print("enter", self.n)
        return self
    def __exit__(self, *exc):
        print("exit", self.n, exc[0].__name__ if exc[0] else None)
    def close(self):
        print("close", self.n)
with contextlib.closing(Res(0)) as r:
    print("using", r.n)
with contextlib.ExitStack() as stack:
    rs = [stack.enter_context(Res(i)) for i in range(3)]
    stack.callback(print, "callback ran")
    print("body", len(rs))
try:
    with contextlib.ExitStack() as stack:
        stack.enter_context(Res(9))
        raise KeyError("k")
except KeyError as e:
    print("propagated", e)
with contextlib.suppress(KeyError, IndexError):
    [][1]
print("suppressed")
@contextlib.contextmanager
def swallow():
    try:
        yield
    except ZeroDivisionError:
        print("swallowed")
with swallow():
    1 / 0
@contextlib.contextmanager
def once():
    yield 1
@once()
def decorated():
    print("in decorated")
decorated()
print(string.ascii_letters, string.hexdigits, string.octdigits, repr(string.whitespace), string.punctuation)
print(string.capwords("hello  big world"), string.Template("$who likes ${what}!").substitute(who="tim", what="pie"), string.Template("$a $b").safe_substitute(a=1))
print(keyword.iskeyword("for"), keyword.iskeyword("match"), keyword.issoftkeyword("match"), len(keyword.kwlist))
ns = types.SimpleNamespace(a=1, b="x")
ns.c = [2]
print(ns, ns.a, ns == types.SimpleNamespace(a=1, b="x", c=[2]), types.SimpleNamespace())
def fn():
    pass
print(isinstance(fn, types.FunctionType), isinstance(sys, types.ModuleType), isinstance(len, types.BuiltinFunctionType), types.NoneType)
print(type(sys.version_info).__name__, sys.version_info[:2], sys.version_info.major, sys.version_info >= (3, 8), len(sys.version_info))
print(sys.float_info.max, sys.float_info.epsilon, sys.float_info.dig, sys.float_info.mant_dig, sys.int_info.bits_per_digit, sys.hash_info.modulus, sys.hash_info.inf)
print(sys.flags.optimize, sys.flags.dev_mode, sys.maxunicode, sys.getdefaultencoding(), hex(sys.hexversion)[:6], type(sys.implementation).__name__, sys.implementation.version.major)
