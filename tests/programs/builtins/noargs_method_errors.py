# METH_NOARGS / METH_O methods refuse extra arguments and keywords with their qualified names
cases = [
    "(1.5).is_integer(1)", "(1.5).as_integer_ratio(x=1)", "(1.5).hex(1)", "(1.5).conjugate(1)",
    "(1.5).__trunc__(1)", "(1.5).__floor__(1)", "(1.5).__ceil__(x=1)", "(1.5).__getnewargs__(1)",
    "(5).bit_length(1)", "(5).bit_count(x=1)", "(5).as_integer_ratio(1)", "(5).is_integer(1)",
    "(5).__getnewargs__(1)", "object().__dir__(1)", "object.__init_subclass__(1)", "int.__init_subclass__(x=1)",
    "object().__reduce_ex__()", "object().__reduce_ex__(1, 2)", "object().__sizeof__(1)",
    "int.mro(1)", "int.__subclasses__(1)", "int.__dir__(1)", "type.mro(type, 1)",
    "range(3).__reversed__(1)", "range(3).__reduce__(1)", "range(3).__reduce__(x=1)", "(1j).conjugate(1)", "(1j).__getnewargs__(1)",
    "(1j).__complex__(1)", "ValueError().__reduce__(1)", "(1,).__getnewargs__(1)", "slice(1).__reduce__(x=1)",
]
for c in cases:
    try:
        eval(c)
        print(c, "-> ok")
    except TypeError as e:
        print(c, "->", e)
print((1.5).hex(), (5).bit_length(), object.__init_subclass__(), range(3).__reduce__()[1], (1j).conjugate())
