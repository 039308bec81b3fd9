# Substring search, splitting, replacing and building strs: ASCII and non-ASCII text,
# one-byte and longer needles, limits, identity of unchanged results, subclasses.

texts = ["a|b||c|", "añb|ñ|c", "", "|", "aaaa", "ñññ", "x€y€€z", "  spaced  out\ttext\n"]
needles = ["|", "ñ", "€", "aa", "€€", "b|", "zz", "a", "ñ|"]

for t in texts:
    for n in needles:
        print(repr(t), repr(n), t.split(n), t.rsplit(n), t.split(n, 1), t.rsplit(n, 1),
              t.count(n), t.find(n), t.rfind(n), n in t, t.replace(n, "<>"),
              t.replace(n, "", 1), t.partition(n), t.rpartition(n))
    print(t.split(), t.rsplit(), t.split(None, 1), t.rsplit(None, 1), t.splitlines(True))
    print(t.upper(), t.lower(), t.strip(), t.lstrip("a "), t.rstrip("|\n"), t.replace("", "-"), t.replace("", "-", 2))
    print(t.find("b", 1), t.find("b", -3, -1), t.count("", 2), t.startswith(("a", "ñ"), 0), t.endswith("|", 0, 3))

# Unchanged results are the same object (as CPython); changed ones are new.
s = "hello world"
print(s.strip() is s, s.replace("zz", "y") is s, s.replace("o", "0", 0) is s, "".join([s]) is s)
print(s.removeprefix("zz") is s, s.partition("zz")[0] is s, s.replace("o", "0"))

# Join: items of mixed widths, separators with characters beyond ASCII, errors.
print("-".join(["a", "ñ", "€", ""]), "€".join("abc"), "".join([]), repr("x".join(["", ""])))
try:
    "-".join(["a", 1])
except TypeError as e:
    print("TypeError:", e)

class S(str):
    pass

u = S("a|b|c")
print(type(u.strip()).__name__, u.split("|"), type(u.replace("z", "y")).__name__, u.upper())
print(int("  42 "), int(S("7")), int("-0010"), int("ñ".replace("ñ", "9")))

# Growing a str in place with += keeps every piece (ASCII and not).
acc = ""
for i in range(300):
    acc += "ab€"[i % 3]
print(len(acc), acc[:9], acc.count("€"), acc[-3:], hash(acc) == hash("".join("ab€"[i % 3] for i in range(300))))
alias = acc
acc += "!"
print(alias[-1], acc[-2:], len(alias), len(acc))

# Errors keep CPython's messages.
for bad in [lambda: "a".split(""), lambda: "a".rsplit(""), lambda: "a".split(1), lambda: "a".replace(1, "b"),
            lambda: "a".partition(""), lambda: "a".count(1), lambda: "a".split(sep="", maxsplit=1)]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print("a,b,c".split(sep=",", maxsplit=1), "a,b,c".rsplit(maxsplit=1, sep=","))

# Two-bound slices of strs, lists and tuples (taken without a slice object when the bounds are
# small ints or None), and the generic path for the rest.
class L(list):
    pass

class T(tuple):
    pass

big = 10 ** 30
for seq in ["héllo wörld", "hello", "", [1, 2, 3, 4], (1, 2, 3, 4), (), L([5, 6, 7]), T((8, 9)), S("subclass")]:
    for a in [None, 0, 1, -2, 100, -100, big, -big]:
        for b in [None, 0, 3, -1, 100, -100, big]:
            r = seq[a:b]
            print(repr(r), type(r).__name__, end="; ")
    print()
t = (1, 2, 3)
s = "text"
print(t[:] is t, t[0:] is t, s[:] is s, s[0:100] is s, s[1:] is s)
try:
    "abc"[1.5:2]
except TypeError as e:
    print("TypeError:", e)

class Idx:
    def __index__(self):
        return 2

print("abcdef"[Idx():], [1, 2, 3][:Idx()], (1, 2, 3)[Idx():Idx()])

# int() of text: the plain decimal forms and everything around them.
for t in ["0", "-0", "+7", " 12 ", "\t-34\n", "000123", "999999999999999999", "-999999999999999999",
          "1000000000000000000", "12345678901234567890", "1_000", "\x0b5\x0b", "٣", " ７ "]:
    print(repr(t), int(t))
for t in ["", " ", "-", "+-1", "1 2", "1__0", "_1", "1_", "12a", "0x10", "\x0b"]:
    try:
        int(t)
    except ValueError as e:
        print(e)
print(int("0x10", 16), int("0010", 0) if False else int("10", 0), int(" 0b101 ", 0))
print("  a b  ".strip(" a"), "xxhixx".strip("x"), "ñaña".strip("ñ"), "abc".strip("ñc"), "\x1c a \x1f".strip())
print("item12".startswith(("x", "item1")), "item12".startswith("item1", 1), "abc".endswith(("c",), 0, 2), "".startswith(""))
print("%d|%5d|%-5d|%05d|%+d|% d|%d|%i|%u" % (0, -42, 7, -3, 5, 9, -9223372036854775807, 10**20, -10**19), "%%a%sb%%" % "x", "ä%dö" % 5)

# Many matches (more than a short text has), joins of lists and tuples, and of other iterables.
many = "ab|" * 40 + "ñ|" * 20
print(many.replace("|", "--")[:50], len(many.replace("|", "--")), many.replace("|", "", 17).count("|"), len(many.split("|")))
print("+".join(("x", "y", "zé")), "+".join(iter(["p", "q"])), "+".join({"k": 1, "j": 2}), "".join(x for x in "gen"))
