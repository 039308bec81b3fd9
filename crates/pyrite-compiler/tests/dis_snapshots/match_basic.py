match x:
    case 1:
        pass
    case [a, b]:
        pass
    case {"k": v}:
        pass
    case Point(x=0, y=yy):
        pass
    case str() | bytes():
        pass
    case _:
        pass
