# Checks big integer add/sub/mul/pow beyond 64 bits and their exact decimal output.
a = 2 ** 100
b = 3 ** 70
print(a, b)
print(a + b, a - b, a * b)
print(-a * b, a * -1 == -a, (a * b) // b == a)
print(10 ** 30 + 1, 2 ** 64 - 1, -(2 ** 63))
