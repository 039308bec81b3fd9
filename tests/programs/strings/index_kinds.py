# Indexing and slicing strs of every kind at every position, including around the
# code-point index's entries, and after in-place growth.

units = ['a', 'é', '€', '😀', '\udc80']
def make(n, seed):
    out = []
    x = seed
    for i in range(n):
        x = (x * 1103515245 + 12345) % 2147483648
        out.append(units[x % len(units)])
    return ''.join(out)

def digest(s):
    return sum((i + 1) * ord(c) for i, c in enumerate(s)) % 1000000007

for n in [0, 1, 15, 16, 17, 31, 32, 33, 47, 48, 100, 257]:
    s = make(n, n)
    assert len(s) == n
    # Every index, forwards and backwards, against iteration.
    it = list(s)
    ok = all(s[i] == it[i] and s[-1 - i] == it[n - 1 - i] for i in range(n))
    # Slices of every start and length up to 40, and strided ones.
    sl = 0
    for a in range(0, n, 3):
        for b in range(a, min(n, a + 40) + 1, 5):
            sl = (sl * 31 + digest(s[a:b])) % 1000000007
    st = [digest(s[::k]) for k in (2, 3, 7, -1, -5)]
    print(n, ok, sl, st, s.find('😀'), s.rfind('é'), s.count('€'), digest(s))

# Growth in place, then indexing (the index must follow the new text).
t = ''
for i in range(300):
    t += units[i % 5]
    if i % 37 == 0:
        print(i, ascii(t[i]), ascii(t[i // 2]), len(t))
print(ascii(t[-20:]), ascii(t[150:160]), digest(t))
u = 'x' * 40
u += 'é'
u += 'y' * 40
print(ascii(u[40]), ascii(u[39:42]), u.index('é'), len(u))
