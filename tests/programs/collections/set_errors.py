# set and frozenset error messages
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

s = {1, 2}
t(lambda: s.add())
t(lambda: s.remove(5))
t(lambda: set().pop())
t(lambda: s.update(x=1))
t(lambda: s.union(1))
t(lambda: set(1, 2))
t(lambda: set(x=1))
t(lambda: frozenset(1, 2))
t(lambda: s | [1])
t(lambda: hash(s))
t(lambda: s.copy(1))
t(lambda: s.discard([]))
t(lambda: [] in s)
t(lambda: {frozenset({1})}.__contains__({1}))
t(lambda: {1} in {frozenset([1])})
t(lambda: s.difference_update(5))
t(lambda: s.issubset())
def grow():
    t2 = {1, 2, 3}
    for x in t2:
        t2.add(x + 10)
t(grow)
class S(set):
    pass
t(lambda: S([1, 2]))
t(lambda: S())
t(lambda: type(S([1]) | {2}).__name__)
t(lambda: frozenset())
t(lambda: frozenset([3, 1]).copy())
