# Checks "The above exception was the direct cause of the following exception:" chaining.
def parse(s):
    try:
        return int(s)
    except ValueError as e:
        raise RuntimeError("parse failed") from e
parse("zz")
