class A:
    x = 1
    def m(self):
        return self.x
class B(A, metaclass=Meta, k=1):
    def m(self):
        return super().m() + __class__.x
    @staticmethod
    def s():
        return 1
class C:
    def __init__(self):
        self.__priv = 1
    def get(self):
        return self.__priv
