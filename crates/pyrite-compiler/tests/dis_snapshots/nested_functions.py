def a():
    def b():
        def c():
            return d
        d = 1
        return c
    return b
class O:
    class I:
        def m(self):
            pass
