# Checks __eq__ without __hash__ makes instances unhashable; defining both allows dict/set use.
class P:
    def __init__(self, x):
        self.x = x
    def __eq__(self, o):
        return isinstance(o, P) and self.x == o.x
print(P.__hash__)
try:
    {P(1)}
except TypeError as e:
    print(e)
class H(P):
    def __hash__(self):
        return hash(self.x)
s = {H(1), H(1), H(2)}
print(len(s), H(1) in s, H(3) in s, {H(5): "v"}[H(5)])
class Plain:
    pass
a = Plain()
print(a == a, a == Plain(), a != Plain(), hash(a) == hash(a))
