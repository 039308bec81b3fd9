# Checks format() of floats: e/f/g/%/n types, grouping, zero fill, alternate form, z, and errors.
vals = [0.0, -0.0, 1.5, -2.25, 1234567.891, 1e-7, 1e16, 123456789.0, float("inf"), float("nan")]
for v in vals:
    print(format(v, ""), format(v, ".3"), format(v, "e"), format(v, ".2f"), format(v, "g"), format(v, "#g"), format(v, "G"))
for spec in ["012,.2f", "+.3e", " .1%", "_.1f", ",", "010", "<10.1f|", "*^12.4", "=+12.2f", "z.1f", "#.0f", ".0e", "#.0e", "n", ".10g", "E", ".3G"]:
    spec = spec.rstrip("|")
    print(repr(spec), repr(format(-1234.5678, spec)), repr(format(0.000123, spec)))
print(format(-0.00001, "z.2f"), format(-0.0, "z"), format(2.5, ".0f"), format(3.5, ".0f"), format(0.125, ".2f"))
print(format(1e300, ",.0f")[:20], format(5e-324, ".3e"), format(1.7976931348623157e308, "e"))
for bad in ["d", "x", "c", ",n", ".", "5.5.5", ",_", "s"]:
    try:
        format(1.5, bad)
    except ValueError as e:
        print(type(e).__name__, e)
