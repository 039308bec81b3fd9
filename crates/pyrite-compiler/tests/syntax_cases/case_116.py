elif_ = 1
if a:
    pass
elif b
    pass
