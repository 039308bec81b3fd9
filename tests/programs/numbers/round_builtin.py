# Checks round(): banker's rounding, ndigits, negative ndigits, ints and float artifacts.
print(round(0.5), round(1.5), round(2.5), round(-0.5), round(-1.5))
print(round(2.675, 2), round(1.23456, 3), round(1234.5, -2), round(1250, -2), round(1350, -2))
print(round(7), round(7, 1), type(round(2.5)).__name__, type(round(2.5, 0)).__name__)
print(round(-2.5), round(3.14159, 0))
