# Checks while/else with and without break, and continue skipping.
i = 0
while i < 5:
    i += 1
    if i % 2 == 0:
        continue
    print("odd", i)
else:
    print("while finished", i)
while True:
    i -= 1
    if i < 3:
        break
else:
    print("never")
print("after", i)
