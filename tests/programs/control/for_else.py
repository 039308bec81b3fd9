# Checks for/else: else runs only when the loop was not broken.
for target in [3, 7]:
    for n in [1, 3, 5]:
        if n == target:
            print("found", n)
            break
    else:
        print("not found", target)
for _ in []:
    pass
else:
    print("empty loop else")
