class Point:
    __match_args__ = ("x", "y")

def f(p):
    match p:
        case {}:
            return 0
        case {"a": 1, "b": b, **rest}:
            return b, rest
        case {1: x, -2: y, 3.5: z}:
            return x, y, z
        case {Point.x: v, **kw}:
            return v, kw
        case Point(1, y=2):
            return 1
        case Point(a, b) if a > b:
            return a
        case Point(x=_, y=q):
            return q
        case int(n) | float(n):
            return n
        case str() as s:
            return s
        case None:
            return None
        case True:
            return True
        case -1 | 1+2j | "s" | b"b":
            return 5
