# Checks name mangling of __private attributes.
class A:
    def __init__(self):
        self.__secret = 1
        self._prot = 2
    def get(self):
        return self.__secret
a = A()
print(a.get(), a._A__secret, a._prot, sorted(vars(a)))
try:
    a.__secret
except AttributeError as e:
    print(e)
