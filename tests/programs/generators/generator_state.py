# Checks generator attributes: gi_running, gi_frame after exhaustion, __name__, iter(g) is g.
import inspect
def g():
    yield 1
gen = g()
print(gen.__name__, iter(gen) is gen, inspect.getgeneratorstate(gen))
next(gen)
print(inspect.getgeneratorstate(gen))
list(gen)
print(inspect.getgeneratorstate(gen), gen.gi_frame)
