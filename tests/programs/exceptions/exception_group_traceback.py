# An uncaught exception group raised out of except* clauses: the printed tree shows the
# re-raised part with its original structure next to the newly raised exception.
def leaf(n):
    raise ValueError(n)


def inner():
    raise OSError("disk")


def h():
    excs = []
    for i in range(2):
        try:
            leaf(i)
        except ValueError as e:
            excs.append(e)
    try:
        raise ExceptionGroup("top", excs + [TypeError("t"), ExceptionGroup("sub", [KeyError("k")])])
    except* TypeError:
        inner()
    except* KeyError as e:
        e.add_note("a note")
        raise


def w():
    try:
        h()
    except* RuntimeError:
        pass


print("start")
w()
