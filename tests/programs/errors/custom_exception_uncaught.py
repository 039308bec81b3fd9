# Checks an uncaught custom exception prints its qualified name and message.
class BadThing(Exception):
    pass
def work():
    raise BadThing("it broke", 42)
work()
