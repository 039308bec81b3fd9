# Checks __getattribute__ intercepts every lookup and object.__getattribute__ delegation.
class Logged:
    def __init__(self):
        self.a = 1
    def __getattribute__(self, name):
        if not name.startswith("__"):
            print("get", name)
        return object.__getattribute__(self, name)
    def m(self):
        return self.a
l = Logged()
print(l.a)
print(l.m())
