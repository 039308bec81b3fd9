# Checks split/rsplit/splitlines/partition/rpartition/join behaviour.
print("a,b,,c".split(","), "  a  b  ".split(), "a b c".split(None, 1))
print("a,b,c".rsplit(",", 1), "x".split(","), "".split(), "".split(","))
print("l1\nl2\r\nl3".splitlines(), "l1\nl2\n".splitlines(True))
print("k=v=w".partition("="), "k=v=w".rpartition("="), "abc".partition("x"))
print("-".join(["a", "b", "c"]), "".join([]), ", ".join("xyz"))
