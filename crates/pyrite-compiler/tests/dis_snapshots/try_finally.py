def f():
    try:
        return g()
    finally:
        h()
def g2():
    for i in x:
        try:
            continue
        finally:
            cleanup()
