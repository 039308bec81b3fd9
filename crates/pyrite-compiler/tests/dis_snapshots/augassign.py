x += 1
o.attr -= 2
s[i] *= 3
s[1:2] //= 4
def f(a):
    a **= 2
    a.b |= 1
    return a
