# Checks default argument values, evaluation once at def time, and the mutable default pitfall.
def f(a, b=2, c="c"):
    return a, b, c
print(f(1), f(1, 3), f(1, c="z"), f(a=0))
def append(x, acc=[]):
    acc.append(x)
    return acc
print(append(1), append(2))
n = 5
def g(v=n):
    return v
n = 6
print(g(), f.__defaults__)
