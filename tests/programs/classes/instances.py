# Checks instance creation, __init__, instance attributes and methods with self.
class Dog:
    species = "canis"
    def __init__(self, name, age=1):
        self.name = name
        self.age = age
    def speak(self):
        return f"{self.name} says woof"
    def birthday(self):
        self.age += 1
        return self
d = Dog("Rex")
print(d.speak(), d.birthday().age, d.species, Dog.species)
print(d.__dict__, type(d).__name__, type(d) is Dog)
