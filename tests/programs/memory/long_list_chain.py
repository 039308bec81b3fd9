# Checks freeing a 200,000-deep chain of nested lists and dicts does not crash.
l = []
for _ in range(200000):
    l = [l]
d = {}
for _ in range(200000):
    d = {"next": d}
del l, d
print("freed")
