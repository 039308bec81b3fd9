# Checks printf-style % formatting with various conversions and tuples/dicts.
print("%d %s %r %5.2f %-5d| %05d %x %o %e" % (42, "s", "s", 3.14159, 7, 42, 255, 8, 12345.678))
print("%(a)s and %(b)d" % {"a": "A", "b": 2})
print("%c%c %% %i" % (72, "i", 3))
print("%s" % (1, ) , "%s" % [1, 2])
