# Checks format() of ints and bools: b/o/x/X/c/d/n, #, grouping, zero fill, sign, float types, errors.
for v in [0, 7, -255, 1234567, 2 ** 70, True]:
    print(format(v, "b"), format(v, "#o"), format(v, "x"), format(v, "#X"), format(v, ","), format(v, "_"), format(v, "+"), format(v, " "))
for spec in ["09,", "08,", "010,", "0=+12,", "*^+12,", "#010x", "_x", "#_b", "x<10", ">+8", "=8", "^9", "e", ".2f", "%", "g", "n", "012_", "#012_o"]:
    print(repr(spec), repr(format(1234, spec)), repr(format(-1234, spec)))
print(format(97, "c"), format(97, "^5c"), format(0x1F600, "c"), format(True, ""), format(True, "^6"), format(False, "d"), format(10 ** 20, ",d"))
for v, spec in [(1, "s"), (1, ".2"), (1, "z"), (1, "+c"), (1, "#c"), (1, ",c"), (0x110000, "c"), (-1, "c"), (1, ",x"), (1, "xx"), (True, "s"), (1, ",n"), (10 ** 400, "e")]:
    try:
        format(v, spec)
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)
print(int.__format__(5, ""), int.__format__(5, "03"), "{:>5}".format(12), f"{-0:+}", format(0, "#b"))
