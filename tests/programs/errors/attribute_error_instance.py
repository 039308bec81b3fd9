# Checks an uncaught AttributeError on a user instance, with the suggestion line.
class Point:
    def __init__(self):
        self.x = 1
p = Point()
print(p.y)
