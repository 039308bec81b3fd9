# Checks complex construction, arithmetic, attributes, abs and repr.
z = 3 + 4j
print(z, z.real, z.imag, abs(z), z.conjugate())
print(z * (1 - 2j), z / 2, z + 1, z ** 2, -z)
print(complex(1, -1), complex("2+3j"), complex(2), 1j * 1j, (1+0j) == 1)
print(repr(complex(0, 1)), repr(complex(-0.0, 0)), repr(complex(1.5, 0)))
