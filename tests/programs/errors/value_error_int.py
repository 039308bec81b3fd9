# Checks an uncaught ValueError from int('abc').
n = int("abc")
