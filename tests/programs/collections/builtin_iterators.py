# enumerate, zip (strict), map, filter, reversed, iter(callable, sentinel) and __getitem__ iteration
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

t(lambda: list(enumerate("ab", start=5)))
t(lambda: enumerate())
t(lambda: enumerate([], foo=1))
t(lambda: enumerate([], start="a"))
t(lambda: list(zip([1, 2], [3], strict=True)))
t(lambda: list(zip([1], [3, 4], strict=True)))
t(lambda: list(zip([1, 2], [3, 4], [5], strict=True)))
t(lambda: list(zip([1], [2], [3, 4], strict=True)))
t(lambda: zip([], x=1))
t(lambda: list(zip()))
t(lambda: list(map(lambda a, b: a + b, [1, 2], [3, 4, 5])))
t(lambda: map(len))
t(lambda: list(filter(None, [0, 1, "", "a", None, [2]])))
t(lambda: filter(None))
t(lambda: list(reversed(range(1, 10, 4))))
t(lambda: reversed(5))
t(lambda: reversed([1], 2))
t(lambda: list(reversed({1: 2, 3: 4})))
class Seq:
    def __getitem__(self, i):
        if i > 2:
            raise IndexError
        return i * 10
t(lambda: list(Seq()))
t(lambda: 20 in Seq())
t(lambda: reversed(Seq()))
class Sized(Seq):
    def __len__(self):
        return 3
t(lambda: list(reversed(Sized())))
stack = [3, 2, 1, 0, 5]
t(lambda: list(iter(stack.pop, 1)))
t(lambda: iter(5, 1))
lst = [1]
it = iter(lst)
print(next(it), next(it, "end"))
lst.append(2)
print(next(it, "still end"))
print([type(x).__name__ for x in (iter([]), iter(()), iter("a"), iter("é"), iter({}), iter(set()), iter(range(3)), reversed([]))])
