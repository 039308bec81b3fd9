def g():
    try:
        yield 1
    except Exception:
        yield 2
    finally:
        yield 3
