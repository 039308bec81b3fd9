# typing: Generic classes, Protocol + runtime_checkable, SupportsX
from typing import (TypeVar, Generic, Protocol, runtime_checkable, List, Dict, Optional,
                    Iterator, SupportsInt, SupportsFloat, SupportsAbs, SupportsIndex,
                    get_origin, get_args, Sized, Hashable, Iterable, IO, TextIO, BinaryIO)

T = TypeVar('T')
K = TypeVar('K')
V = TypeVar('V')


class Box(Generic[T]):
    def __init__(self, item: T) -> None:
        self.item = item

    def get(self) -> T:
        return self.item

    def __repr__(self):
        return f"Box({self.item!r})"


print(Box, Box.__parameters__, Box.__orig_bases__)
print(Box[int], Box[List[str]], Box[T])
b = Box(3)
print(b, b.get())
bi = Box[int](5)
print(bi, bi.__orig_class__, type(bi))
print(get_origin(Box[int]), get_args(Box[int]))
print(Box[int] == Box[int], Box[int] == Box[str])


class Pair(Generic[K, V]):
    def __init__(self, k: K, v: V):
        self.k, self.v = k, v


print(Pair.__parameters__, Pair[str, int], Pair[str, int].__args__)


class IntBox(Box[int]):
    pass


print(IntBox.__parameters__, IntBox.__orig_bases__, IntBox.__mro__)
print(IntBox(7).get())


class Stack(List[T]):
    def push(self, x: T) -> None:
        self.append(x)


s = Stack()
s.push(1)
s.push(2)
print(s, Stack.__parameters__, Stack[int], [c.__name__ for c in Stack.__mro__])


class Mapper(Dict[K, V], Generic[K, V]):
    pass


print(Mapper.__parameters__, Mapper[str, int])


class Partial(Pair[str, V]):
    pass


print(Partial.__parameters__, Partial[int])

for bad in [lambda: Box[int, str], lambda: IntBox[int], lambda: Generic[int],
            lambda: Generic[T, T], lambda: Generic()]:
    try:
        bad()
        print("no error")
    except TypeError as e:
        print("TypeError:", e)

try:
    class Bad(Generic):
        pass
except TypeError as e:
    print("TypeError:", e)

try:
    class Bad2(Generic[T], List[K]):
        pass
except TypeError as e:
    print("TypeError:", e)

print("--- Protocol")


class Closable(Protocol):
    def close(self) -> None:
        ...


@runtime_checkable
class Drawable(Protocol):
    def draw(self) -> str:
        ...

    def size(self) -> int:
        ...


@runtime_checkable
class Named(Protocol):
    name: str


class Circle:
    def draw(self):
        return "()"

    def size(self):
        return 2


class Square:
    def draw(self):
        return "[]"


class Person:
    def __init__(self, name):
        self.name = name


print(isinstance(Circle(), Drawable), isinstance(Square(), Drawable), isinstance(1, Drawable))
print(issubclass(Circle, Drawable), issubclass(Square, Drawable))
print(isinstance(Person("x"), Named), isinstance(Circle(), Named))
try:
    isinstance(Circle(), Closable)
except TypeError as e:
    print("TypeError:", e)
try:
    issubclass(Person, Named)
except TypeError as e:
    print("TypeError:", e)
try:
    Drawable()
except TypeError as e:
    print("TypeError:", e)


class Explicit(Drawable):
    def draw(self):
        return "explicit"

    def size(self):
        return 1


e = Explicit()
print(e.draw(), isinstance(e, Drawable), Explicit._is_protocol, Drawable._is_protocol)


@runtime_checkable
class SupportsGet(Protocol[T]):
    def get(self) -> T:
        ...


print(SupportsGet.__parameters__, SupportsGet[int], isinstance(Box(1), SupportsGet))


def draw_all(items: List[Drawable]) -> List[str]:
    return [i.draw() for i in items]


print(draw_all([Circle(), Square()]))

try:
    runtime_checkable(Circle)
except TypeError as e:
    print("TypeError:", e)

print("--- SupportsX")
print(isinstance(3, SupportsInt), isinstance(3.5, SupportsInt), isinstance("3", SupportsInt))
print(isinstance(2, SupportsFloat), isinstance(-1, SupportsAbs), isinstance(1.0, SupportsIndex))
print(issubclass(int, SupportsIndex), issubclass(str, SupportsInt))
print(isinstance([], Sized), isinstance(1, Hashable), isinstance([], Hashable))
print(SupportsAbs[int])
print(IO, TextIO, BinaryIO, IO[str], TextIO.__mro__[1:])
print(issubclass(TextIO, IO))
