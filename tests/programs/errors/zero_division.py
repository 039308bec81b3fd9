# Checks an uncaught ZeroDivisionError: traceback with caret line and exit status 1.
print("before")
x = 10
y = 0
print(x / y)
print("never")
