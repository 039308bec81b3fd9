# Checks escape sequences in string literals: \n \t \\ \' \x \u \U \N and octal.
print("a\tb\\c\'d\"e")
print("\x41\u00e9\U0001F600\101\0".encode("utf-8"))
print("\N{GREEK SMALL LETTER ALPHA}", len("\N{BULLET}"))
print(len("\n\r\t\a\b\f\v"))
