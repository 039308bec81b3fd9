# Checks the data descriptor protocol __get__/__set__ and __set_name__.
class Positive:
    def __set_name__(self, owner, name):
        self.name = "_" + name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return "descriptor on class"
        return getattr(obj, self.name)
    def __set__(self, obj, value):
        if value <= 0:
            raise ValueError(f"{self.name[1:]} must be positive")
        setattr(obj, self.name, value)
class Order:
    qty = Positive()
    def __init__(self, q):
        self.qty = q
o = Order(3)
print(o.qty, Order.qty, o.__dict__)
try:
    o.qty = -1
except ValueError as e:
    print(e)
