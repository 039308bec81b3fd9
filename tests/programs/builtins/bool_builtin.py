# Checks bool() on values and user __bool__ / __len__; bool is not subclassable.
class Z:
    def __len__(self):
        return 0
print(bool(), bool(0), bool(0.0), bool(0j), bool(""), bool(" "), bool([]), bool([0]), bool(None), bool(Z()))
try:
    class B(bool):
        pass
except TypeError as e:
    print(e)
