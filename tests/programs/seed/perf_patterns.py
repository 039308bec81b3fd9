# Seed 4: the four performance patterns at small N: fast locals, globals, attribute access, sum(range) vs loop.
N = 1000

def fast_locals(n):
    x = 0
    y = 0
    for i in range(n):
        y = x + i
        x = y - i + 1
    return x, y

x = 0
def with_global(n):
    global x
    y = 0
    for i in range(n):
        y = x + i
        x = x + 1
    return x, y

class P:
    def __init__(self):
        self.x = 3

def attr_loop(n):
    p = P()
    total = 0
    for i in range(n):
        total += p.x + i
    return total

def manual_sum(n):
    t = 0
    i = 0
    while i < n:
        t += i
        i += 1
    return t

print(fast_locals(N))
print(with_global(N))
print(attr_loop(N))
print(sum(range(N)), manual_sum(N), sum(range(N)) == manual_sum(N))
