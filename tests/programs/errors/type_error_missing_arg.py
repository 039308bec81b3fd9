# Checks an uncaught TypeError for a missing required argument of a method.
class C:
    def m(self, a, b):
        return a + b
C().m(1)
