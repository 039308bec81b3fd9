# Checks that strings are immutable: item assignment raises TypeError.
s = "abc"
try:
    s[0] = "z"
except TypeError as e:
    print(e)
print(s, s.upper(), s)
