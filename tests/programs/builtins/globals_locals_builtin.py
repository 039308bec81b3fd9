# Checks globals() and locals() contents inside functions and at module level.
g_value = 1
def f(a, b=2):
    c = 3
    return sorted(locals().items())
print(f(1))
print("g_value" in globals(), globals()["g_value"], globals() is locals(), "f" in globals())
def g():
    globals()["made"] = "dynamic"
g()
print(made)
