# Checks the simplest print of a string literal.
print("Hello, world!")
