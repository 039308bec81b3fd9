# Checks hex/bin/oct of positive, negative and big numbers and int() round trip.
for n in [0, 1, 255, -255, 2 ** 70]:
    print(hex(n), bin(n), oct(n))
print(int(hex(2 ** 70), 16) == 2 ** 70, int("-0b11", 2), int("0o777", 8))
