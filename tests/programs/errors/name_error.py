# Checks an uncaught NameError for an undefined global name.
print("start")
print(x)
