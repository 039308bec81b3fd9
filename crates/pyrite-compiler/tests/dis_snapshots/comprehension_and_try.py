x = [a for a in range(3)]
def f(n):
    for i in range(n):
        if i:
            continue
    try:
        g()
    except E as e:
        pass
    return [y for y in n if y]
