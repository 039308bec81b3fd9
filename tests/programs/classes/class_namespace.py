# Checks class bodies execute top to bottom, can reference earlier names, and __dict__ entries.
class C:
    print("executing class body")
    a = 1
    b = a + 1
    def m(self):
        return self.b
print(C.a, C.b, C().m(), sorted(k for k in C.__dict__ if not k.startswith("__")))
print(C.__name__, C.__qualname__, C.__module__)
