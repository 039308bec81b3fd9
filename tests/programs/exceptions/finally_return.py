# Checks return in finally overrides return in try and swallows exceptions.
def a():
    try:
        return "try"
    finally:
        print("finally runs")
def b():
    try:
        return "try"
    finally:
        return "finally"
def c():
    try:
        raise ValueError
    finally:
        return "swallowed"
print(a(), b(), c())
