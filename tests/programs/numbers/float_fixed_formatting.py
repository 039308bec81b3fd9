# Fixed-point float formatting (%.Nf, format specs, round) over many values, ties
# included: the shortest-representation shortcut must agree with the exact expansion.
s = 12345
def rnd():
    global s
    s = (s * 1103515245 + 12345) & 0x7FFFFFFF
    return s / 2147483648.0
vals = [0.005, 0.015, 0.025, 0.125, 0.375, 2.675, 1.005, 1.115, 0.5, 1.5, 2.5, 9.995, 99.995, 0.045, 1e-7, 123456.785, 0.3, 0.1 + 0.2, 1/3, 2/3, 1e15 + 0.3, 4.5e13, 4.4e13 + 0.005, 7.0, 0.0001, 0.00049, 0.00051, 999999.9999, 5e-324, 1.7976931348623157e308, -0.0, -2.5, -0.005]
for _ in range(3000):
    vals.append(rnd() * 2000 - 1000)
    vals.append(int(rnd() * 2000000 - 1000000) / 1000)
    vals.append(int(rnd() * 2000000 - 1000000) / 8)
    vals.append(round(rnd(), int(rnd() * 7)))
for v in vals:
    print(" ".join(f"{v:.{p}f}" for p in (0, 1, 2, 3, 5, 10, 17)), "%.2f %.3f" % (v, v), format(v, ".4%"), round(v, 2))
