# typing: reprs of special forms, aliases, TypeVars; get_origin / get_args
import typing
from typing import (Any, Optional, Union, List, Dict, Set, FrozenSet, Tuple, Type,
                    Callable, Iterable, Iterator, Generator, Sequence, Mapping,
                    MutableMapping, Awaitable, ClassVar, Final, Literal, Annotated,
                    TypeVar, Generic, get_origin, get_args, AnyStr, Text, NoReturn)

T = TypeVar('T')
K = TypeVar('K')
T_co = TypeVar('T_co', covariant=True)
T_contra = TypeVar('T_contra', contravariant=True)
N = TypeVar('N', int, float)
B = TypeVar('B', bound=str)

for x in [Any, Optional, Union, List, Dict, Set, FrozenSet, Tuple, Type, Callable,
          Iterable, Iterator, Generator, Sequence, Mapping, MutableMapping, Awaitable,
          ClassVar, Final, Literal, NoReturn, Generic]:
    print(repr(x))

print(Optional[int])
print(Optional[List[str]])
print(Union[int, str])
print(Union[int, str, None])
print(Union[int, None])
print(Union[None, int])
print(Union[int])
print(Union[int, Union[str, float]])
print(Union[int, int, str])
print(Optional[Union[int, str]])
print(List[int], List[List[int]], List['Foo'])
print(Dict[str, int], Dict[str, List[Optional[int]]])
print(Set[int], FrozenSet[str])
print(Tuple[int, str], Tuple[int, ...], Tuple[()])
print(Type[int], Type[Any])
print(Callable[[int, str], bool], Callable[..., int], Callable[[], None])
print(Iterable[int], Iterator[str], Generator[int, None, None])
print(Sequence[int], Mapping[str, Any], MutableMapping[str, int], Awaitable[int])
print(ClassVar[int], Final[int], Final[List[int]])
print(Literal[1, 'a', None, True])
print(Literal['x'])
print(Annotated[int, 'meta'], Annotated[List[int], 1, 2])
print(T, T_co, T_contra, N, B)
print(T.__name__, N.__constraints__, B.__bound__, T_co.__covariant__)
print(List[T], Dict[K, T], List[T][int], Dict[K, T][str, int])
print(Optional[T], Union[T, int][str])
print(AnyStr, Text)
print(list[int], int | None, dict[str, list[int]])
print(List[list[int]], Optional[dict[str, int]])

print("--- get_origin / get_args")
for tp in [List[int], Dict[str, int], Optional[int], Union[int, str], Tuple[int, ...],
           Callable[[int], str], Callable[..., str], Literal[1, 2], ClassVar[int],
           Annotated[int, 'x'], list[int], int | str, int, List, Generic, Generic[T],
           Type[int], Final[int], Iterable[int]]:
    print(repr(tp), '->', get_origin(tp), get_args(tp))

print("--- equality")
print(List[int] == List[int], List[int] == List[str], Union[int, str] == Union[str, int])
print(Optional[int] == Union[int, None], Literal[1, 2] == Literal[2, 1])
print(hash(List[int]) == hash(List[int]))
print(len({List[int], List[int], Dict[str, int]}))

print("--- isinstance with unsubscripted aliases")
print(isinstance([], List), isinstance({}, Dict), isinstance((), Tuple))
print(isinstance([], Iterable), isinstance(5, Iterable), isinstance(len, Callable))
print(isinstance({}, Mapping), isinstance(1, Union[int, str]), isinstance(1.0, Optional[int]))
for bad in [lambda: isinstance(1, List[int]), lambda: isinstance(1, Any),
            lambda: List[int, str], lambda: Dict[int], lambda: Union[()],
            lambda: Optional[int, str], lambda: List(), lambda: Any(),
            lambda: NoReturn[int]]:
    try:
        bad()
        print("no error")
    except TypeError as e:
        print("TypeError:", e)

print("--- union operator")
print(T | None, List[int] | None, Optional[int] | str, int | List[int])
print(typing.TYPE_CHECKING)
