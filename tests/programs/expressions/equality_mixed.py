# Checks equality between ints, floats, bools and containers of them.
print(1 == 1.0, True == 1, False == 0, 2 == 2.0000001)
print([1, 2] == [1.0, 2.0], (1,) == [1], {1: "a"} == {1.0: "a"})
print("1" == 1, None == 0, [] == [], {} == set())
