# Checks implicit None return, multiple return values, early return.
def none():
    pass
def multi():
    return 1, "two", [3]
def early(x):
    if x:
        return "early"
    print("not early")
print(none(), multi(), early(1), early(0))
a, b, c = multi()
print(a, b, c)
