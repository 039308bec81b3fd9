# Checks custom exception hierarchies, extra attributes and overriding __str__.
class AppError(Exception):
    pass
class NotFound(AppError):
    def __init__(self, name):
        super().__init__(f"{name} not found")
        self.name = name
class Fancy(Exception):
    def __str__(self):
        return "fancy!"
try:
    raise NotFound("widget")
except AppError as e:
    print(type(e).__name__, e, e.name, e.args, isinstance(e, Exception))
print(str(Fancy("x")), repr(Fancy("x")))
print(NotFound.__mro__[1:3])
