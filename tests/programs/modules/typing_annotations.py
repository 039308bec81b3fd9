# typing: constructs used in ordinary annotations, dataclasses, ParamSpec, misc helpers
import typing
from typing import *
from dataclasses import dataclass, field
import collections.abc

if TYPE_CHECKING:
    import does_not_exist  # never imported at run time

T = TypeVar('T')
P = ParamSpec('P')
R = TypeVar('R')
Number = Union[int, float]
Vector = List[float]
JSON = Union[None, bool, int, float, str, List["JSON"], Dict[str, "JSON"]]
Handler = Callable[[str, Dict[str, Any]], Optional[bool]]


def scale(scalar: float, vector: Vector) -> Vector:
    return [scalar * num for num in vector]


def first(xs: Sequence[T]) -> Optional[T]:
    return xs[0] if xs else None


def count_up(n: int) -> Iterator[int]:
    yield from range(n)


def gen() -> Generator[int, str, None]:
    got = yield 1
    print("gen got", got)


def apply(f: Callable[P, R], *args: P.args, **kwargs: P.kwargs) -> R:
    return f(*args, **kwargs)


def logged(func: Callable[P, R]) -> Callable[P, R]:
    def inner(*args: P.args, **kwargs: P.kwargs) -> R:
        print("calling", func.__name__)
        return func(*args, **kwargs)
    return inner


@logged
def add(a: int, b: int = 1) -> int:
    return a + b


print(scale(2.0, [1.0, 2.5]), first([3, 4]), first([]), list(count_up(3)))
g = gen()
print(next(g))
try:
    g.send("hi")
except StopIteration:
    pass
print(apply(max, 3, 9), add(1, b=5))
print(P, P.args, P.kwargs, P.__name__)
print(Callable[P, int], Callable[Concatenate[int, P], int])
print(JSON)
print(Handler)
print(Number, Vector)
print(scale.__annotations__)
print(get_type_hints(scale))
print(get_type_hints(first))


@dataclass
class Inventory:
    name: str
    price: float = 0.0
    tags: List[str] = field(default_factory=list)
    extra: Optional[Dict[str, Tuple[int, ...]]] = None
    registry: ClassVar[Dict[str, int]] = {}
    kind: Final = "item"
    id: Annotated[int, "primary"] = 0


inv = Inventory("widget", 2.5)
print(inv)
print(Inventory.__annotations__)
print(get_type_hints(Inventory)['tags'], get_type_hints(Inventory)['extra'])


class Tree(Generic[T]):
    def __init__(self, value: T, children: "Optional[List[Tree[T]]]" = None) -> None:
        self.value = value
        self.children: List[Tree[T]] = children or []

    def walk(self) -> Iterator[T]:
        yield self.value
        for c in self.children:
            yield from c.walk()

    @classmethod
    def leaf(cls: "Type[Tree[T]]", v: T) -> "Tree[T]":
        return cls(v)


t = Tree(1, [Tree.leaf(2), Tree(3, [Tree.leaf(4)])])
print(list(t.walk()), Tree[int], Type[Tree[int]])
print(get_type_hints(Tree.__init__))

print("--- subscription combinations")
combos = [
    Dict[str, Callable[..., Any]], Optional[Tuple[int, ...]], List[Union[int, str]],
    Mapping[str, Sequence[int]], Callable[[Callable[[int], int]], List[int]],
    Union[List[int], Dict[str, int], None], Iterable[Tuple[str, int]],
    Type[Union[int, str]], AbstractSet[int], MutableSet[str], MutableSequence[int],
    Deque[int], DefaultDict[str, List[int]], OrderedDict[str, int], Counter[str],
    ChainMap[str, int], Collection[int], Container[int], Reversible[int],
    KeysView[str], ItemsView[str, int], ValuesView[int], ContextManager[int],
    AsyncIterator[int], AsyncIterable[int], AsyncGenerator[int, None],
    Coroutine[Any, Any, int], Awaitable[Optional[int]], Literal["r", "w"],
    Tuple[List[T], Dict[str, T]], Callable[[T], T], List[Annotated[int, "x"]],
    Optional[Literal[1]], Union[Literal[1], Literal[2]], ClassVar[Optional[int]],
    Final[Dict[str, int]], TypeGuard[int], Type[Any], Tuple[Any, ...], List[Any],
    List[collections.abc.Callable], Dict[str, list[int]], Optional[int | str],
    Set[FrozenSet[int]], List[None], Literal[True], Union[int, Any],
    Callable[[], Awaitable[None]], NoReturn, Never, Self, LiteralString, TypeAlias,
    Tuple[()], Tuple[int], Callable[..., Tuple[int, str]], Optional[Callable[[], None]],
]
for c in combos:
    print(c)
print(Tuple[List[T], Dict[str, T]][int], Callable[[T], T][str])
print(Dict[K, V][str, int] if (K := TypeVar('K')) and (V := TypeVar('V')) else None)
print(Required[int], NotRequired[str], Unpack, ForwardRef('Foo'), List['Foo'].__args__)
print(Annotated[Annotated[int, 1], 2], Annotated[int, 1].__metadata__)
print(Any, type(Any), Generic, Protocol, NamedTuple.__name__, TypedDict.__name__)

print("--- misc")


class AnyAnswer(Any):
    pass


print(AnyAnswer.__mro__[1:], isinstance(AnyAnswer(), Any.__class__))
print(assert_type(3, int), reveal_type.__name__)
try:
    assert_never(5)
except AssertionError as e:
    print("AssertionError:", e)
print(sorted(k for k in ("List", "Dict", "Optional", "cast") if k in typing.__all__))
print(typing.Text is str, AnyStr.__constraints__)
print(dataclass_transform()(Inventory) is Inventory, hasattr(typing, 'override'))
