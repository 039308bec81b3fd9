# Checks replace with counts and empty patterns, and expandtabs.
print("aaaa".replace("a", "b", 2), "abc".replace("", "-"), "hello".replace("l", ""))
print("a\tbc\td".expandtabs(4), "x\ty".expandtabs())
