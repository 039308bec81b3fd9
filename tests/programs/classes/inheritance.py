# Checks single inheritance, method override and extension via super().
class Animal:
    def __init__(self, name):
        self.name = name
    def sound(self):
        return "..."
    def describe(self):
        return f"{self.name}: {self.sound()}"
class Cat(Animal):
    def sound(self):
        return "meow"
class Lion(Cat):
    def __init__(self, name, pride):
        super().__init__(name)
        self.pride = pride
    def sound(self):
        return super().sound().upper() + "!"
print(Animal("x").describe(), Cat("tom").describe(), Lion("leo", 3).describe(), Lion("l", 2).pride)
