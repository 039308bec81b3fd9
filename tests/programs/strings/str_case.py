# Checks case methods: upper, lower, capitalize, title, swapcase, casefold.
s = "hello World ßtraße"
print(s.upper(), s.lower(), s.capitalize(), s.title(), s.swapcase(), s.casefold(), sep="\n")
print("ab".isupper(), "AB".isupper(), "Ab".istitle(), "abc".islower())
