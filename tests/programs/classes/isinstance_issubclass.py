# Checks isinstance/issubclass with inheritance, tuples of types, builtins and object.
class A: pass
class B(A): pass
class C: pass
b = B()
print(isinstance(b, A), isinstance(b, (C, B)), isinstance(b, C), isinstance(1, object))
print(issubclass(B, A), issubclass(A, B), issubclass(B, (C, A)), issubclass(bool, int), issubclass(A, object))
print(isinstance(True, int), isinstance(1, float), isinstance(None, type(None)), isinstance(A, type))
