# `in` / `not in` specialised for dicts, sets and strs (with and without a following jump):
# results, guards that fail (other types, str subclasses), and errors.


class MyStr(str):
    def __contains__(self, item):
        return item == "magic"


def str_tests(items, text):
    out = []
    for it in items:
        out.append(it in text)
        out.append(it not in text)
        if it in text:
            out.append("yes")
        if it not in text:
            out.append("no")
    return out


for _ in range(3):
    print(str_tests(["", "a", "abc", "xyz", "é", "lé", "ab" * 30], "abcdefé" + "ab" * 30))
print(str_tests(["magic", "abc"], MyStr("abc")))
try:
    str_tests([1], "abc")
except TypeError as e:
    print("TypeError:", e)
try:
    str_tests(["a"], b"abc")
except TypeError as e:
    print("TypeError:", e)


def dict_set_tests(keys, d, s):
    out = []
    for k in keys:
        if k in d:
            out.append(("d", k))
        if k not in s:
            out.append(("not s", k))
        out.append((k in d, k in s))
    return out


for _ in range(3):
    print(dict_set_tests([1, "a", 2.0, (1, 2), None], {1: 1, "a": 2, (1, 2): 3}, {2, "b", None}))
print(dict_set_tests([1], [1, 2], frozenset([1])))
try:
    dict_set_tests([[1]], {}, set())
except TypeError as e:
    print("TypeError:", e)
