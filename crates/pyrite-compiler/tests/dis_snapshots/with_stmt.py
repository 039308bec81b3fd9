def f():
    with open("x") as fh:
        return fh.read()
with a:
    pass
for i in x:
    with lock:
        break
