# Checks subclassing built-in types (str, list, dict) and overriding methods.
class Upper(str):
    def shout(self):
        return self.upper() + "!"
class Stack(list):
    def push(self, v):
        self.append(v)
class Default(dict):
    def __missing__(self, key):
        return f"<{key}>"
u = Upper("hi")
print(u.shout(), u + "x", type(u + "x").__name__, isinstance(u, str), len(u))
s = Stack()
s.push(1); s.push(2)
print(s, s.pop(), type(s).__name__)
d = Default(a=1)
print(d["a"], d["zz"], "zz" in d)
