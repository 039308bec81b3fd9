# Comparisons of ints, floats and strs followed by a conditional jump take the branch
# directly: every operator, both jump senses, NaN, values kept as bools, and chains.

nan = float("nan")
inf = float("inf")


def int_branches(a, b):
    out = []
    if a < b:
        out.append("<")
    if a <= b:
        out.append("<=")
    if a == b:
        out.append("==")
    if a != b:
        out.append("!=")
    if a > b:
        out.append(">")
    if a >= b:
        out.append(">=")
    if not a < b:
        out.append("not <")
    if not a == b:
        out.append("not ==")
    return out


def as_values(a, b):
    return [a < b, a <= b, a == b, a != b, a > b, a >= b]


def while_count(n):
    i = 0
    steps = 0
    while i < n:
        i += 3
        steps += 1
    return i, steps


def chained(a, b, c):
    return (a < b < c, a <= b <= c, a < b > c, a == b == c)


def in_or_and(a, b):
    r = []
    if a < b or a > 2 * b:
        r.append("or")
    if a < b and b < 100:
        r.append("and")
    x = a < b and b
    y = a > b or b
    r.append(x)
    r.append(y)
    return r


def str_branches(s, t):
    out = []
    if s == t:
        out.append("eq")
    if s != t:
        out.append("ne")
    if not s == t:
        out.append("not eq")
    return out


def ternary(a, b):
    return "lt" if a < b else "ge"


for _ in range(3):
    for a, b in [(1, 2), (2, 2), (3, 2), (-5, 5), (2**62, 2**62 - 1), (2**70, 1)]:
        print(a, b, int_branches(a, b), as_values(a, b), ternary(a, b))
    for a, b in [(1.0, 2.0), (2.0, 2.0), (nan, 1.0), (1.0, nan), (nan, nan), (inf, nan), (-0.0, 0.0), (1.5, 1)]:
        print(a, b, int_branches(a, b), as_values(a, b), ternary(a, b))
    for s, t in [("a", "a"), ("a", "b"), ("", ""), ("é", "é"), ("x" * 40, "x" * 40)]:
        print(s, t, str_branches(s, t))
    print(while_count(10), while_count(0), while_count(-3))
    print(chained(1, 2, 3), chained(3, 2, 1), chained(2, 2, 2), chained(1.0, nan, 3.0))
    print(in_or_and(1, 5), in_or_and(50, 5), in_or_and(7, 5), in_or_and(7.0, 5.5))

# Mixed types after specialisation fall back and still branch correctly.
def cmp_any(a, b):
    if a < b:
        return "lt"
    return "not lt"


for _ in range(20):
    cmp_any(1, 2)
print(cmp_any(1.5, 2), cmp_any("a", "b"), cmp_any((1, 2), (1, 3)), cmp_any(3, 2.5))
try:
    cmp_any(1, "x")
except TypeError as e:
    print("TypeError:", e)
