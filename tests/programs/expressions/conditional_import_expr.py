# Checks nested conditional expressions mixed with boolean operators.
for n in range(-1, 3):
    print(n, "neg" if n < 0 else ("zero" if n == 0 else "pos") if n < 2 else "big", n and "truthy" or "falsy")
