# Checks functions as values: stored in containers, passed and returned.
def compose(f, g):
    return lambda x: f(g(x))
inc = lambda x: x + 1
dbl = lambda x: x * 2
ops = {"inc": inc, "dbl": dbl}
print(compose(inc, dbl)(5), compose(dbl, inc)(5), [ops[k](10) for k in sorted(ops)])
print(list(map(compose(str, inc), [1, 2])))
