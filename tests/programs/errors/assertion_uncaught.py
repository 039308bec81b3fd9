# Checks an uncaught AssertionError with a message.
x = 3
assert x % 2 == 0, f"{x} is odd"
