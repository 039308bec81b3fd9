# Checks round() with ndigits and callable() on various objects.
print(round(3.14159, 2), round(2.5), round(3.5), round(-3.5), round(12345, -3), round(0.125, 2))
class K:
    def __call__(self):
        pass
print(callable(print), callable(len), callable(K), callable(K()), callable("s"), callable(lambda: 0))
