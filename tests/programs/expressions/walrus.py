# Checks assignment expressions (walrus) in if, while and comprehensions.
data = [1, 5, 12, 3, 20]
if (n := len(data)) > 3:
    print("long", n)
it = iter(data)
while (x := next(it, None)) is not None:
    if x > 10:
        print("first big", x)
        break
print([y for v in data if (y := v * 2) > 10], y)
