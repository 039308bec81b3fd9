# Checks repr quoting choice for strings containing quotes, backslashes and control characters.
for s in ["plain", "it's", 'say "hi"', "both ' and \"", "back\\slash", "tab\t", "nl\n", "\x00\x7f", "é", "\u200b", "😀"]:
    print(repr(s))
print(repr(b"it's"), repr(b'"'), repr(b"\x80\n"))
