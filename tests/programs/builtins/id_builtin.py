# Checks id(): same object same id, distinct live objects distinct ids (never printed).
a = [1]
b = a
c = [1]
print(id(a) == id(b), id(a) == id(c), type(id(a)).__name__, id(None) == id(None))
