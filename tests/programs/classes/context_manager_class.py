# Checks __enter__/__exit__ call order and the value bound by `as`.
class Ctx:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, et, ev, tb):
        print("exit", self.name, et)
        return False
with Ctx("a") as x, Ctx("b") as y:
    print("body", x, y)
