# Checks an uncaught TypeError when subscripting an int.
n = 7
print(n[0])
