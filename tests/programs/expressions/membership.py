# Checks in / not in across str, list, tuple, dict (keys), set and range.
print("ell" in "hello", "z" not in "hello", "" in "abc")
print(2 in [1, 2], 5 in (1, 2), "k" in {"k": 1}, 1 in {"k": 1})
print(3 in {1, 2, 3}, 5 in range(0, 10, 5), 6 in range(0, 10, 5))
print(1.0 in [1], [1] in [[1], 2])
