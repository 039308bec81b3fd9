# Checks exception args, str and repr with zero, one and several arguments.
for e in [Exception(), Exception("msg"), Exception("a", 2), ValueError(3), KeyError("k"), KeyError(), OSError(2, "No such file")]:
    print(repr(e), "|", str(e), "|", e.args)
