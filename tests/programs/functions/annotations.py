# Checks function and variable annotations are stored and don't affect behaviour.
def f(a: int, b: "str" = "x") -> list:
    return [a, b]
print(f(1), f.__annotations__)
v: int = 5
w: str
print(v, __annotations__)
