# Checks "During handling of the above exception, another exception occurred:" chaining.
try:
    [][0]
except IndexError:
    raise ValueError("while handling")
