# Checks a generator expression as the sole argument without extra parentheses.
print(max(len(w) for w in ["a", "abc", "ab"]))
print(sorted((x % 3, x) for x in range(6)))
print(",".join(str(i) for i in range(4)))
print(dict((k, k * 2) for k in "ab"))
