# Checks zero-argument super() inside classmethods and __init__ chains with kwargs.
class A:
    @classmethod
    def create(cls):
        return f"A.create for {cls.__name__}"
class B(A):
    @classmethod
    def create(cls):
        return "B+" + super().create()
print(B.create(), A.create())
