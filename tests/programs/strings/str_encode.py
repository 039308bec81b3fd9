# Checks encode/decode round trips and bytes repr for utf-8 and ascii with errors.
s = "héllo €"
b = s.encode()
print(b, len(b), b.decode() == s)
print(s.encode("ascii", "replace"), s.encode("ascii", "ignore"), s.encode("latin-1", "replace"))
try:
    s.encode("ascii")
except UnicodeEncodeError as e:
    print(e)
