# Checks an uncaught AttributeError on an int.
x = 5
x.foo
