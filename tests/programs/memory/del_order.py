# Checks __del__ runs immediately when the last reference is dropped by `del`.
class Noisy:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)
a = Noisy("a")
b = Noisy("b")
c = b
print("deleting a")
del a
print("deleting b (c still refers)")
del b
print("rebinding c")
c = None
print("end")
