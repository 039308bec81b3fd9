# Checks a basic while loop computing factorial and fibonacci.
n, fact = 10, 1
while n > 1:
    fact *= n
    n -= 1
print(fact)
a, b = 0, 1
out = []
while a < 100:
    out.append(a)
    a, b = b, a + b
print(out)
