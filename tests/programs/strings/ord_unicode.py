# Checks ord/chr on non-ASCII code points and indexing astral characters.
s = "a€😀"
print([ord(c) for c in s], len(s), s[2], chr(8364), chr(0x1F600) == s[2])
print("ÉCOLE".lower(), "ǆ".upper(), "ǆ".title())
