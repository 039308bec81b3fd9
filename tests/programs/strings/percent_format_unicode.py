# %-formatting with non-ASCII format strings (scanned by code point) next to ASCII ones
# (scanned by byte): the same results, and error indexes counted in code points.
print("héllo %s, %d€ — %5.2f|%-4s|" % ("wörld", 42, 3.14159, "ü"))
print("%(clé)s → %(n)03d" % {"clé": "välue", "n": 7})
print("日本 %s %r %x" % ("語", "é", 255))
for fmt in ["é %y", "abc %y", "日本語 %q end", "%é"]:
    try:
        print(fmt % (1,))
    except ValueError as e:
        print("ValueError:", e)
try:
    print("ü %s %s" % (1,))
except TypeError as e:
    print("TypeError:", e)
try:
    print("ü %s" % (1, 2))
except TypeError as e:
    print("TypeError:", e)
print("%s" % "", "%%é%%" % (), "%c%c" % ("é", 0x65e5))
