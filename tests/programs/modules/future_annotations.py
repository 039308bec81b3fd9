# Checks the __future__ module, PEP 563 string annotations, and issubclass via an instance __subclasscheck__.
from __future__ import annotations
import __future__
def f(x: list[int]) -> Undefined:
    return x
print(f.__annotations__, __future__.annotations)
class X:
    def __subclasscheck__(self, c): return True
print(issubclass(int, X()))
import typing
print(issubclass(list, typing.List))
