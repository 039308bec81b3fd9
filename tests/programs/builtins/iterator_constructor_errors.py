# Argument errors of print, zip and enumerate (keyword-only parsing and enumerate's own checks)
class Buf:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
    def flush(self):
        self.parts.append('<flush>')
cases = [
    "print(x=1)", "print(sep=1, end=2, file=3, flush=4, x=5)", "print(sep=1)", "print(end=[])",
    "zip(strict=1, x=2)", "zip(x=1)", "enumerate()", "enumerate(1, 2, 3)", "enumerate(1, 2, x=3)",
    "enumerate(iterable=1, start=2, x=3)", "enumerate([], iterable=1)", "enumerate(start=1)",
    "enumerate(iterable=[], foo=1)", "enumerate(foo=1)", "filter(1, 2, x=3)", "map(x=1)", "reversed(x=1)",
]
for c in cases:
    try:
        eval(c)
        print(c, "-> ok")
    except TypeError as e:
        print(c, "->", e)
buf = Buf()
print(1, 2, sep="-", end="!\n", file=buf, flush=True)
print(buf.parts)
print(list(enumerate("ab", start=5)), list(enumerate(start=2, iterable="xy")), list(enumerate(iterable="q")))
print(list(zip("ab", "cd", strict=True)))
