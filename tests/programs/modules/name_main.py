# Checks __name__ is '__main__' in the script and the module's own name when imported.
import helper_mod
print(__name__, helper_mod.__name__)
if __name__ == "__main__":
    print("main block runs")
