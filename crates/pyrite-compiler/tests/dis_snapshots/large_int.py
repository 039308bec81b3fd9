a = 123456789012345678901234567890
b = 0xffffffffffffffffffff
c = 1_000_000
d = 1.5e300
e = 0.1
f = 1e-10
g = b"bytes\x00"
h = "uni\u00e9"
