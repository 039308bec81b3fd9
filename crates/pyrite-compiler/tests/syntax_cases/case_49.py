match x:
    case a if a:
        pass
    case b:
        pass
