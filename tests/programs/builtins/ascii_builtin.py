# Checks ascii() escaping of non-ASCII characters compared with repr().
print(ascii("café ☃ 😀"), repr("café"), ascii([1, "é"]), ascii(b"\xff"))
