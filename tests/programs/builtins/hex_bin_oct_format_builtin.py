# Checks hex/bin/oct and format() with numeric specs.
print(hex(0), hex(-1), bin(5), oct(64), format(255, "x"), format(255, "#06x"), format(5, "b"))
print(format(3.14159, ".2f"), format(1234567, ","), format("t", "*^5"), format(0.5, "%"), format(42, "e"))
