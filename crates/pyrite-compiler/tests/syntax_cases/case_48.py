match x:
    case (x as y) as y:
        pass
