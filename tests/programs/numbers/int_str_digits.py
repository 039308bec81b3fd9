# Checks str() of large ints and int() parsing of long digit strings.
n = int("9" * 200)
print(len(str(n)), n % 1000, n + 1 == 10 ** 200)
print(int("-" + "1" * 50))
print(str(7 ** 77))
