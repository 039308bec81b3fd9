# Checks a class implementing __iter__/__next__ and StopIteration ending a for loop.
class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1
c = Countdown(3)
print(list(c), list(c))
print([x for x in Countdown(2)], sum(Countdown(4)))
