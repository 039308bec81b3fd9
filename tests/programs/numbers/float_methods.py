# Checks float methods: is_integer, as_integer_ratio, hex, fromhex.
print((3.0).is_integer(), (3.5).is_integer(), (0.75).as_integer_ratio(), (0.1).as_integer_ratio())
print((1.0).hex(), (0.5).hex(), float.fromhex("0x1.8p1"), (-2.5).hex())
