# Checks RecursionError is catchable and the message, then recursion works again.
def down(n):
    return down(n + 1)
try:
    down(0)
except RecursionError as e:
    print("caught", e)
def ok(n):
    return 0 if n == 0 else ok(n - 1) + 1
print(ok(100))
