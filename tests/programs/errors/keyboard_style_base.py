# Checks an uncaught BaseException subclass (not Exception) still prints a traceback.
class Stop(BaseException):
    pass
raise Stop("base")
