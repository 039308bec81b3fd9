# list.sort makes CPython's comparisons (count_run + binary insertion) and detects mutation
class K:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        print("lt", self.v, other.v)
        return self.v < other.v
    def __repr__(self):
        return "K%d" % self.v

ks = [K(3), K(1), K(2), K(5), K(4)]
ks.sort()
print(ks)
ks.sort(reverse=True)
print(ks)

data = [5, 4, 3]
def key(x):
    data.append(x)
    return x
try:
    data.sort(key=key)
except ValueError as e:
    print("ValueError:", e)
print(data)

mixed = [3, "a", 1]
try:
    mixed.sort()
except TypeError as e:
    print("TypeError:", e)
print(mixed)

try:
    [1, 2].sort(lambda x: x)
except TypeError as e:
    print("TypeError:", e)
pairs = [(i % 3, i) for i in range(12)]
pairs.sort(key=lambda p: p[0], reverse=True)
print(pairs)
