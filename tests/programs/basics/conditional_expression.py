# Checks the conditional (ternary) expression, including nesting and laziness.
def boom():
    raise RuntimeError("evaluated")
x = 5
print("big" if x > 3 else "small")
print("neg" if x < 0 else "zero" if x == 0 else "pos")
print(1 if True else boom())
