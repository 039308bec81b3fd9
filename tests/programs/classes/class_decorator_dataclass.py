# Checks dataclasses: generated __init__, __repr__, __eq__, defaults, order, frozen.
from dataclasses import dataclass, field
@dataclass
class Pt:
    x: int
    y: int = 0
    tags: list = field(default_factory=list)
@dataclass(order=True, frozen=True)
class Ver:
    major: int
    minor: int
print(Pt(1), Pt(1, 2) == Pt(1, 2), Pt(1, tags=["a"]))
print(sorted([Ver(1, 5), Ver(0, 9), Ver(1, 0)]), Ver(1, 0) < Ver(1, 1))
try:
    Ver(1, 0).major = 3
except Exception as e:
    print(type(e).__name__, e)
