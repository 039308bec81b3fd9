# Checks list error messages: pop from empty, remove missing, index missing, out of range.
for f in [lambda: [].pop(), lambda: [1].remove(2), lambda: [1].index(2), lambda: [1][5], lambda: [1].pop(3)]:
    try:
        f()
    except (IndexError, ValueError) as e:
        print(type(e).__name__, e)
