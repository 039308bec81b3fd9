# Checks __call__ makes instances callable and callable() reports it.
class Multiplier:
    def __init__(self, k):
        self.k = k
    def __call__(self, x, *, plus=0):
        return x * self.k + plus
m = Multiplier(3)
print(m(4), m(4, plus=1), callable(m), callable(Multiplier), callable(3))
print(list(map(m, [1, 2])))
