# Checks a handful of pure stdlib modules import and work (math, itertools, functools, string).
import itertools, functools, string, operator
print(list(itertools.chain([1], [2])), list(itertools.accumulate([1, 2, 3])), functools.reduce(operator.mul, [1, 2, 3, 4]))
print(string.ascii_lowercase[:5], string.digits, list(itertools.product("ab", repeat=2)))
print(list(itertools.permutations([1, 2, 3], 2))[:3], list(itertools.combinations(range(4), 2)))
