# Checks str.format with positional, keyword, indexed, attribute and format specs.
print("{} {} {}".format(1, "a", None))
print("{1} {0} {1}".format("x", "y"))
print("{name}-{n:03d}".format(name="id", n=7))
print("{0[1]} {0[k]}".format({1: "one", "k": "kay"}))
print("{:>6}|{:<6}|{:^6}|".format("r", "l", "c"))
print("{!r} {!s}".format("q", "q"))
print("{:.3}".format("abcdef"), "{:5.1f}".format(3.14159))
