match x:
    case a.b():
        pass
    case x.y:
        pass
    case -1j:
        pass
