# Helper module imported by modules/*.py programs (skipped by the runner).
"""helper_mod docstring"""
print("helper_mod imported, __name__ =", __name__)
VALUE = 42
_private = "hidden"
def greet(name):
    return f"hello {name} from helper_mod"
class Thing:
    def __repr__(self):
        return "Thing()"
if __name__ == "__main__":
    print("never when imported")
