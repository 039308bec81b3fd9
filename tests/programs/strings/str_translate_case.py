# maketrans/translate, case mapping, padding, expandtabs, predicates on non-ASCII text
print(str.maketrans("ab", "cd", "e"))
print("abcd".translate(str.maketrans("ab", "xy", "c")))
print("abc".translate({97: None, 98: "xy", 99: 100}))
for bad in [lambda: str.maketrans("ab", "c"), lambda: str.maketrans({"ab": 1}),
            lambda: str.maketrans(1), lambda: "abc".translate({97: 1.5})]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
print("hello wORLD 1st".title(), "hELLO".capitalize(), "AbC".swapcase(), "Straße".upper(), "Straße".casefold())
print("ΑΣ".lower(), "ǆemal".title(), "ǆ".capitalize())
print("Hello World".istitle(), "Hello world".istitle(), "ABC1".isupper(), "abc1".islower(), "1".islower())
print("²".isdigit(), "²".isdecimal(), "½".isnumeric(), "١٢".isdecimal(), "abc".isalpha(), "a1".isalnum())
print(" \t\x1c".isspace(), "".isspace(), "a1_".isidentifier(), "1a".isidentifier(), "é".isascii())
print("ab".center(7, "*"), "abc".center(6, "*"), "x".ljust(3, "-") + "|", "x".rjust(3), "-42".zfill(6), "+7".zfill(4), "abc".zfill(2))
print(repr("a\tbc\td\ne\tf".expandtabs(4)), repr("a\tb".expandtabs(0)), repr("\t".expandtabs()))
print("foobar".removeprefix("foo"), "foobar".removesuffix("bar"), "foobar".removeprefix(""), "aaaa".replace("a", "b", 2), "ab".replace("", "-"))
print("xxhixx".strip("x"), "  hi  ".lstrip(), "  hi  ".rstrip() + "|", "abcba".strip("ab"))
print("{} {x} {}".format(1, 3, x=2), "{a}".format_map({"a": 1}), "a".__getnewargs__())
