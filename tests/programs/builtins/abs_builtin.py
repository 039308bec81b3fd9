# Checks abs on int, float, complex, bool and a user __abs__.
class A:
    def __abs__(self):
        return "absolute"
print(abs(-3), abs(3), abs(-2.5), abs(-0.0), abs(3 + 4j), abs(True), abs(A()), abs(-(10 ** 30)))
