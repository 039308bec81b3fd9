# Checks __len__, __getitem__ (incl. slices), __setitem__, __delitem__, __contains__ and __iter__.
class Bag:
    def __init__(self, *items):
        self.items = list(items)
    def __len__(self):
        return len(self.items)
    def __getitem__(self, i):
        if isinstance(i, slice):
            return Bag(*self.items[i])
        return self.items[i]
    def __setitem__(self, i, v):
        self.items[i] = v
    def __delitem__(self, i):
        del self.items[i]
    def __contains__(self, x):
        print("contains", x)
        return x in self.items
    def __iter__(self):
        return iter(self.items)
    def __repr__(self):
        return f"Bag{self.items}"
b = Bag(1, 2, 3, 4)
b[0] = 10
del b[1]
print(len(b), b[0], b[1:], list(b), 3 in b, 9 in b, sorted(b))
