# Checks the `as` name is deleted after the except block.
e = "before"
try:
    1 / 0
except ZeroDivisionError as e:
    print("inside", type(e).__name__)
print("e" in dir())
try:
    print(e)
except NameError as err:
    print(err)
