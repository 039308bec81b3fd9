# Checks a small table formatted with format specs (alignment of mixed widths).
rows = [("apple", 3, 1.5), ("kiwi", 12, 0.25), ("fig", 100, 10.0)]
for name, qty, price in rows:
    print(f"{name:<8}|{qty:>5}|{price:8.2f}|")
