for a, *b in x:
    pass
for (c, d) in y:
    pass
for o.attr in z:
    pass
