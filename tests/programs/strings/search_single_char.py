# str search methods with one-character needles (searched with memchr) and longer ones.
s = "a|b||c|"
print(s.split("|"), s.split("|", 2), s.rsplit("|", 1), s.replace("|", ", "), s.replace("|", "", 2), s.find("|"), s.rfind("|"), s.count("|"), "|" in s, "é" in "café", "fé" in "café")
print("héllo wörld".split("ö"), "héllo".find("l"), "héllo".count("l"), "abc".replace("", "-"), "aaa".count("a"), "aaa".count("aa"), "x".split("x"))
print("ab".find("b", 1), "ab".find("b", 2), "abab".rfind("a", 0, 3), "a\u00e9b\u00e9".index("\u00e9"), "a\u00e9b\u00e9".rindex("\u00e9"))
