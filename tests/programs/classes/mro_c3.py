# Checks C3 linearization: diamond and a more complex hierarchy via __mro__ and mro().
class A: pass
class B(A): pass
class C(A): pass
class D(B, C): pass
print([k.__name__ for k in D.__mro__])
class X: pass
class Y: pass
class Z: pass
class K1(X, Y): pass
class K2(Y, Z): pass
class K3(K1, K2, Z): pass
print([k.__name__ for k in K3.mro()])
print(D.__bases__, D.__base__)
