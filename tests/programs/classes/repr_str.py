# Checks __repr__ vs __str__ use by print, str(), repr(), f-strings and containers.
class Both:
    def __repr__(self):
        return "Both<repr>"
    def __str__(self):
        return "Both<str>"
class OnlyRepr:
    def __repr__(self):
        return "OnlyRepr()"
b, r = Both(), OnlyRepr()
print(b, str(b), repr(b), f"{b} {b!r}", [b], (r,), str(r), r)
print("%s %r" % (b, b), format(b))
