def f(v):
    match v:
        case (a, b) | [b, a]:
            return a, b
        case {"k": [x, y]} | {"j": [y, x]}:
            return x, y
        case ((1 | 2) as n, m) | (m, (3 | 4) as n):
            return n, m
        case [x] | x if x:
            return x

match command.split():
    case [action]:
        pass
    case [action, obj]:
        pass
    case ["go", direction] | ["move", direction]:
        pass
    case Point(x=0, y=0) as origin:
        print(origin)
    case other:
        print(other)

match z:
    case _ if z > 1:
        pass
    case _:
        pass

match w:
    case y:
        pass

match 1:
    case 1 if cond:
        pass
