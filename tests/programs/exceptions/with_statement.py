# Checks with-statement: __exit__ receives exception info and suppression by returning True.
class Suppress:
    def __enter__(self):
        print("enter")
        return self
    def __exit__(self, et, ev, tb):
        print("exit", et.__name__ if et else None, ev)
        return et is not None and issubclass(et, KeyError)
with Suppress():
    raise KeyError("suppressed")
print("continued")
try:
    with Suppress():
        raise ValueError("propagates")
except ValueError as e:
    print("caught", e)
with Suppress() as s:
    print(type(s).__name__)
