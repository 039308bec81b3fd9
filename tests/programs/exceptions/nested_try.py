# Checks nested try statements: inner unhandled propagates to outer; re-raise with bare raise.
def f():
    try:
        try:
            int("x")
        except TypeError:
            print("wrong handler")
        finally:
            print("inner finally")
    except ValueError as e:
        print("outer caught", e)
        try:
            raise
        except ValueError:
            print("re-raised same", type(e).__name__)
f()
