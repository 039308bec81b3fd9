# Checks PEP 585 generic aliases (list[int]) and PEP 604 unions (int | None): repr, attributes, isinstance, annotations, subclassing.
print(list[int], dict[str, list[int]], tuple[int, ...], tuple[()], type[int])
x = list[int]([1, 2])
print(x, list[int] == list[int], list[int].__origin__, list[int].__args__)
print(int | None, int | str | None, (int | str).__args__, isinstance(3, int | str), isinstance("a", int | None))
def f(a: list[int], b: dict[str, int] | None = None) -> set[int]:
    return set(a)
print(f([1, 2, 2]), f.__annotations__)
class L(list[int]):
    pass
print(L.__mro__, L.__orig_bases__, L([1]))
import types
print(types.GenericAlias, types.UnionType)
try:
    isinstance([], list[int])
except TypeError as e:
    print(e)
