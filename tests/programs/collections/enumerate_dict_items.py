# Checks iterating over dict items with unpacking and enumerate start.
inv = {"apples": 3, "pears": 0, "figs": 7}
for n, (name, qty) in enumerate(inv.items(), start=1):
    print(n, name, qty)
print({v: k for k, v in inv.items()})
