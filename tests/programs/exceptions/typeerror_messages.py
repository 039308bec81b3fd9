# Checks TypeError messages for bad operands, calls and subscripts.
five, nothing = 5, None
tests = ["1 + 'a'", "'a' * 'b'", "[] - []", "-'x'", "len(5)", "five()", "nothing[0]", "1 < 'a'", "{}[[]]", "int([])", "abs('x')", "'%d' % 'x'", "hash([])", "iter(5)"]
for t in tests:
    try:
        eval(t)
    except TypeError as e:
        print(t, "->", e)
