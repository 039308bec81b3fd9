# Checks continue/break inside try/except within a loop.
results = []
for s in ["1", "x", "3", "stop", "5"]:
    try:
        if s == "stop":
            break
        results.append(int(s))
    except ValueError:
        results.append(None)
        continue
    finally:
        results.append("|")
print(results)
