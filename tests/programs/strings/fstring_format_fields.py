# f-string fields with format specs on exact floats, ints and strs (formatted
# directly by their type's __format__), on subclasses and objects that define
# their own __format__, and the errors of bad specs.
class MyFloat(float):
    def __format__(self, spec):
        return "MyFloat(" + spec + ")"


class MyInt(int):
    pass


class Obj:
    def __format__(self, spec):
        return "<" + spec + ">"


for v in (3.14159, -2.5, 7, -42, "text", True, MyFloat(1.5), MyInt(9), Obj()):
    for spec in ("", ">10", "<6", "^9", "08.3f" if isinstance(v, (float, int)) and not isinstance(v, str) else "s"):
        try:
            print(repr(f"{v:{spec}}"))
        except (ValueError, TypeError) as e:
            print(type(e).__name__, e)
i, x, s = 1234567, 1234.5678, "abc"
print(f"{i:,} {i:_} {i:x} {i:#o} {i:+d} {i:e} {x:,.2f} {x:.3e} {x:g} {x:%} {s!r:>8} {s:*^9}")
for bad in ("{i:z}", "{x:d}", "{s:d}", "{s:=5}", "{i:.2}"):
    try:
        print(eval("f'" + bad + "'"))
    except ValueError as e:
        print("ValueError", e)
