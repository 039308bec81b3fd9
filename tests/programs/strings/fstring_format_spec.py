# Checks f-string format specs: width, fill, align, sign, precision, thousands, nested specs.
x = 1234.5678
print(f"[{x:10.2f}] [{x:<10.1f}] [{x:^12.3f}] [{x:*>12.2f}]")
print(f"{1234567:,} {1234567:_} {-42:+d} {42:+d} {42: d}")
print(f"{255:x} {255:X} {255:#x} {255:o} {255:#b} {255:08b}")
w, p = 10, 3
print(f"[{x:{w}.{p}f}] [{'s':>{w}}]")
print(f"{0.25:%} {0.25:.1%} {1e10:e} {12345.678:.3e} {0.00001234:g} {1e20:g}")
