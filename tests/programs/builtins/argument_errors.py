# Arity and keyword errors of builtins parsed by the declarative argument specs (protocols/args.rs)
import math
cases = [
    "len()", "len(1, 2)", "len(x=1)", "abs()", "globals(1)",
    "isinstance(1)", "isinstance(1, int, x=1)", "divmod(1, 2, 3)",
    "getattr(1)", "getattr(1, 'a', None, 4)", "iter()", "next()", "vars(1, 2)", "dir(1, 2)",
    "pow(1)", "pow(1, 2, 3, 4)", "pow(base=1, exp=2, mod=3, z=4)", "pow(1, 2, base=3)",
    "round()", "round(x=1)", "round(number=1, x=1)", "sum()", "sum([], start=1, x=1)",
    "min()", "max(1, key=1, x=2)", "min(1, default=2, key=3, x=1)", "sorted()", "sorted([], 1)",
    "format()", "format(1, 2)", "format(1, 2, 3)", "exec()", "eval()", "compile()", "__import__()",
    "filter()", "reversed(1, 2)", "int(x=1)", "int(1, 2, 3)", "str(x=1)", "str(1, 2, 3, 4)",
    "(1).to_bytes(foo=1)", "int.from_bytes()", "int.from_bytes(b'', 'big', 1)",
    "int.from_bytes(b'', 'big', byteorder='big')", "(1.0).__round__(1, 2)", "(1).__round__(1, 2)",
    "math.isclose(1)", "math.isclose(1, 2, 3)", "math.prod()", "math.nextafter(1, 2, 3)",
    "b'a'.split(1, 2, 3)", "b'a'.hex(x=1)", "memoryview()", "property(1, 2, 3, 4, 5)",
]
for c in cases:
    try:
        eval(c)
        print(c, "-> ok")
    except TypeError as e:
        print(c, "->", e)
