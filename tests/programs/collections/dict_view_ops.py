# dict views: repr, set operations, comparisons, membership, reversal, mutation errors
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

d = {1: 2, 3: 4}
t(lambda: (d.keys(), d.values(), d.items()))
t(lambda: d.keys() & {1, 5})
t(lambda: d.keys() | [7])
t(lambda: [7] | d.keys())
t(lambda: d.keys() - {1})
t(lambda: d.keys() ^ {1, 9})
t(lambda: d.items() & {(1, 2)})
t(lambda: d.items() - {(1, 2)})
t(lambda: (d.keys() == {1, 3}, d.keys() < {1, 3, 4}, d.keys() == [1, 3], d.values() == d.values()))
t(lambda: ((1, 2) in d.items(), [1] in d.items(), (1, 3) in d.items(), 4 in d.values()))
t(lambda: d.keys().isdisjoint([5]))
t(lambda: list(reversed(d.items())))
t(lambda: list(reversed(d.values())))
t(lambda: hash(d.keys()))
def grow():
    e = {1: 1}
    for k in e:
        e[k + 1] = 1
t(grow)
def keys_changed():
    e = {1: 1, 2: 2}
    for k in e:
        del e[k]
        e[k + 10] = 0
t(keys_changed)
t(lambda: dict([(1, 2, 3)]))
t(lambda: dict([1]))
t(lambda: dict(5))
t(lambda: dict({1: 2}, a=1))
t(lambda: {}.popitem())
t(lambda: {}.pop([], "default"))
t(lambda: d.get())
t(lambda: d.setdefault(9, []))
t(lambda: dict.fromkeys("ab", 0))
t(lambda: d.copy(1))
