# Checks `from m import x, y` and `from m import x as z`.
from helper_mod import VALUE, greet as hi
from helper_mod import Thing
print(VALUE, hi("y"), Thing())
