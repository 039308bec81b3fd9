# typing: NamedTuple, TypedDict, NewType, cast, overload, final, get_type_hints
from typing import (NamedTuple, TypedDict, NewType, cast, overload, final, no_type_check,
                    get_type_hints, List, Optional, Dict, ClassVar, Annotated, Any,
                    is_typeddict, Required, NotRequired, Union, get_overloads, Final)
import typing


class Point(NamedTuple):
    x: int
    y: int = 0
    label: str = "origin"

    def norm1(self) -> int:
        return abs(self.x) + abs(self.y)

    def __str__(self):
        return f"<{self.x},{self.y}>"


p = Point(3, -4)
print(p, repr(p), p.norm1(), p._fields, p._field_defaults)
print(Point.__annotations__)
print(p._replace(y=5), p._asdict(), Point._make([1, 2, 'z']))
print(isinstance(p, tuple), Point.__bases__, len(p), p[0], tuple(p))
x, y, lab = p
print(x, y, lab)

Emp = NamedTuple('Emp', [('name', str), ('id', int)])
e = Emp('Guido', 1)
print(e, Emp.__annotations__, Emp.__module__, e.name)
Emp2 = NamedTuple('Emp2', name=str, id=int)
print(Emp2('a', 2), Emp2._fields)

try:
    class BadPoint(NamedTuple):
        x: int = 0
        y: int
except TypeError as ex:
    print("TypeError:", ex)

print("--- TypedDict")


class Movie(TypedDict):
    name: str
    year: int


class PartialMovie(TypedDict, total=False):
    name: str
    rating: float


class Film(Movie, total=False):
    director: str
    sequel: Required[bool]


m = Movie(name="Blade Runner", year=1982)
print(m, type(m), m["name"])
m2: Movie = {"name": "Alien", "year": 1979}
print(m2 == Movie(name="Alien", year=1979))
print(Movie.__annotations__, Movie.__total__, PartialMovie.__total__)
print(sorted(Movie.__required_keys__), sorted(Movie.__optional_keys__))
print(sorted(PartialMovie.__required_keys__), sorted(PartialMovie.__optional_keys__))
print(sorted(Film.__required_keys__), sorted(Film.__optional_keys__))
print(list(Film.__annotations__))
Alt = TypedDict('Alt', {'a': int, 'b': Optional[str]}, total=False)
print(Alt(a=1), Alt.__annotations__, Alt.__total__, sorted(Alt.__optional_keys__))
print(is_typeddict(Movie), is_typeddict(dict), is_typeddict(Alt))
print(Movie.__name__, Movie.__module__)
try:
    isinstance(m, Movie)
except TypeError as ex:
    print("TypeError:", ex)


class NotReq(TypedDict):
    a: int
    b: NotRequired[str]


print(sorted(NotReq.__required_keys__), sorted(NotReq.__optional_keys__))

print("--- NewType / cast")
UserId = NewType('UserId', int)
uid = UserId(524313)
print(uid, type(uid), UserId, UserId.__name__, UserId.__supertype__)
print(List[UserId], Optional[UserId])
try:
    class AdminId(UserId):
        pass
except TypeError as ex:
    print("TypeError:", ex)
v = cast(int, "not an int")
print(v, cast(List[str], [1]), cast("Foo", 3))

print("--- overload / final / no_type_check")


@overload
def double(x: int) -> int: ...
@overload
def double(x: str) -> str: ...
def double(x):
    return x * 2


print(double(2), double("ab"), len(get_overloads(double)))


@final
class Leaf:
    @final
    def m(self):
        return 1


print(Leaf.__final__, Leaf.m.__final__)


@no_type_check
def untyped(a: "not a type") -> "nothing":
    return a


print(untyped(5), untyped.__no_type_check__, get_type_hints(untyped))

print("--- get_type_hints")


class Node:
    value: int
    next: Optional["Node"] = None
    tags: ClassVar[List[str]] = []
    meta: Annotated[int, "unit"] = 0


class Child(Node):
    extra: "Dict[str, int]"


def f(a: int, b: "str", c: "List[Node]" = None) -> Optional[int]:
    return None


def g(x, y):
    pass


print(get_type_hints(Node))
print(get_type_hints(Child))
print(get_type_hints(Node, include_extras=True)['meta'])
print(get_type_hints(f))
print(get_type_hints(g))
print(get_type_hints(Point))
print(get_type_hints(Movie))
print(f.__annotations__)
