# Checks strip family and padding: center, ljust, rjust, zfill.
s = "  xx--  "
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()), repr("--x--".strip("-")))
print(repr("ab".center(7, "*")), repr("ab".center(6)), repr("ab".ljust(5, ".")), repr("ab".rjust(5)))
print("42".zfill(5), "-42".zfill(5), "+7".zfill(4), "abc".zfill(2))
print("prefix_name".removeprefix("prefix_"), "file.txt".removesuffix(".txt"))
