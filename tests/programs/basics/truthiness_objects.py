# Checks truth testing through __bool__ and __len__ on user classes.
class T:
    def __bool__(self):
        return False
class L:
    def __len__(self):
        return 0
class Plain:
    pass
print(bool(T()), bool(L()), bool(Plain()))
print("yes" if not T() else "no")
