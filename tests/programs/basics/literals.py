# Checks numeric literal forms: underscores, hex, octal, binary, exponents, imaginary.
print(1_000_000, 0x_ff, 0o17, 0b1010, 0XAB)
print(1e3, 1.5e-3, 1E10, .5, 5., 1_0.2_5)
print(3j, 1.5j, 0j)
print(0, -0, 00)
