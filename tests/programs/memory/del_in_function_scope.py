# Checks locals are released when a function returns, and containers release their items.
class Noisy:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)
def f():
    n = Noisy("local")
    print("in f")
f()
print("after f")
items = [Noisy("item0"), Noisy("item1")]
items.pop(0)
print("after pop")
items.clear()
print("after clear")
