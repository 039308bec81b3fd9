# Checks __index__ for slicing/hex/range, __int__, __float__ and __bool__.
class I:
    def __init__(self, v):
        self.v = v
    def __index__(self):
        return self.v
class F:
    def __float__(self):
        return 2.5
    def __int__(self):
        return 7
print([0, 1, 2, 3][I(1):I(3)], hex(I(255)), list(range(I(3))), "ab" * I(2))
print(float(F()), int(F()))
