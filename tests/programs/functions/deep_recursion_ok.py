# Checks recursion to depth 900 works under the default recursion limit.
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
print(depth(900))
