# Checks isdigit/isalpha/isalnum/isspace/isdecimal/isnumeric/isidentifier/isprintable.
for s in ["123", "abc", "a1", " \t", "", "½", "x_1", "1x", "a\n"]:
    print(repr(s), s.isdigit(), s.isalpha(), s.isalnum(), s.isspace(), s.isdecimal(), s.isnumeric(), s.isidentifier(), s.isprintable())
