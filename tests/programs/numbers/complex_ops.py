# Checks complex construction (strings, keywords, dunders), arithmetic with ints/floats, pow, hash, eq and format.
for s in [" ( 1-j ) ", "j", "-J", "1_0+2_0j", "inf-nanj", "1e5j", "-1.5e-3-2.5E+2j", "5", "+1.5"]:
    print(repr(s), complex(s))
for s in ["1+2", "(1+2j", "", "abc", "1e", "1+2jj", "j1"]:
    try:
        complex(s)
    except ValueError as e:
        print(repr(s), e)
print(complex(), complex(1j, 1j), complex(real=1, imag=2), complex(imag=3), complex(1.5), complex(True), complex(2, -0.0))
class C:
    def __complex__(self):
        return 3 + 4j
class R:
    def __float__(self):
        return 2.5
print(complex(C()), complex(R(), R()), complex(-0.0, -1), complex("1+2j ").__class__.__name__)
for args, kw in [(("1+2j", 1), {}), ((1, "2"), {}), (([],), {}), ((1, []), {}), ((), {"x": 1}), ((1, 2, 3), {})]:
    try:
        complex(*args, **kw)
    except TypeError as e:
        print(e)
z = 1 + 2j
print(z * 2, 2 * z, z * 2.5, z - 1, 1 - z, z / (3 - 4j), 1 / 1j, z ** 3, z ** -3, z ** 0.5, z ** (1 + 1j), 2 ** (1 + 1j))
print((1e300 + 1e300j) ** 2, 1j ** 2, (1 + 1j) ** 0, abs(3 + 4j), abs(complex(float("inf"), 1)), -(1j), +(1j), bool(0j))
for expr in ["z / 0", "0j ** -1", "0j ** 1j", "0.0 ** (1 + 1j)", "abs(1e308 + 1e308j)", "(1e200 + 1j) ** 50.5", "z // 2", "z % 2", "z < z", "divmod(z, 2)", "int(z)", "float(z)", "pow(z, 2, 3)"]:
    try:
        print(eval(expr))
    except Exception as e:
        print(expr, "->", type(e).__name__, e)
print([hash(x) for x in [1j, 1 + 1j, 2.5 - 3j, complex(5, 0), complex(-1, 0), complex(0, -1)]])
print(complex(1, 0) == 1, 1j == 1j, 1j != 1, (1 + 0j) == 1.0, complex(2 ** 53 + 1, 0) == 2 ** 53 + 1, z == "z", z.conjugate(), z.real, z.imag)
print(repr(complex(-0.0, -1)), repr(complex(0, -0.0)), repr(complex(float("nan"), float("inf"))), repr(1e16j), repr(complex(1, 1e-7)))
for spec in ["", ".2f", "10", "^12", "<14.1e", "#g", "+", ",", "e", "G", "z.1f"]:
    print(repr(spec), repr(format(1234.5 - 2j, spec)), repr(format(2j, spec)))
for spec in ["=10", "010", "d", "c", "%"]:
    try:
        format(1 + 2j, spec)
    except ValueError as e:
        print(e)
print((1j).__getnewargs__(), (2 + 3j).__complex__(), "{:.1f}".format(1 + 1j))
