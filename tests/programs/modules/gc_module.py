# Checks gc.collect/enable/disable/isenabled/get_threshold basics.
import gc
print(gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled())
print(type(gc.collect()).__name__, gc.collect() >= 0)
t = gc.get_threshold()
print(type(t).__name__, len(t), all(isinstance(v, int) for v in t))
