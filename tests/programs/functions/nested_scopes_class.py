# Checks class bodies are not enclosing scopes for methods, but functions are for classes.
x = "global"
class C:
    x = "class"
    def m(self):
        return x
print(C().m())
def f():
    y = "func"
    class D:
        z = y
        def m(self):
            return y
    return D.z, D().m()
print(f())
