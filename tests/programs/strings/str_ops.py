# Checks string concatenation, repetition, comparison, len and iteration.
s = "ab"
print(s * 3, 3 * s, s * 0, s * -1 == "", s + "c")
print(len("héllo"), list("abc"), "".join(reversed("abc")))
print(sorted("hello"), min("hello"), max("hello"))
