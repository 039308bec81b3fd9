# Checks len on every built-in container and a user __len__.
class L:
    def __len__(self):
        return 42
print(len("héllo"), len([1, 2]), len((1,)), len({1: 2}), len({1, 2, 3}), len(range(0, 10, 3)), len(b"ab"), len(L()))
print(len(""), len(frozenset()), len({}.keys()), len(bytearray(5)))
