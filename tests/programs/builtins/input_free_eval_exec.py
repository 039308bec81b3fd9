# Checks eval() and exec() with explicit globals/locals.
print(eval("1 + 2 * 3"), eval("x * 2", {"x": 21}), eval("a + b", {"a": 1}, {"b": 2}))
ns = {}
exec("def sq(n):\n    return n * n\nresult = sq(7)", ns)
print(ns["result"], ns["sq"](3))
exec("print('from exec')")
