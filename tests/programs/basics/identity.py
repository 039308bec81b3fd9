# Checks is / is not versus == for mutable objects and small ints/None.
a = [1, 2]
b = [1, 2]
c = a
print(a == b, a is b, a is c, a is not b)
print(None is None, (a is None))
x = ()
y = ()
print(x == y)
