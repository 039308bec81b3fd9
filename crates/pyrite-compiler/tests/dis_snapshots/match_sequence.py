def f(x):
    match x:
        case []:
            return 0
        case [a]:
            return a
        case [a, *rest]:
            return a, rest
        case [first, *_, last]:
            return first, last
        case [*_, 1, 2]:
            return 2
        case (a, (b, c)):
            return a + b + c
        case [_, _, *_]:
            return 3
        case [*_]:
            return 4

def g(x):
    match x:
        case [1, *others] if others:
            return others
        case [*head, y]:
            return head, y
        case _:
            return None
