# Checks `import m` of a module beside the script, module attributes and single execution.
import helper_mod
import helper_mod
print(helper_mod.VALUE, helper_mod.greet("x"), helper_mod.Thing())
print(helper_mod.__name__, helper_mod.__doc__, type(helper_mod).__name__)
