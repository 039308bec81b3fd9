# Checks that sorting is stable across multiple passes (sort by secondary then primary key).
records = [("bob", 30), ("amy", 25), ("cat", 30), ("dan", 25), ("eve", 35)]
by_name = sorted(records)
by_age = sorted(by_name, key=lambda r: r[1])
print(by_age)
print(sorted(records, key=lambda r: -r[1]))
