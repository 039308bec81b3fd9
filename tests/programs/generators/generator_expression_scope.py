# Checks the first iterable of a genexp is evaluated immediately, the rest lazily.
def src(name):
    print("eval", name)
    return range(2)
g = (x + y for x in src("outer") for y in src("inner"))
print("made")
print(list(g))
