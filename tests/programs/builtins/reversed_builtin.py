# Checks reversed() on list, tuple, str, range, dict and a user __reversed__/__len__+__getitem__.
class Seq:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        return i * 10
print(list(reversed([1, 2, 3])), tuple(reversed((1, 2))), "".join(reversed("abc")), list(reversed(range(3))), list(reversed({"a": 1, "b": 2})), list(reversed(Seq())))
try:
    reversed({1, 2})
except TypeError as e:
    print(e)
