# Checks an uncaught TypeError for calling a function with too many arguments.
def greet(name):
    return "hi " + name
greet("a", "b")
