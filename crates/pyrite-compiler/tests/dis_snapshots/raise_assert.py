def f(x):
    assert x, "msg"
    assert x > 0
    if not x:
        raise ValueError("bad") from None
    raise
