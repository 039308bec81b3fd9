# Checks AttributeError messages for instances, classes, modules and None.
import math
class K: pass
for f in [lambda: (1).foo, lambda: K().bar, lambda: K.baz, lambda: math.nope, lambda: None.x, lambda: "s".nope]:
    try:
        f()
    except AttributeError as e:
        print(e)
