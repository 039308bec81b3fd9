# Checks dataclasses: fields, asdict/astuple, replace, post_init, inheritance, frozen hashing, errors.
from dataclasses import dataclass, field, fields, asdict, astuple, replace, is_dataclass, FrozenInstanceError
@dataclass
class Item:
    name: str
    price: float = 0.0
    tags: list = field(default_factory=list)
    secret: int = field(default=0, repr=False, compare=False)
i = Item("pen", 1.5)
print(i, [f.name for f in fields(i)], asdict(i), astuple(i), is_dataclass(i), is_dataclass(Item), is_dataclass(3))
print(replace(i, price=2.0), i == Item("pen", 1.5, secret=9), Item.__match_args__, Item.__hash__)
@dataclass
class Sub(Item):
    qty: int = 1
    def __post_init__(self):
        self.total = self.price * self.qty
s = Sub("cup", 2.0, qty=3)
print(s, s.total)
@dataclass(frozen=True)
class F:
    a: int
    b: tuple = ()
f = F(1)
print(hash(f) == hash(F(1)), {f, F(1)} == {f}, f)
try:
    f.a = 2
except FrozenInstanceError as e:
    print("FrozenInstanceError", e)
try:
    del f.a
except FrozenInstanceError as e:
    print("FrozenInstanceError", e)
@dataclass(order=True)
class O:
    k: int
    v: str = field(compare=False, default="")
print(sorted([O(3, "c"), O(1, "a"), O(2)]), O(1) < O(2), O(1, "x") == O(1, "y"))
try:
    O(1) < 3
except TypeError as e:
    print("TypeError", e)
for bad in ["x: list = []", "a: int = 1\n    b: int"]:
    try:
        exec(f"@dataclass\nclass Bad:\n    {bad}\n", {"dataclass": dataclass})
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    Item()
except TypeError as e:
    print("TypeError", e)
@dataclass
class Node:
    val: int
    children: list = field(default_factory=list)
root = Node(1, [Node(2), Node(3, [Node(4)])])
print(asdict(root))
@dataclass(eq=False)
class Ident:
    x: int
print(Ident(1) == Ident(1), Ident(1).__eq__ is not None)
@dataclass(kw_only=True)
class K:
    a: int
    b: int = 2
print(K(a=1), K(b=3, a=0))
