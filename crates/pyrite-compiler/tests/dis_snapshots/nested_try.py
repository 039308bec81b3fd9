def f():
    try:
        try:
            a()
        except E:
            return 1
    finally:
        b()
    return 2
