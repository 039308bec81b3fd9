# Checks an uncaught TypeError for unsupported operand types.
a = 1
b = "two"
c = a + b
