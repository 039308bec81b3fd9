# Checks string literal forms: quotes, triple quotes, raw strings, implicit concatenation, bytes.
print('single', "double", '''triple
lines''', """x""")
print(r"raw\n", "esc\\n")
print("con" "cat" 'ena' "tion")
print(b"bytes", b'\x00\xff', rb"\d")
print(len("""a
b"""))
