# Checks an uncaught TypeError when calling a non-callable value.
value = [1, 2]
value()
