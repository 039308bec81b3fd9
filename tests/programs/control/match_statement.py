# Checks structural pattern matching: literals, captures, sequences, mappings, classes, guards.
class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y
def describe(v):
    match v:
        case 0 | 1:
            return "bit"
        case int(n) if n < 0:
            return f"negative {n}"
        case [a, b, *rest]:
            return f"seq {a} {b} rest={rest}"
        case {"k": value}:
            return f"map {value}"
        case Point(0, y):
            return f"on y axis at {y}"
        case Point(x=x, y=y):
            return f"point {x},{y}"
        case str() as s:
            return "str " + s
        case _:
            return "other"
for v in [1, -4, [1, 2, 3, 4], {"k": 9, "z": 0}, Point(0, 5), Point(2, 3), "hi", 3.5, (1,)]:
    print(describe(v))
