# Tuples that hold only untracked objects stop being tracked (constants from the start,
# others at the next collection), as in CPython; cycles through tuples are still found.
import gc
t = (1, 2, "a", None, 3.5)
u = (t, (1,), "x")
l = [1]
v = (1, l)
w = (v,)
print(gc.is_tracked(t), gc.is_tracked(u), gc.is_tracked(v), gc.is_tracked(w))
gc.collect()
print(gc.is_tracked(t), gc.is_tracked(u), gc.is_tracked(v), gc.is_tracked(w), gc.is_tracked(()))
# a cycle through a list inside a tuple is still found
a = []
b = (a,)
a.append(b)
del a, b
print(gc.collect() >= 2)
print(gc.is_tracked((1, [])), gc.is_tracked((x for x in [])))
