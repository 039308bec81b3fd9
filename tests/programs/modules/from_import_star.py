# Checks `from m import *` honours __all__.
from helper_all import *
print(public, Exported.__name__)
try:
    also_public
except NameError as e:
    print(e)
