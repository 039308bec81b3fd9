# Checks return inside with-block still calls __exit__ and the returned value survives.
class C:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        print("exit called", a)
def f():
    with C():
        return "value"
print(f())
