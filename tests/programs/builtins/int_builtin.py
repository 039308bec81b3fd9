# Checks int() constructor: from str with bases, floats, bools, user __int__/__index__, no args.
print(int(), int("  12  "), int("-0"), int("ff", 16), int("0xff", 16), int("777", 8), int("11", 2), int("Z", 36))
print(int(-2.9), int(2.9), int(True), int("+5"), int("1_0"), int(b"42"))
class N:
    def __index__(self):
        return 9
print(int(N()))
