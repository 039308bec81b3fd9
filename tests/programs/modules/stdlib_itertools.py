# Checks itertools: infinite iterators, combinatorics, grouping, slicing and tee.
import itertools as it
print(list(it.islice(it.count(5), 3)), list(it.islice(it.count(1, 0.5), 3)), repr(it.count(3)), repr(it.repeat("a", 2)))
print(list(it.islice(it.cycle("ab"), 5)), list(it.repeat(7, 3)), list(it.chain("ab", [1])), list(it.chain.from_iterable(["xy", "z"])))
print(list(it.accumulate([1, 2, 3, 4])), list(it.accumulate([3, 1, 4], max)), list(it.accumulate([1, 2], initial=10)))
print(list(it.compress("abcdef", [1, 0, 1, 0, 1, 1])), list(it.dropwhile(lambda x: x < 3, [1, 4, 2])), list(it.takewhile(lambda x: x < 3, [1, 2, 5, 1])))
print(list(it.filterfalse(None, [0, 1, "", "a"])), [(k, list(g)) for k, g in it.groupby("aabccc")], [(k, len(list(g))) for k, g in it.groupby([1, 3, 2, 4], key=lambda x: x % 2)])
print(list(it.islice("abcdefg", 2)), list(it.islice("abcdefg", 2, 6, 2)), list(it.islice("abcdefg", 3, None)), list(it.pairwise("abcd")))
print(list(it.starmap(pow, [(2, 3), (3, 2)])), list(it.product("ab", [1, 2])), list(it.product(range(2), repeat=2)))
print(list(it.permutations("abc")), list(it.permutations(range(3), 1)), list(it.permutations([], 0)))
print(list(it.combinations("abcd", 2)), list(it.combinations(range(3), 4)), list(it.combinations_with_replacement("ab", 2)))
print(list(it.zip_longest("ab", [1, 2, 3], fillvalue="-")), list(it.batched(range(7), 3)))
a, b = it.tee(iter([1, 2, 3]))
print(next(a), list(b), list(a))
g = it.groupby([1, 1, 2])
k1, g1 = next(g); k2, g2 = next(g)
print(k1, list(g1), k2, list(g2))
src = iter(range(10))
print(list(it.islice(src, 1, 5, 3)), next(src))
for bad in [lambda: it.islice("a", -1), lambda: it.islice("a", 0, 1, 0), lambda: list(it.permutations("a", -1)), lambda: list(it.product("a", repeat=-1))]:
    try:
        bad()
    except ValueError as e:
        print("ValueError", e)
