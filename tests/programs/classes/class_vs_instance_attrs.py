# Checks class attributes are shared until shadowed by instance attributes.
class C:
    count = 0
    items = []
a, b = C(), C()
a.count = 5
a.items.append(1)
print(a.count, b.count, C.count, b.items, C.items is a.items)
C.count = 9
print(a.count, b.count, "count" in a.__dict__, "count" in b.__dict__)
del a.count
print(a.count)
