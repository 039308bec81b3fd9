# Checks a traceback through a method call and a lambda.
class Calc:
    def apply(self, f, v):
        return f(v)
c = Calc()
c.apply(lambda v: v / 0, 5)
