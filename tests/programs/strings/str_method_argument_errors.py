# Arity and keyword errors of str methods (METH_O/NOARGS, clinic, stringlib's find-style parsing)
cases = [
    "'a'.join()", "'a'.join(x=1)", "'a'.upper(1)", "'a'.lower(x=1)", "'a'.isdigit(1)",
    "'a'.split(1, 2, 3)", "'a'.split(maxsplit=1, sep=1, x=1)", "'a'.rsplit(x=1)", "'a'.splitlines(1, 2)",
    "'a'.partition()", "'a'.rpartition(1, 2)", "'a'.strip(1, 2)", "'a'.strip(x=1)", "'a'.lstrip(chars=1)",
    "'a'.find()", "'a'.find(x=1)", "'a'.index(1, 2, 3, 4)", "'a'.count()", "'a'.startswith()",
    "'a'.endswith(1, 2, 3, 4)", "'a'.startswith(x=1)", "'a'.replace(1)", "'a'.replace('a', 'b', count=1)",
    "'a'.removeprefix()", "'a'.center()", "'a'.ljust(1, 2, 3)", "'a'.rjust(x=1)", "'a'.zfill()",
    "'a'.expandtabs(1, 2)", "'a'.expandtabs(x=1)", "'a'.encode(1, 2, 3)", "'a'.encode(foo=1)",
    "'a'.translate()", "'{}'.format_map()", "'a'.__getnewargs__(1)", "str.maketrans()",
    "str.maketrans(1, 2, 3, 4)", "str.maketrans(x=1)", "str.maketrans('a', 1)", "str.maketrans('a', 'b', 3)",
]
for c in cases:
    try:
        eval(c)
        print(c, "-> ok")
    except TypeError as e:
        print(c, "->", e)
